import type { ReactNode } from 'react';
import { stemsOf } from '../../shared/text/stem';

/** Folds the way the search index does: accents and case off, ё read as е. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ё/g, 'е');
}

const OPERATORS = new Set(['and', 'or', 'not', 'near']);

/** Stems shorter than this would mark half the words on screen; the search does not use them either. */
const MIN_STEM = 3;

/**
 * The words of a search query, folded (FTS operators and punctuation dropped), each with its stems, as the search
 * finds them: "restore" also marks "restoration", "drones" marks "drone".
 */
export function queryTerms(query: string): string[] {
  const words = (query.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []).map(fold).filter((w) => !OPERATORS.has(w));
  const stems = words.flatMap((w) =>
    stemsOf(w)
      .filter((s) => s.length >= MIN_STEM && s !== w)
      .map(fold),
  );
  return [...new Set([...words, ...stems])];
}

/**
 * A short piece of `text` around its first word a term begins, with that word's range, or null: where a claim
 * listed by a search matched when its own text holds none of the words (its rationale, say).
 */
export function matchExcerpt(
  text: string,
  terms: readonly string[],
  around = 40,
): { text: string; ranges: [number, number][] } | null {
  const first = matchRanges(text, terms)[0];
  if (!first) return null;
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, first[0] - around)) + 1);
  const cut = text.indexOf(' ', Math.min(text.length, first[1] + around));
  const to = cut < 0 ? text.length : cut;
  const lead = from > 0 ? '…' : '';
  const piece = `${lead}${text.slice(from, to).replace(/\s+/g, ' ')}${to < text.length ? '…' : ''}`;
  return { text: piece, ranges: matchRanges(piece, terms) };
}

/** [start, end) ranges of the words in `text` that start with a query term (prefix match, like the index). */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu)) {
    const word = fold(m[0]);
    if (terms.some((t) => word.startsWith(t))) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** Text with ranges wrapped in <mark>, built from text nodes: stored text is never parsed as HTML. */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly (readonly [number, number])[] }) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="search-mark">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
