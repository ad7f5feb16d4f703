import type { HighlightedText } from '../../../shared/evidence';

/** Private-use characters FTS5's snippet() wraps matches in; turned into ranges before leaving the core. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/**
 * Split a marked snippet into plain text plus highlight ranges. Stray marker characters that
 * were in the stored text itself are dropped rather than trusted.
 */
export function toHighlighted(marked: string): HighlightedText {
  let text = '';
  const ranges: [number, number][] = [];
  let open: number | null = null;
  for (const ch of marked) {
    if (ch === MARK_START) {
      if (open === null) open = text.length;
    } else if (ch === MARK_END) {
      if (open !== null && text.length > open) ranges.push([open, text.length]);
      open = null;
    } else {
      text += ch;
    }
  }
  if (open !== null && text.length > open) ranges.push([open, text.length]);
  return { text: text.replace(/\s+/g, ' '), ranges: collapseRanges(text, ranges) };
}

/** Whitespace runs are collapsed to one space for display, so the ranges must follow. */
function collapseRanges(original: string, ranges: [number, number][]): [number, number][] {
  const map: number[] = [];
  let out = 0;
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const space = /\s/.test(original[i]!);
    if (space && inSpace) {
      map.push(out);
      continue;
    }
    map.push(out);
    out++;
    inSpace = space;
  }
  map.push(out);
  return ranges.map(([s, e]) => [map[s]!, map[e]!] as [number, number]).filter(([s, e]) => e > s);
}

export function hasMark(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.includes(MARK_START);
}
