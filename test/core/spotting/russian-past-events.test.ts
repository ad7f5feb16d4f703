import { describe, expect, it } from 'vitest';
import { narratesPastRu } from '../../../shared/spotting/russian-past';
import { analyzeText } from '../../../shared/text/candidates';

/** The analysed sentence that starts with `start`: whether it is listed, and the kinds of its reasons. */
function sentenceAt(text: string, start: string) {
  const s = analyzeText(text).find((x) => x.text.startsWith(start));
  if (!s) throw new Error(`no sentence starts with ${JSON.stringify(start)}`);
  return { checkWorthy: s.checkWorthy, kinds: s.reasons.map((r) => r.kind) };
}

describe('a Russian sentence that narrates a past event', () => {
  it('is read from past verbs and short passive participles of any verb', () => {
    for (const s of [
      'Повреждены три частных дома.',
      'В результате обстрела погибли двое мирных жителей.',
      'Склад сгорел полностью.',
      'Из здания эвакуированы все сотрудники.',
      'Подозреваемый задержан.',
      'Над областью сбиты четыре беспилотника.',
      'Закон был принят в прошлом году.',
      'Цены на картофель выросли.',
      'Вчера в городе произошёл пожар.',
      'Рейсы отменены до вечера.',
      // The outcome said without a verb, as English says "No one was hurt." in the past.
      'Пострадавших нет.',
      'Погибших и раненых нет.',
      'По данным МЧС, жертв нет.',
      'Загиблих немає.',
    ])
      expect(narratesPastRu(s), s).toBe(true);
  });

  it('not from nouns, names, present or future forms, verbs of saying, or a participle after "будет"', () => {
    for (const s of [
      'Посол встречается с журналистами.',
      'Павел Дуров сегодня в Москве.',
      'Материалы канала доступны на сайте школы.',
      'Жители и спасатели ждут решения.',
      'Цены на овощи растут.',
      'Причины пожара устанавливаются.',
      'Имя кандидата будет названо завтра.',
      'Министр заявил, что бюджет сбалансируют.',
      'Правительство должно решить вопрос до конца недели.',
      'Страны Европы намерены ввести новые правила.',
      // (No one struck by an event: no questions, no volunteers, no free seats.)
      'Вопросов нет.',
      'Желающих нет.',
      'Свободных мест нет.',
    ])
      expect(narratesPastRu(s), s).toBe(false);
  });

  it('is listed as a past event in an article, though the governor it is attributed to is not named', () => {
    const text = [
      'Беспилотники атаковали Белгородскую область',
      '',
      'Ночью над Белгородской областью были сбиты 12 беспилотников, сообщило Минобороны.',
      'Как отметил губернатор, повреждены три частных дома и линия электропередачи.',
      'Власти продолжают оценивать ущерб.',
    ].join('\n');
    const s = sentenceAt(text, 'Как отметил губернатор');
    expect(s.kinds).toContain('past_event');
    expect(s.checkWorthy).toBe(true);
  });

  it('a silence in parentheses is an aside: the sentence still reports the vote', () => {
    const text = [
      'Голосование в Госдуме',
      '',
      'Госдума приняла законопроект в третьем чтении.',
      'Зато сообщается, что один из депутатов КПРФ (не уточняется, кто именно) проголосовал за законопроект.',
    ].join('\n');
    const s = sentenceAt(text, 'Зато сообщается');
    expect(s.kinds).not.toContain('no_statement');
    expect(s.checkWorthy).toBe(true);
  });

  it('a casualty statement is listed, in Russian and Ukrainian as in English', () => {
    const text = [
      'Склад загорелся в Курске',
      '',
      'Вечером в Курске загорелся склад.',
      'Пострадавших нет.',
      'Погибших нет.',
      '',
      'A warehouse caught fire in Leeds on Monday evening.',
      'No one was hurt.',
      'There were no casualties.',
      '',
      'Увечері у Харкові загорівся склад.',
      'Загиблих немає.',
    ].join('\n');
    for (const start of ['Пострадавших нет', 'Погибших нет', 'No one was hurt', 'There were no casualties', 'Загиблих немає']) {
      const s = sentenceAt(text, start);
      expect(s.kinds, start).toContain('past_event');
      expect(s.checkWorthy, start).toBe(true);
    }
  });
});
