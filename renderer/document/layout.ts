/**
 * Lays a document's text out for the document view: paragraphs, and inside them the claim
 * highlights, the other sentences (with their scores) and the plain text between. Pure, so the
 * offsets every piece carries are exactly the character offsets of the stored text.
 */
import type { Claim, Verdict } from '../../shared/domain';
import type { DocumentSentence } from '../../shared/spotting/ingest-types';

export type Piece =
  | { kind: 'plain'; start: number; end: number }
  | { kind: 'sentence'; start: number; end: number; sentence: number }
  | { kind: 'claim'; start: number; end: number; claimId: string; verdict: Verdict | null; first: boolean };

export interface Paragraph {
  start: number;
  end: number;
  pieces: Piece[];
}

interface Span {
  start: number;
  end: number;
}

/** Paragraphs are separated by blank lines; their surrounding whitespace is not shown. */
export function paragraphRanges(text: string): Span[] {
  const ranges: Span[] = [];
  const breaks = /\n[ \t\r\f\v]*\n\s*/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) ranges.push({ start, end });
  };
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return ranges;
}

type Marked = Exclude<Piece, { kind: 'plain' }>;

/** Claim highlights in text order; where two overlap, the later one starts where the earlier ends. */
function claimSpans(claims: Claim[], length: number): Marked[] {
  const anchored = claims
    .filter((c) => c.anchor && c.anchor.end > c.anchor.start && c.anchor.start < length)
    .sort((a, b) => a.anchor!.start - b.anchor!.start || a.anchor!.end - b.anchor!.end);
  const out: Marked[] = [];
  let reached = 0;
  for (const c of anchored) {
    const start = Math.max(c.anchor!.start, reached);
    const end = Math.min(c.anchor!.end, length);
    if (end <= start) continue;
    out.push({ kind: 'claim', start, end, claimId: c.id, verdict: c.verdict, first: true });
    reached = end;
  }
  return out;
}

/** Claims, then every sentence no claim touches; sorted by start. */
function markedSpans(sentences: DocumentSentence[], claims: Claim[], length: number): Marked[] {
  const marked = claimSpans(claims, length);
  let c = 0;
  sentences.forEach((s, i) => {
    while (c < marked.length && marked[c]!.end <= s.start) c++;
    const touched = c < marked.length && marked[c]!.start < s.end;
    if (!touched && s.end > s.start) marked.push({ kind: 'sentence', start: s.start, end: s.end, sentence: i });
  });
  return marked.sort((a, b) => a.start - b.start);
}

export function layoutDocument(text: string, sentences: DocumentSentence[], claims: Claim[]): Paragraph[] {
  const marked = markedSpans(sentences, claims, text.length);
  const paragraphs: Paragraph[] = [];
  let m = 0;
  for (const para of paragraphRanges(text)) {
    const pieces: Piece[] = [];
    let at = para.start;
    while (m < marked.length && marked[m]!.end <= para.start) m++;
    for (let k = m; k < marked.length && marked[k]!.start < para.end; k++) {
      const span = marked[k]!;
      const start = Math.max(span.start, para.start);
      const end = Math.min(span.end, para.end);
      if (end <= start || start < at) continue;
      if (start > at) pieces.push({ kind: 'plain', start: at, end: start });
      pieces.push({ ...span, start, end, ...(span.kind === 'claim' ? { first: start === span.start } : {}) } as Marked);
      at = end;
    }
    if (at < para.end) pieces.push({ kind: 'plain', start: at, end: para.end });
    paragraphs.push({ ...para, pieces });
  }
  return paragraphs;
}

/** The paragraph holding a character offset (for scrolling a claim into view). */
export function paragraphIndexAt(paragraphs: Paragraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
