/**
 * Reasons shown to a checker must not contradict each other. The sentence model and the article context
 * each have a signal for the same fact ("attributed to a source" +0.58 and "reported speech" -1.17); shown
 * side by side they read as two opposite judgements, so each such pair is shown as one reason with the
 * summed weight. The score does not change.
 */
import type { ScoreReason } from '../domain';

/** [sentence-model reasons, context reason, the one label shown for all of them]. */
const SAME_SIGNAL: readonly (readonly [readonly string[], string, string])[] = [
  [['attribution'], 'attributed', 'attributed to a source (reported speech counts for less in an article)'],
  [['stated_figure', 'quantity'], 'figure', 'states a number or amount'],
];

export function mergeSameSignal(reasons: readonly ScoreReason[]): ScoreReason[] {
  let out = [...reasons];
  for (const [models, context, label] of SAME_SIGNAL) {
    const fromContext = firstOfKind(out, context);
    if (!fromContext) continue;
    const fromModel = out.filter((r) => models.includes(r.kind));
    if (fromModel.length === 0) continue;
    const parts = [...fromModel, fromContext];
    const weight = Math.round(parts.reduce((sum, r) => sum + r.weight, 0) * 1000) / 1000;
    out = out.filter((r) => !parts.includes(r));
    if (weight !== 0) out.push({ kind: context, label, weight });
  }
  return sortByStrength(out);
}

/** out.find by kind, without a closure made per call: this runs for every sentence of a document. */
function firstOfKind(reasons: readonly ScoreReason[], kind: string): ScoreReason | undefined {
  for (const r of reasons) if (r.kind === kind) return r;
  return undefined;
}

const byStrength = (x: ScoreReason, y: ScoreReason) => Math.abs(y.weight) - Math.abs(x.weight);

/**
 * Reasons strongest first, in place; ties keep their order (a stable sort). A sentence has a handful of
 * reasons and three lists of them are sorted per sentence: an insertion sort moves a few items without the
 * work arrays Array.prototype.sort allocates on every call (a tenth of the analysis's allocations).
 */
export function sortByStrength(reasons: ScoreReason[]): ScoreReason[] {
  if (reasons.length > 32) return reasons.sort(byStrength);
  for (let i = 1; i < reasons.length; i++) {
    const item = reasons[i]!;
    let j = i;
    // Only past strictly weaker ones: an equal one stays in front, as in a stable sort.
    while (j > 0 && byStrength(reasons[j - 1]!, item) > 0) {
      reasons[j] = reasons[j - 1]!;
      j--;
    }
    reasons[j] = item;
  }
  return reasons;
}
