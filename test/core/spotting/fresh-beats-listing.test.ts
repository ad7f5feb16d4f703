/**
 * Sentences of news articles beyond war news (disasters, diplomacy, company results) that must not be listed as
 * claims: reports that nothing was said, and the exchange-rate note agencies put under a story.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  expect(s, `no sentence starts with "${start}"`).toBeDefined();
  return s!;
}

describe('sentences that say nothing was said', () => {
  const text = [
    'A wildfire destroyed at least 140 homes on Tuesday, officials said.',
    'Officials said they could not disclose the number of homes damaged but not destroyed until inspection teams had reached the area.',
    'Nakagawa will travel to Seoul next spring, the spokesman for the presidential office, Choi Min-sung, told reporters.',
    'Choi declined to give a date.',
    'The company will not disclose how many of those roles were in the UK.',
    "Voss's campaign did not release its figures.",
  ].join('\n');

  it('are not listed, "but not" being no statement after the silence', () => {
    for (const start of ['Officials said they could not disclose', 'Choi declined', 'The company will not', "Voss's campaign"])
      expect(sentenceAt(text, start).checkWorthy, start).toBe(false);
    expect(sentenceAt(text, 'A wildfire').checkWorthy).toBe(true);
  });
});

describe('the exchange-rate note under a story', () => {
  const text = [
    'Veltra to cut 4,000 jobs',
    '',
    'Net income fell to 212 million euros ($231 million) in the quarter, the company said.',
    'Katrin Albers, chief executive of Veltra, speaks during a news conference in Munich, Germany, March 14, 2026. REUTERS/Lukas Barth/File Photo',
    '($1 = 0.9180 euros)',
    '(Reporting by Priya Natarajan; Editing by Mark Potter)',
  ].join('\n');

  it('is a sentence of its own, not listed, and leaves the credit before it alone', () => {
    const note = sentenceAt(text, '($1 = 0.9180 euros)');
    expect(note.text).toBe('($1 = 0.9180 euros)');
    expect(note.checkWorthy).toBe(false);
    expect(sentenceAt(text, 'REUTERS/Lukas Barth').checkWorthy).toBe(false);
    expect(sentenceAt(text, 'Net income').checkWorthy).toBe(true);
  });
});

describe('a number that is part of a name', () => {
  const text = [
    'No 10 said there were no plans to scrap the charges.',
    'IE6 shipped with Windows XP, nearly a decade ago.',
    'Channel 4 said 12 episodes had been filmed.',
  ].join('\n');

  it('is no figure, and a figure beside it still is', () => {
    const figures = (start: string) =>
      sentenceAt(text, start).reasons.filter(
        (r) => r.label === 'states a number or amount' || r.label === 'a figure from a named source',
      );
    expect(figures('No 10 said')).toEqual([]);
    expect(figures('IE6 shipped')).toEqual([]);
    expect(figures('Channel 4 said').length).toBeGreaterThan(0);
  });
});
