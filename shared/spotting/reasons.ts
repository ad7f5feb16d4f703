/**
 * Reasons shown to a checker must not contradict each other. The sentence model and the article context
 * each have a signal for the same fact ("attributed to a source" +0.58 and "reported speech" -1.17); shown
 * side by side they read as two opposite judgements, so each such pair is shown as one reason with the
 * summed weight. The score does not change.
 */
import type { ScoreReason } from '../domain';

/** [sentence-model reason, context reason, the one label shown for both]. */
const SAME_SIGNAL: readonly (readonly [string, string, string])[] = [
  ['attribution', 'attributed', 'attributed to a source (reported speech counts for less in an article)'],
  ['stated_figure', 'figure', 'states a figure'],
];

export function mergeSameSignal(reasons: readonly ScoreReason[]): ScoreReason[] {
  let out = [...reasons];
  for (const [model, context, label] of SAME_SIGNAL) {
    const a = out.find((r) => r.kind === model);
    const b = out.find((r) => r.kind === context);
    if (!a || !b) continue;
    const weight = Math.round((a.weight + b.weight) * 1000) / 1000;
    out = out.filter((r) => r !== a && r !== b);
    if (weight !== 0) out.push({ kind: context, label, weight });
  }
  return out.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
}
