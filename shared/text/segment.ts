/**
 * Sentence segmentation for news prose: Intl.Segmenter as the base, then repairs for what it gets
 * wrong (abbreviations, initials, hard-wrapped lines). Offsets always index the original text.
 */
import { unwrapLines } from './unwrap';
import { falseBoundary, hiddenSentenceStarts } from './boundary-rules';
import { hasWideChar, narrowed } from './one-byte';

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

/** Footnote marks written after a sentence's last character: *, †, ‡ and superscript digits. */
const FOOTNOTE_MARK = /^[*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+/;

/** The rest of "[12]", "[12][13]", "[a]", "[citation needed]" after the "[" the segmenter left on the sentence before. */
const CITATION_REST =
  /^(?:\d{1,4}|[a-z]|[nN] \d{1,3}|citation needed|update|edit)\](?:\[(?:\d{1,4}|[a-z]|[nN] \d{1,3}|citation needed|update|edit)\])*/;

interface Span {
  start: number;
  end: number;
}

const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);

/**
 * Split text into sentences, trimming surrounding whitespace from each. Lines wrapped inside a
 * paragraph are read as one line; blank lines, list items and heading-like lines always end a sentence.
 */
export function segmentSentences(text: string, locale = 'en'): Sentence[] {
  const view = unwrapLines(text);
  const raw: Span[] = [];
  const segmenter = segmenterFor(locale);
  for (const [from, to] of chunks(view)) {
    if (oneSentence(view, from, to)) {
      let start = from;
      let end = to;
      while (start < end && isSpace(view.charCodeAt(start))) start++;
      while (end > start && isSpace(view.charCodeAt(end - 1))) end--;
      if (end > start) raw.push({ start, end });
      continue;
    }
    const part = view.slice(from, to);
    for (const seg of segmenter.segment(part)) {
      let start = from + seg.index;
      let end = start + seg.segment.length;
      while (start < end && isSpace(view.charCodeAt(start))) start++;
      while (end > start && isSpace(view.charCodeAt(end - 1))) end--;
      if (end > start) raw.push({ start, end });
    }
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    // "…, the air force said.* The figures …": a footnote mark right after the full stop ends that sentence.
    const mark = prev && span.start === prev.end ? FOOTNOTE_MARK.exec(view.slice(span.start, span.start + 4)) : null;
    // "…500 people.[3] Sales doubled.[4][5]": reference marks after the full stop belong to the sentence they follow.
    const cite =
      prev && span.start === prev.end && view.charCodeAt(prev.end - 1) === 91
        ? CITATION_REST.exec(view.slice(span.start, span.start + 80))
        : null;
    if (prev && cite) {
      prev.end += cite[0].length;
      span.start += cite[0].length;
      while (span.start < span.end && isSpace(view.charCodeAt(span.start))) span.start++;
      if (span.start === span.end) continue;
    }
    if (prev && mark) {
      prev.end += mark[0].length;
      span.start += mark[0].length;
      while (span.start < span.end && isSpace(view.charCodeAt(span.start))) span.start++;
      if (span.start === span.end) continue;
    }
    if (prev && !hasHardBreak(view, prev.end, span.start) && falseBoundary(view, prev, span)) prev.end = span.end;
    else merged.push(span);
  }
  const wide = hasWideChar(text);
  return splitCredits(view, splitHiddenStarts(view, merged)).map((s) => ({
    start: s.start,
    end: s.end,
    text: narrowed(text.slice(s.start, s.end), wide),
  }));
}

/** "… hit a house. 50-year-old resident said …": two sentences, though Intl.Segmenter gives one (hiddenSentenceStarts). */
function splitHiddenStarts(view: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    for (const cut of hiddenSentenceStarts(view, span.start, span.end)) {
      let end = cut;
      // "Weather | Europe": the separator between a footer's items belongs to neither.
      while (end > start && (isSpace(view.charCodeAt(end - 1)) || isItemSeparator(view.charCodeAt(end - 1)))) end--;
      if (end === start) continue;
      out.push({ start, end });
      start = cut;
    }
    out.push({ start, end: span.end });
  }
  return out;
}

/** | · • ▪ */
const isItemSeparator = (c: number) => c === 124 || c === 0xb7 || c === 0x2022 || c === 0x25aa;

/** "Playstation VR demo Image: Nick Moreau." — a picture's caption and its credit are two sentences. */
const CREDIT_MARK = /\s(?:Image|Photo|Picture|Credit|Фото|Изображение):\s/g;

function splitCredits(view: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    let start = span.start;
    const part = view.slice(span.start, span.end);
    if (part.includes(':')) {
      CREDIT_MARK.lastIndex = 0;
      for (let m = CREDIT_MARK.exec(part); m; m = CREDIT_MARK.exec(part)) {
        const cut = span.start + m.index;
        if (cut - start < 2) continue;
        out.push({ start, end: cut });
        start = cut + 1;
      }
    }
    out.push({ start, end: span.end });
  }
  return out;
}

/**
 * Longest piece handed to Intl.Segmenter at once. Each segment V8 hands out costs an allocation as long as the
 * whole piece (about 90 bytes per character of a 4,000-character article segmented whole, 8 per character a line
 * at a time), so the cost grows with the square of a piece's length: lines are segmented one at a time, never
 * joined, though each call also sets up the break iterator anew.
 */
const MAX_CHUNK = 8_000;

/**
 * Ranges of the view to segment separately: lines (a hard newline always ends a sentence, so this
 * changes nothing), and very long lines cut after a sentence-final mark followed by a space.
 */
function chunks(view: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (from < view.length) {
    let nl = view.indexOf('\n', from);
    if (nl < 0) nl = view.length;
    let start = from;
    while (nl - start > MAX_CHUNK) {
      let cut = -1;
      for (let i = start + MAX_CHUNK; i > start + MAX_CHUNK / 2; i--) {
        const c = view[i - 1];
        if ((c === '.' || c === '!' || c === '?') && view[i] === ' ' && /\p{Lu}/u.test(view[i + 1] ?? '')) {
          cut = i + 1;
          break;
        }
      }
      if (cut < 0) cut = start + MAX_CHUNK;
      out.push([start, cut]);
      start = cut;
    }
    out.push([start, Math.min(view.length, nl + 1)]);
    from = nl + 1;
  }
  return out;
}

/** Characters that never end a sentence for Intl.Segmenter (no full stop, terminator or paragraph separator among them). */
function neverEndsSentence(c: number): boolean {
  if (c < 128) return (c >= 32 && c !== 46 && c !== 33 && c !== 63) || c === 9;
  return (
    (c >= 0xc0 && c <= 0x24f) || // Latin letters
    (c >= 0x400 && c <= 0x4ff) || // Cyrillic
    (c >= 0x2010 && c <= 0x2015) || // dashes
    (c >= 0x2018 && c <= 0x201f) || // quotation marks
    c === 0xa0 ||
    c === 0xab ||
    c === 0xbb ||
    c === 0xb0 ||
    c === 0xa3 ||
    c === 0x20ac
  );
}

const isTerminator = (c: number) => c === 46 || c === 33 || c === 63;
/** Closing marks Intl.Segmenter keeps with the sentence they follow: " ' ” ’ » ) ]. */
const isCloser = (c: number) => c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;

/**
 * Whether Intl.Segmenter would return view[from, to) as one segment: "." "!" "?" only in its last run, followed by
 * nothing but closing marks, spaces and the line break, and no other character that can end a sentence. Most
 * lines of an article (headings, blank lines, one-sentence paragraphs) are such, and each call of segment() sets
 * up a break iterator anew, which costs more than the line's own reading.
 */
export function oneSentence(view: string, from: number, to: number): boolean {
  let end = to;
  while (end > from && (view.charCodeAt(end - 1) === 10 || view.charCodeAt(end - 1) === 13)) end--;
  while (end > from && (view.charCodeAt(end - 1) === 32 || view.charCodeAt(end - 1) === 9)) end--;
  while (end > from && isCloser(view.charCodeAt(end - 1))) end--;
  while (end > from && isTerminator(view.charCodeAt(end - 1))) end--;
  for (let i = from; i < end; i++) if (!neverEndsSentence(view.charCodeAt(i))) return false;
  return true;
}

/** A newline left in the unwrapped view is a real line break (paragraph, list item, heading). */
function hasHardBreak(view: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (view.charCodeAt(i) === 10) return true;
  return false;
}
