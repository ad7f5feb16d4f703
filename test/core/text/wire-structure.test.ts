import { describe, expect, it } from 'vitest';
import { analyzeText, proseSentences } from '../../../shared/text/candidates';

describe('photo captions', () => {
  it('reads a sentence closed by a credit on its line as a caption, whatever its verb', () => {
    const text = [
      'Rates stay on hold',
      'Central bank chief Ana Ruiz testifies before the finance committee in Madrid, July 15, 2026. REUTERS/Juan Medina',
      'MADRID (Reuters) - The central bank kept rates on hold, its chief Ana Ruiz said.',
    ].join('\n');
    const claims = analyzeText(text)
      .filter((s) => s.checkWorthy)
      .map((s) => s.text);
    expect(claims.some((c) => c.startsWith('Central bank chief'))).toBe(false);
    expect(claims.some((c) => c.startsWith('The central bank kept'))).toBe(true);
  });
});

describe('metadata lines under a headline', () => {
  const text = [
    'Floods close roads across the north',
    'date 2026-10-30 / source example-news.com',
    'Heavy rain closed 12 roads on Friday, the highways agency Roadco said.',
  ].join('\n');

  it('are left out of the prose: the headline is a sentence of its own', () => {
    const sentences = proseSentences(text).map((s) => s.text);
    expect(sentences).toEqual([
      'Floods close roads across the north',
      'Heavy rain closed 12 roads on Friday, the highways agency Roadco said.',
    ]);
    for (const s of analyzeText(text)) expect(s.text).not.toMatch(/date 2026|source example/);
  });

  it('keep offsets into the whole text', () => {
    const last = proseSentences(text).at(-1)!;
    expect(text.slice(last.start, last.end)).toBe(last.text);
  });
});
