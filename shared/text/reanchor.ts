/**
 * Find an anchored passage again after the text changed: the exact quote nearest its old position,
 * disambiguated by prefix/suffix, then a fuzzy search using prefix and suffix as landmarks.
 */
import type { TextAnchor } from '../domain';
import { makeAnchor } from './anchor';

export interface Reanchored {
  anchor: TextAnchor;
  method: 'exact' | 'fuzzy';
}

function contextScore(text: string, at: number, anchor: TextAnchor): number {
  let score = 0;
  const before = text.slice(Math.max(0, at - anchor.prefix.length), at);
  for (
    let i = 1;
    i <= Math.min(before.length, anchor.prefix.length) && before[before.length - i] === anchor.prefix[anchor.prefix.length - i];
    i++
  )
    score++;
  const after = text.slice(at + anchor.exact.length, at + anchor.exact.length + anchor.suffix.length);
  for (let i = 0; i < Math.min(after.length, anchor.suffix.length) && after[i] === anchor.suffix[i]; i++) score++;
  return score;
}

/** Levenshtein distance with an early exit once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Where the anchor sits in newText, or null when it cannot be placed with confidence. */
export function reanchor(newText: string, anchor: TextAnchor): Reanchored | null {
  if (!anchor.exact) return null;
  // 1. Exact quote: best context match, then nearest to the old position.
  const hits: number[] = [];
  for (let i = newText.indexOf(anchor.exact); i >= 0; i = newText.indexOf(anchor.exact, i + 1)) hits.push(i);
  if (hits.length > 0) {
    const at = hits.sort(
      (x, y) =>
        contextScore(newText, y, anchor) - contextScore(newText, x, anchor) ||
        Math.abs(x - anchor.start) - Math.abs(y - anchor.start),
    )[0]!;
    return { anchor: makeAnchor(newText, at, at + anchor.exact.length), method: 'exact' };
  }
  // 2. Fuzzy: the text between the prefix and the suffix, if it is close enough to the old quote.
  const maxEdits = Math.max(2, Math.floor(anchor.exact.length * 0.25));
  const starts = landmarks(newText, anchor.prefix, true, anchor.start);
  const ends = landmarks(newText, anchor.suffix, false, anchor.end);
  let best: { start: number; end: number; d: number } | null = null;
  const consider = (start: number, end: number) => {
    if (end <= start || end - start > anchor.exact.length * 2 + 20) return;
    const d = distance(newText.slice(start, end), anchor.exact, maxEdits);
    if (
      d <= maxEdits &&
      (!best || d < best.d || (d === best.d && Math.abs(start - anchor.start) < Math.abs(best.start - anchor.start)))
    )
      best = { start, end, d };
  };
  for (const s of starts) for (const e of ends) consider(s, e);
  // Only one landmark survived the edit: try every length the edit budget allows.
  const len = anchor.exact.length;
  const slack = Math.min(maxEdits, 40);
  for (const s of starts) for (let d = -slack; d <= slack; d++) consider(s, s + len + d);
  for (const e of ends) for (let d = -slack; d <= slack; d++) consider(e - len - d, e);
  if (!best) return null;
  const { start, end } = best;
  return { anchor: makeAnchor(newText, start, end), method: 'fuzzy' };
}

/** Positions just after every occurrence of the prefix (or just before every occurrence of the suffix), using its nearest 16 characters. */
function landmarks(text: string, context: string, isPrefix: boolean, near: number): number[] {
  const probe = isPrefix ? context.slice(-16) : context.slice(0, 16);
  if (probe.trim().length < 4) return [];
  const out: number[] = [];
  for (let i = text.indexOf(probe); i >= 0 && out.length < 200; i = text.indexOf(probe, i + 1))
    out.push(isPrefix ? i + probe.length : i);
  // Repeated boilerplate: keep the occurrences nearest the old position.
  return out.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, 8);
}
