/**
 * Segmenting a transcript while it is still being written. Only the text after the last closed
 * sentence is looked at, so each chunk costs its own length, not the transcript's. The last
 * sentence of that tail stays open until it ends with terminal punctuation or the caller forces
 * it closed (the speaker changed, the capture stopped): a line break in the middle of a spoken
 * sentence must not cut it in two.
 */
import { guessLocale } from '../text/candidates';
import { segmentSentences } from '../text/segment';

export interface ClosedRange {
  start: number;
  end: number;
}

const ENDS_SENTENCE = /[.!?…。！？]["'”’»)\]]*$/u;

/** Close what can be closed in text[from…]; returns absolute ranges and the new segmented-to offset. */
export function closeSentences(text: string, from: number, force: boolean): { closed: ClosedRange[]; segmentedTo: number } {
  const tail = text.slice(from);
  if (tail.trim() === '') return { closed: [], segmentedTo: force ? text.length : from };
  const sentences = segmentSentences(tail, guessLocale(tail.length >= 200 ? tail : text.slice(-2_000)));
  const closed: ClosedRange[] = [];
  let segmentedTo = from;
  sentences.forEach((s, i) => {
    const last = i === sentences.length - 1;
    if (last && !force && !ENDS_SENTENCE.test(s.text.trimEnd())) return;
    closed.push({ start: from + s.start, end: from + s.end });
    segmentedTo = from + s.end;
  });
  if (force) segmentedTo = text.length;
  return { closed, segmentedTo };
}
