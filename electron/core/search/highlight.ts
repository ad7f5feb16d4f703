import type { HighlightedText } from '../../../shared/evidence';

/** Texts up to this long are shown whole; longer ones as a window around the first match. */
const WHOLE_TEXT = 320;
const WORDS_BEFORE = 8;
const WORDS_IN_WINDOW = 36;

/** Fold a word the way the index does: accents off, case off, and ё read as е. */
export function foldWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  let f = folded.get(word);
  if (f === undefined) {
    f = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ё/g, 'е');
    if (folded.size > 50_000) folded.clear();
    folded.set(word, f);
  }
  return f;
}
const folded = new Map<string, string>();

const wordChars = new Map<number, boolean>();
/** Letters, digits and combining marks: the characters unicode61 keeps inside a token. */
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  let v = wordChars.get(code);
  if (v === undefined) {
    v = /[\p{L}\p{N}\p{M}]/u.test(String.fromCodePoint(code));
    wordChars.set(code, v);
  }
  return v;
}

/** The words of `text` with their offsets, lazily (unicode regexes cost a microsecond a word). */
function* wordsOf(text: string): Generator<{ start: number; end: number; word: string }> {
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (!isWordChar(code) || (code >= 0x300 && code <= 0x36f)) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    while (i < text.length) {
      const c = text.codePointAt(i)!;
      if (!isWordChar(c)) break;
      i += c > 0xffff ? 2 : 1;
    }
    yield { start, end: i, word: text.slice(start, i) };
  }
}

/**
 * For ranking: how often each query word starts a word of `text` (a whole-word match counts
 * 1, a word it only begins counts 1/2), and how many words `text` has.
 */
export function matchCounts(text: string, foldedQueries: readonly string[]): { counts: number[]; length: number } {
  const counts = foldedQueries.map(() => 0);
  let length = 0;
  for (const w of wordsOf(text)) {
    length++;
    const f = foldWord(w.word);
    foldedQueries.forEach((q, i) => {
      if (q && f.startsWith(q)) counts[i]! += f.length === q.length ? 1 : 0.5;
    });
  }
  return { counts, length };
}

/**
 * Mark the words of `text` that start with one of the query words, as ranges over plain text.
 * Done here rather than with FTS5's snippet(): snippet() re-reads a term's whole posting list
 * for each hit, which for a common word at a million claims costs more than the search itself.
 */
export function highlight(
  text: string,
  terms: { prefixes: readonly string[]; phrases?: readonly (readonly string[])[] },
): HighlightedText & { matched: boolean } {
  const queries = terms.prefixes.map(foldWord).filter((w) => w.length > 0);
  const phrases = (terms.phrases ?? []).map((p) => p.map(foldWord)).filter((p) => p.length > 0);
  const words: { start: number; end: number; word: string }[] = [];
  const foldedWords: string[] = [];
  const hits: typeof words = [];
  const hit = new Set<number>();
  const mark = (i: number) => {
    if (hit.has(i)) return;
    hit.add(i);
    hits.push(words[i]!);
    if (firstHit < 0 || i < firstHit) firstHit = i;
  };
  let firstHit = -1;
  let complete = true;
  for (const w of wordsOf(text)) {
    // Past the first match's window nothing more is shown, so a long document stops here.
    if (firstHit >= 0 && words.length > firstHit + WORDS_IN_WINDOW + 1 && text.length > WHOLE_TEXT) {
      complete = false;
      break;
    }
    words.push(w);
    const f = foldWord(w.word);
    foldedWords.push(f);
    const at = words.length - 1;
    if (queries.some((q) => f.startsWith(q))) mark(at);
    // A phrase matches as written: its words whole and in a row, ending here.
    for (const p of phrases) {
      const from = at - p.length + 1;
      if (from >= 0 && p.every((word, k) => foldedWords[from + k] === word)) for (let k = from; k <= at; k++) mark(k);
    }
  }
  hits.sort((a, b) => a.start - b.start);
  if (text.length <= WHOLE_TEXT || words.length === 0) {
    return {
      ...collapse(
        text,
        hits.map((h) => [h.start, h.end] as [number, number]),
      ),
      matched: hits.length > 0,
    };
  }
  const first = hits.length > 0 ? words.indexOf(hits[0]!) : 0;
  const from = Math.max(0, first - WORDS_BEFORE);
  const to = Math.min(words.length - 1, from + WORDS_IN_WINDOW - 1);
  const start = from === 0 ? 0 : words[from]!.start;
  const end = to === words.length - 1 && complete ? text.length : words[to]!.end;
  const prefix = start > 0 ? '…' : '';
  const ranges = hits
    .filter((h) => h.start >= start && h.end <= end)
    .map((h) => [h.start - start + prefix.length, h.end - start + prefix.length] as [number, number]);
  const windowText = `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return { ...collapse(windowText, ranges), matched: hits.length > 0 };
}

/** Collapse whitespace runs to one space for display, moving the ranges with the text. */
function collapse(text: string, ranges: [number, number][]): HighlightedText {
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const space = /\s/.test(ch);
    map.push(out.length);
    if (space) {
      if (!out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  map.push(out.length);
  return { text: out, ranges: ranges.map(([s, e]) => [map[s]!, map[e]!] as [number, number]).filter(([s, e]) => e > s) };
}
