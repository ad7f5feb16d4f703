/**
 * Sentence segmentation for news prose: Intl.Segmenter as the base, then repairs for what it gets
 * wrong (abbreviations, initials, hard-wrapped lines). Offsets always index the original text.
 */
import { unwrapLines } from './unwrap';
import { falseBoundary } from './boundary-rules';

/** A sentence and where it sits in the source text (UTF-16 offsets). */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, s);
  }
  return s;
}

interface Span {
  start: number;
  end: number;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);

/**
 * Split text into sentences, trimming surrounding whitespace from each. Lines wrapped inside a
 * paragraph are read as one line; blank lines, list items and heading-like lines always end a sentence.
 */
export function segmentSentences(text: string, locale = 'en'): Sentence[] {
  const view = unwrapLines(text);
  const raw: Span[] = [];
  for (const seg of segmenterFor(locale).segment(view)) {
    let start = seg.index;
    let end = seg.index + seg.segment.length;
    while (start < end && isSpace(view.charCodeAt(start))) start++;
    while (end > start && isSpace(view.charCodeAt(end - 1))) end--;
    if (end > start) raw.push({ start, end });
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    if (prev && !hasHardBreak(view, prev.end, span.start) && falseBoundary(view, prev, span)) prev.end = span.end;
    else merged.push({ ...span });
  }
  return merged.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) }));
}

/** A newline left in the unwrapped view is a real line break (paragraph, list item, heading). */
function hasHardBreak(view: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.charCodeAt(i) === 10) return true;
  return false;
}
