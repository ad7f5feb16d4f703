import { describe, expect, it } from 'vitest';
import { shorten } from '../../../shared/text/shorten';

const CLAIM =
  'This latest development follows a 26 December 2019 ruling by the Constitutional Court of Turkey that the more than two and a half year block was unconstitutional.';

describe('shorten', () => {
  it('cuts at a word and marks the cut, never in the middle of one', () => {
    for (let max = 20; max < CLAIM.length; max++) {
      const cut = shorten(CLAIM, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…')).toBe(true);
      const kept = cut.slice(0, -1);
      // What is kept is whole words of the claim, followed there by a space.
      expect(CLAIM.startsWith(kept)).toBe(true);
      expect(CLAIM[kept.length]).toBe(' ');
    }
  });

  it('keeps text that fits, on one line', () => {
    expect(shorten('Two lines\n of text', 40)).toBe('Two lines of text');
  });

  it('cuts a single long word where it must', () => {
    expect(shorten('https://example.org/a-very-long-path-with-no-spaces-at-all', 20)).toBe('https://example.org…');
  });
});
