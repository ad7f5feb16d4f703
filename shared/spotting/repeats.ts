/**
 * Sentences a document says more than once. A calendar, a form or a report template repeats its headings and
 * labels ("День воинской славы России.", "Total") on every entry; the checker needs such a line once at most.
 * A repeated short line without a verb is a label and never a claim; any other repeated sentence (a speaker
 * coming back to a claim) is kept where it first appears and left out after that.
 */
import { hasVerb, titleWords } from '../text/title-lines';
import { collapseWhitespace, isWhiteSpaceCode } from '../text/whitespace';

/** This many occurrences of a short verbless line make it a label of the document's layout. */
const LABEL_REPEATS = 3;
const MAX_LABEL_WORDS = 8;

export type Repeat = { kind: 'repeat'; count: number } | { kind: 'repeated_label'; count: number };

/** Closing marks a repeat may differ by: white space and . ! ? … ; : , */
const isClosingMark = (c: number) =>
  c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 59 || c === 58 || c === 44 || isWhiteSpaceCode(c);

/**
 * A sentence with its white space collapsed (collapseWhitespace), trailing marks dropped, lower case. The marks are
 * stripped by a backward scan: an end-anchored pattern is tried at every position of the sentence.
 */
function sameSentenceKey(s: string): string {
  let end = s.length;
  while (end > 0 && isClosingMark(s.charCodeAt(end - 1))) end--;
  return (end === s.length ? s : s.slice(0, end)).toLowerCase();
}

/**
 * For each sentence, whether it repeats another of the document, and how; null for a sentence said once or its first
 * saying. `collapsed`: the sentences through collapseWhitespace, when the caller has them.
 */
export function repeatedSentences(
  sentences: readonly string[],
  collapsed: readonly string[] = sentences.map(collapseWhitespace),
): (Repeat | null)[] {
  const keys = collapsed.map(sameSentenceKey);
  const counts = new Map<string, number>();
  for (const k of keys) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const seen = new Set<string>();
  return sentences.map((s, i) => {
    const key = keys[i]!;
    const count = counts.get(key) ?? 0;
    if (count < 2) return null;
    const first = !seen.has(key);
    seen.add(key);
    if (count >= LABEL_REPEATS && titleWords(s) <= MAX_LABEL_WORDS && !hasVerb(s)) return { kind: 'repeated_label', count };
    return first ? null : { kind: 'repeat', count };
  });
}

export function repeatLabel(repeat: Repeat): string {
  return repeat.kind === 'repeated_label'
    ? `a label the document repeats (${repeat.count} times): not a claim`
    : `said again: the document has this sentence ${repeat.count} times, listed where it first appears`;
}
