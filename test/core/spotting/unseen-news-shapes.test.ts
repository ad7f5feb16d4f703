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

  it('in the other ways wires say it', () => {
    const text = [
      'Depot fire in Lindau',
      '',
      'A fire destroyed a fuel depot in Lindau on Friday, firefighters said.',
      'The account could not immediately be verified.',
      'Neither version could be independently confirmed.',
      'There was no official confirmation of the blaze’s cause.',
      'The depot’s owner did not immediately comment.',
      'Insurers said they could not yet estimate the cost of the fire.',
      'The size of the loss was unclear.',
      'Проверить сведения о пострадавших не представляется возможным.',
      'В пожарной службе ситуацию не прокомментировали.',
    ].join('\n');
    for (const start of [
      'The account',
      'Neither version',
      'There was no official',
      'The depot’s owner',
      'Insurers said',
      'The size',
      'Проверить',
      'В пожарной',
    ])
      expect(sentenceAt(text, start).kinds, start).toContain('no_statement');
    expect(sentenceAt(text, 'A fire destroyed').checkWorthy).toBe(true);
  });

  it('but a statement after the silence is a statement', () => {
    const text = [
      'Depot fire in Lindau',
      '',
      'The fire service did not disclose the cause but said 14 tankers had burned.',
      'Пожарные не уточнили причину, но сообщили, что сгорели 14 цистерн.',
    ].join('\n');
    for (const start of ['The fire service', 'Пожарные'])
      expect(sentenceAt(text, start).kinds, start).not.toContain('no_statement');
    expect(sentenceAt(text, 'The fire service').checkWorthy).toBe(true);
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

describe('the headlines of other stories a page lists with the article', () => {
  const STORY = [
    'Port strike ends after nine days',
    '',
    'Dock workers in Valmora returned to work on Friday after unions accepted a 6% pay rise, the port authority said.',
    '',
    'Related:',
    'Shipping rates climb as strike halts cargo',
    'Why are dock workers striking in Valmora?',
    '',
    'The strike held up 140 ships, according to the port authority.',
    '',
    'Read more: Valmora port posts record profit in 2025',
    'See also: Unions across Europe push for higher pay',
    '',
    'Читайте также:',
    'Порт Вальморы возобновил работу',
  ].join('\n');

  it('are not listed, under a label line or after a label on their own line', () => {
    const listed = analyzeText(STORY).filter((s) => s.checkWorthy);
    for (const words of [
      'Shipping rates climb',
      'Why are dock workers',
      'Valmora port posts',
      'Unions across Europe',
      'Порт Вальморы',
    ])
      expect(
        listed.some((s) => s.text.includes(words)),
        words,
      ).toBe(false);
    expect(analyzeText(STORY).find((s) => s.text.includes('Shipping rates climb'))!.reasons[0]!.kind).toBe('related');
  });

  it('while the story around them stays listed, and a paragraph after the list is prose again', () => {
    const listed = analyzeText(STORY)
      .filter((s) => s.checkWorthy)
      .map((s) => s.text);
    expect(listed.some((s) => s.startsWith('Dock workers in Valmora'))).toBe(true);
    expect(listed.some((s) => s.startsWith('The strike held up 140 ships'))).toBe(true);
  });
});

describe('page furniture that asserts rights, disclaims or promotes', () => {
  it('is not listed: copyright lines, licensing notices, disclaimers, newsletter promotions', () => {
    const text = [
      'Clinic wait times fall',
      '',
      'Average waits at city clinics fell to 12 days in October from 19 days a year earlier, the health board said.',
      'Copyright 2026 Northern Wire Service.',
      'This material may not be reproduced, rewritten or redistributed without permission.',
      'The content on this page is for informational purposes only and is not medical advice.',
      'Our Morning Digest newsletter brings the day’s main stories to you at 7 a.m.',
      'Buy licensing rights, opens new tab',
      'Start your day with the main headlines in the Northern Digest newsletter.',
      'Get the week’s best reads from the Clinic Watch newsletter.',
      'Advertisement · Scroll to continue',
    ].join('\n');
    const listed = analyzeText(text)
      .filter((s) => s.checkWorthy)
      .map((s) => s.text);
    expect(listed).toEqual(['Clinic wait times fall', expect.stringMatching(/^Average waits/)]);
  });
});

describe('a photo caption closed by a credit on its own line, without a date', () => {
  it('is a caption, as is a line above a bracketed credit', () => {
    const text = [
      'Rail line reopens after floods',
      '',
      'Engineers inspect a repaired bridge near Tarnow. REUTERS/Jan Kowal',
      '',
      'Passengers board the first train at the central station.',
      '[Photo: Anna Nowak]',
      '',
      'The line, closed for 47 days, carried 30,000 passengers a day before the floods, operator PolRail said.',
      'Engineers inspected 12 bridges, PolRail said. REUTERS/Jan Kowal',
    ].join('\n');
    expect(sentenceAt(text, 'Engineers inspect a repaired').kinds[0]).toBe('caption');
    expect(sentenceAt(text, 'Passengers board').kinds[0]).toBe('caption');
    expect(sentenceAt(text, 'The line, closed').checkWorthy).toBe(true);
    // Reported words before a credit are the story's, not a caption.
    expect(sentenceAt(text, 'Engineers inspected 12 bridges').kinds[0]).not.toBe('caption');
  });
});

describe('a bare reaction, an unnamed view, "hard to say"', () => {
  const STORY = [
    'Council approves new tram line',
    '',
    'The city council voted 31 to 14 on Thursday to build a 9-km tram line to the airport, council records show.',
    'The mayor’s office welcomed the decision.',
    'Local business groups called the plan "a lifeline".',
    'Some analysts were more sceptical.',
    'During a heated debate, the council chair called for order several times.',
    'It remains to be seen whether the line will open on time.',
    'Оппозиция раскритиковала решение.',
    'Пока трудно судить о сроках.',
    'The transport union condemned the vote, which it said would cost 400 bus drivers their jobs.',
  ].join('\n');

  it('are not listed', () => {
    for (const start of [
      'The mayor’s office',
      'Local business groups',
      'Some analysts',
      'During a heated debate',
      'It remains to be seen',
      'Оппозиция',
      'Пока трудно',
    ])
      expect(sentenceAt(STORY, start).checkWorthy, start).toBe(false);
    expect(sentenceAt(STORY, 'The mayor’s office').kinds).toContain('reaction');
  });

  it('while a reaction that carries a figure, and the vote itself, stay listed', () => {
    expect(sentenceAt(STORY, 'The city council voted').checkWorthy).toBe(true);
    const union = sentenceAt(STORY, 'The transport union');
    expect(union.kinds).not.toContain('reaction');
    expect(union.checkWorthy).toBe(true);
  });
});

describe('the note about the reporter under a story', () => {
  const STORY = [
    'Ferry sinks off coast, 3 missing',
    '',
    'By Maria Lund',
    '',
    'BERGEN (Nordic Wire) — A car ferry sank off the coast of Norway on Sunday and three crew members were missing, the coast guard said.',
    'Captain Erik Dahl is a former correspondent for a shipping weekly who has sailed the route for 20 years.',
    '',
    'The Nordic Wire receives support from the Ocean Trust for coverage of maritime safety. The Nordic Wire is solely responsible for all content.',
    '',
    'Maria Lund is a reporter for the Nordic Wire based in Bergen. She has covered shipping since 2015.',
  ].join('\n');

  it('is not listed when the byline names its reporter, nor is the funding note', () => {
    expect(sentenceAt(STORY, 'Maria Lund is a reporter').kinds[0]).toBe('author_bio');
    expect(sentenceAt(STORY, 'She has covered shipping').kinds[0]).toBe('author_bio');
    expect(sentenceAt(STORY, 'The Nordic Wire receives support').checkWorthy).toBe(false);
    expect(sentenceAt(STORY, 'The Nordic Wire is solely').checkWorthy).toBe(false);
  });

  it('while a person the story is about, described the same way, is the story', () => {
    const captain = sentenceAt(STORY, 'Captain Erik Dahl');
    expect(captain.kinds).not.toContain('author_bio');
    expect(captain.checkWorthy).toBe(true);
    expect(analyzeText(STORY).find((s) => s.text.includes('A car ferry sank'))!.checkWorthy).toBe(true);
  });
});

describe('captions in agency shapes', () => {
  it('a dated caption of soldiers firing, and a handout credit with its note to editors, are not listed', () => {
    const text = [
      'Shelling resumes near the border',
      '',
      'Artillery crews fire towards enemy positions near Vostok, March 2, 2027.',
      '',
      'Governor Ivan Kral speaks in Vostok, March 1, 2027. Regional Press Office/Handout via REUTERS ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD PARTY.',
      '',
      'Shelling killed 4 people near Vostok on Monday, Governor Ivan Kral said.',
    ].join('\n');
    const listed = analyzeText(text)
      .filter((s) => s.checkWorthy)
      .map((s) => s.text);
    expect(listed).toEqual([
      'Shelling resumes near the border',
      'Shelling killed 4 people near Vostok on Monday, Governor Ivan Kral said.',
    ]);
  });
});

describe('a dateline with an outlet not on the agency list', () => {
  it('is cut off the first sentence, and an organisation in brackets is not taken for one', () => {
    const first = (line: string) => analyzeText(`Ferry sinks off Norway\n\n${line}`)[1]!.text;
    expect(first('BERGEN (Nordic Wire) — A car ferry sank on Sunday, the coast guard said.')).toBe(
      'A car ferry sank on Sunday, the coast guard said.',
    );
    expect(first('TROMSO, Norway (Arctic Post) - A car ferry sank on Sunday.')).toBe('A car ferry sank on Sunday.');
    expect(first('NATO (North Atlantic Treaty Organization) — the alliance — said 30 jets flew.')).toMatch(/^NATO/);
  });
});

describe('Russian page furniture', () => {
  const STORY = [
    'В Казани открыли новый мост',
    '',
    'Мэр осматривает мост «Северный». © Пресс-служба мэрии Казани',
    '',
    'Мост длиной 840 метров обошелся бюджету в 9 млрд рублей, сообщили в мэрии.',
    '',
    'Материалы по теме:',
    'Мэрия назвала сроки ремонта набережной',
    '',
    'Ошибка в тексте? Выделите её и нажмите Ctrl+Enter',
    'Подробнее о мосте — в материале агентства.',
    'Подрядчик эти данные не комментирует.',
  ].join('\n');

  it('a caption closed by a "©" credit, related stories and the typo prompt are not listed; the story is', () => {
    const listed = analyzeText(STORY)
      .filter((s) => s.checkWorthy)
      .map((s) => s.text);
    expect(listed).toEqual(['В Казани открыли новый мост', expect.stringMatching(/^Мост длиной 840 метров/)]);
    expect(sentenceAt(STORY, 'Мэр осматривает').kinds[0]).toBe('caption');
  });
});

describe('an event told with an irregular past verb', () => {
  it('narrates a past event, as one with an "-ed" verb does', () => {
    const text = ['Storm hits the coast', '', 'The storm tore roofs off houses in Dunmore overnight, police said.'].join('\n');
    expect(sentenceAt(text, 'The storm tore').kinds).toContain('past_event');
    expect(sentenceAt(text, 'The storm tore').checkWorthy).toBe(true);
  });
});
