import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

/** The analysed sentence that starts with `start`: whether it is listed, its claimant and the kinds of its reasons. */
function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence starts with ${JSON.stringify(start)}`);
  return { checkWorthy: s.checkWorthy, claimant: s.claimant, kinds: s.reasons.map((r) => r.kind) };
}

describe('a vague share with no figure or name', () => {
  const text = [
    'Prices ease in October',
    '',
    'Consumer prices fell 0.3 percent in October, the statistics office said on Tuesday.',
    'Not everything got cheaper.',
    'Some streets barely noticed the storm.',
    'Rents rose 0.5 percent over the month.',
    'Some 40 shops in Portvale closed in October.',
    'Many residents of Portvale were evacuated.',
    '',
    'Цены на овощи выросли на 8 процентов, сообщил отдел статистики.',
    'Не все товары стали дороже.',
    'Многие покупатели уже привыкли к таким изменениям.',
  ].join('\n');

  it('is not listed, with the reason that nothing in it can be checked', () => {
    for (const start of ['Not everything', 'Some streets', 'Не все товары', 'Многие покупатели']) {
      const s = sentenceAt(text, start);
      expect(s.checkWorthy, start).toBe(false);
      expect(s.kinds, start).toContain('vague_quantity');
    }
  });

  it('while one with a figure or a name stays listed', () => {
    for (const start of ['Consumer prices', 'Rents rose', 'Some 40 shops', 'Many residents of Portvale']) {
      const s = sentenceAt(text, start);
      expect(s.kinds, start).not.toContain('vague_quantity');
      expect(s.checkWorthy, start).toBe(true);
    }
  });
});

describe('advice in quotes, then who gave it', () => {
  const text = [
    'Short walks lower blood sugar, study finds',
    '',
    'People who walked for ten minutes after each meal had lower blood sugar, a study published on Monday found.',
    '"You don\'t need to run a marathon," said lead author Sarah Kim of the University of Leeds.',
    '"Just get up and move a little after dinner, it really helps," said co-author Daniel Reyes.',
    '"We followed 412 adults for twelve weeks," said Kim.',
    '',
    '«Покупайте сезонные овощи, они всегда дешевле», — посоветовал экономист Игорь Семёнов.',
  ].join('\n');

  it('is not listed, and the speaker named after a role ("lead author", "co-author") is its claimant', () => {
    for (const [start, who] of [
      ['"You don', 'Sarah Kim'],
      ['"Just get up', 'Daniel Reyes'],
      ['«Покупайте', 'Игорь Семёнов'],
    ] as const) {
      const s = sentenceAt(text, start);
      expect(s.checkWorthy, start).toBe(false);
      expect(s.kinds, start).toContain('quoted_advice');
      expect(s.claimant, start).toBe(who);
    }
  });

  it('a quoted statement of what was done is not advice', () => {
    const s = sentenceAt(text, '"We followed');
    expect(s.kinds).not.toContain('quoted_advice');
    expect(s.checkWorthy).toBe(true);
  });
});

describe('how unnamed people described what they lived through', () => {
  const text = [
    'Drones strike Portvale overnight',
    '',
    'Drones struck an oil depot in Portvale overnight, the regional governor said.',
    'Residents described a long night.',
    'Witnesses spoke of chaos.',
    'Residents described how the roof of the depot collapsed.',
    'Witnesses described hearing three explosions.',
    'Russia described the strike as a response to attacks on Belgorod.',
  ].join('\n');

  it('is not listed when it holds no figure, no name and no event besides the describing', () => {
    for (const start of ['Residents described a long night', 'Witnesses spoke of chaos']) {
      const s = sentenceAt(text, start);
      expect(s.checkWorthy, start).toBe(false);
      expect(s.kinds, start).toContain('unnamed_account');
      expect(s.kinds, start).not.toContain('past_event');
    }
  });

  it('while an account of an event, a count, or a named body describing it stays listed as a past event', () => {
    for (const start of ['Residents described how', 'Witnesses described hearing', 'Russia described']) {
      const s = sentenceAt(text, start);
      expect(s.kinds, start).not.toContain('unnamed_account');
      expect(s.kinds, start).toContain('past_event');
      expect(s.checkWorthy, start).toBe(true);
    }
  });
});
