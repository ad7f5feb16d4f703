import { describe, expect, it } from 'vitest';
import { quoteContext } from '../../../electron/core/report/build';
import type { TextAnchor } from '../../../shared/domain';

const TEXT =
  'Headline\n\nThe dam holds 4 billion cubic metres.\n\nOfficials said 157 drones were shot down overnight. Nobody was hurt.';

function anchorOf(exact: string): TextAnchor {
  const start = TEXT.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: '', suffix: '' };
}

describe('a claim’s context in reports', () => {
  it('shows the rest of the paragraph around a claim', () => {
    expect(quoteContext(TEXT, anchorOf('Officials said 157 drones were shot down overnight.'))).toEqual({
      before: '',
      quote: 'Officials said 157 drones were shot down overnight.',
      after: ' Nobody was hurt.',
    });
  });

  it('shows nothing for a claim that is its whole paragraph, rather than repeating it', () => {
    expect(quoteContext(TEXT, anchorOf('The dam holds 4 billion cubic metres.'))).toBeNull();
  });

  it('finds a claim whose text moved, and shows nothing without the document text', () => {
    expect(
      quoteContext('Other text entirely. The dam holds 4 billion cubic metres.', {
        ...anchorOf('The dam holds 4 billion cubic metres.'),
        start: 0,
      }),
    ).toEqual({
      before: 'Other text entirely. ',
      quote: 'The dam holds 4 billion cubic metres.',
      after: '',
    });
    expect(quoteContext(undefined, anchorOf('The dam holds 4 billion cubic metres.'))).toBeNull();
  });

  it('reads a hard-wrapped claim as one line, as the text around it', () => {
    const wrapped =
      'The Committee met today.\nWhile strains in short-term funding\nmarkets have eased, risks remain. It will act.';
    const exact = 'While strains in short-term funding\nmarkets have eased, risks remain.';
    const start = wrapped.indexOf(exact);
    expect(quoteContext(wrapped, { start, end: start + exact.length, exact, prefix: '', suffix: '' })).toEqual({
      before: 'The Committee met today. ',
      quote: 'While strains in short-term funding markets have eased, risks remain.',
      after: ' It will act.',
    });
  });
});
