/**
 * Sentences of press-conference write-ups, council stories and fact checks that must not be listed as claims: reports
 * that a question went unanswered or that something could not be established, and notes about the story itself.
 */
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  expect(s, `no sentence starts with "${start}"`).toBeDefined();
  return s!;
}

describe('sentences that say a question went unanswered or a fact could not be found', () => {
  const text = [
    'Health minister defends hospital waiting times',
    '',
    'The waiting list grew by 4% in the three months to September, figures released by the agency show.',
    'The minister did not answer that question directly.',
    'Full Fact could not establish where the image of the GP surgery was taken.',
    'Investigators could not determine how the fire at the warehouse started.',
  ].join('\n');

  it('are not listed, while the figure before them is', () => {
    for (const start of ['The minister did not answer', 'Full Fact could not establish', 'Investigators could not determine'])
      expect(sentenceAt(text, start).checkWorthy, start).toBe(false);
    expect(sentenceAt(text, 'The waiting list grew').checkWorthy).toBe(true);
  });
});

describe('notes about the story itself', () => {
  const text = [
    'No, the NHS is not charging patients £20 to see a GP',
    '',
    'Prescription charges do apply in England, currently £9.90 per item.',
    'We have contacted Meta about the post.',
    'This article is part of our work fact checking potentially false pictures, videos and stories on Facebook.',
    "Anyone wishing to comment on the plans can do so on the council's website until 15 December.",
    'We contacted 40 schools and found that 12 had no heating.',
  ].join('\n');

  it('are not listed, while a finding of the newsroom is', () => {
    for (const start of ['We have contacted Meta', 'This article is part', 'Anyone wishing to comment'])
      expect(sentenceAt(text, start).checkWorthy, start).toBe(false);
    for (const start of ['Prescription charges', 'We contacted 40 schools'])
      expect(sentenceAt(text, start).checkWorthy, start).toBe(true);
  });
});
