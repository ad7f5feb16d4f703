import type { ReactNode } from 'react';

/** Folds the way the search index does: accents and case off, ё read as е. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ё/g, 'е');
}

const OPERATORS = new Set(['and', 'or', 'not', 'near']);

/** The words of a search query, folded (FTS operators and punctuation dropped). */
export function queryTerms(query: string): string[] {
  const words = (query.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []).map(fold).filter((w) => !OPERATORS.has(w));
  return [...new Set(words)];
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
