import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';

/** The analysed sentence that starts with `start`: whether it is listed, and its strongest reason. */
function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence starts with ${JSON.stringify(start)}`);
  return { text: s.text, checkWorthy: s.checkWorthy, kinds: s.reasons.map((r) => r.kind) };
}

describe('sentences that only say what is not yet known', () => {
  const STORY = [
    'Blast hits chemical plant near port',
    '',
    'Two workers were killed on Monday when a tank exploded at a chemical plant in Portvale, the fire service said.',
    'The cause of the explosion was not immediately known.',
    'The names of the two workers have not been released.',
    'The number of people treated in hospital was not yet available.',
    'It was not possible to independently verify the company’s account.',
    'Police have not disclosed where the tank was made.',
    'Neither the company nor the union provided evidence for its version.',
    'The plant was fined $40,000 in 2024 for storing solvents unsafely.',
    'The town has not released the 3 million euros promised for the port in 2023.',
  ].join('\n');

  it('are not listed, each with the reason that nothing was said', () => {
    for (const start of [
      'The cause of',
      'The names of',
      'The number of people',
      'It was not possible',
      'Police have not',
      'Neither the company',
    ]) {
      const s = sentenceAt(STORY, start);
      expect(s.checkWorthy, start).toBe(false);
      expect(s.kinds, start).toContain('no_statement');
    }
  });

  it('while stated facts around them, and a fact about something not done, stay listed', () => {
    for (const start of ['Two workers were killed', 'The plant was fined', 'The town has not released']) {
      const s = sentenceAt(STORY, start);
      expect(s.checkWorthy, start).toBe(true);
      expect(s.kinds, start).not.toContain('no_statement');
    }
  });

  it('in Russian too: a cause not established, details being clarified, a company name in quotes before "declined"', () => {
    const text = [
      'В Самаре загорелся склад',
      '',
      'Пожар площадью 800 квадратных метров произошел на складе в Самаре, сообщили в МЧС.',
      'Причина возгорания пока не установлена.',
      'Данные о пострадавших уточняются.',
      'Пока неизвестно, был ли склад застрахован.',
      'Компания «ВолгаТорг» от комментариев отказалась.',
      'Сколько стоил ремонт, мэр не уточнил.',
      'Спасатели эвакуировали 40 человек, но назвать причину пожара не смогли.',
    ].join('\n');
    for (const start of [
      'Причина возгорания',
      'Данные о пострадавших',
      'Пока неизвестно',
      'Компания «ВолгаТорг»',
      'Сколько стоил',
    ]) {
      const s = sentenceAt(text, start);
      expect(s.checkWorthy, start).toBe(false);
      expect(s.kinds, start).toContain('no_statement');
    }
    // A fact stated before "но" is a statement, whatever the silence after it.
    expect(sentenceAt(text, 'Спасатели эвакуировали').kinds).not.toContain('no_statement');
    expect(sentenceAt(text, 'Пожар площадью').checkWorthy).toBe(true);
  });
});
