import { describe, expect, it } from 'vitest';
import { analyzeText, proseSentences } from '../../../shared/text/candidates';
import { defaultTitle } from '../../../shared/text/title';

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

describe('hard-wrapped statements', () => {
  const text = [
    'The Committee decided today to raise the target range for the federal funds',
    'rate to 1/4 to 1/2 percent. The stance of monetary policy remains accommodative.',
    '',
    'Voting for the action were: Ana Ruiz, Chair; and Tom Hale.',
    '',
    '[Implementation Note issued December 16,',
    '2015](https://www.federalreserve.gov/newsevents/press/monetary/20151216a1.htm)',
    '',
    'https://www.federalreserve.gov/monetarypolicy.htm',
  ].join('\n');

  it('take their title from the file name, never from a first line cut mid-sentence', () => {
    expect(defaultTitle(text, '20151216.txt')).toBe('20151216');
    // A headline over a lead that starts on the next line is still the title.
    expect(defaultTitle('Fed raises rates\nThe Committee decided today to raise rates.', 'x.txt')).toBe('Fed raises rates');
  });

  it('never list a link standing alone as a claim', () => {
    const analysed = analyzeText(text);
    const links = analysed.filter((s) => /^\[Implementation|^https:/.test(s.text));
    expect(links.map((s) => [s.checkWorthy, s.reasons[0]!.kind])).toEqual([
      [false, 'link'],
      [false, 'link'],
    ]);
    expect(analysed.find((s) => s.text.startsWith('The Committee decided'))?.checkWorthy).toBe(true);
  });
});
