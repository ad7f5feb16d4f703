import type { TextAnchor } from '../domain';

const CONTEXT = 32;

/** Position and quote selectors for text[start, end). */
export function makeAnchor(text: string, start: number, end: number): TextAnchor {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}
