import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../shared/text/segment';
import { CORPUS_DIR, gumArticles, withoutShared } from '../../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const texts = (t: string, locale?: string) => segmentSentences(t, locale).map((s) => s.text);

describe('sentence segmentation', () => {
  it('does not end a sentence at a question mark inside a link', () => {
    expect(
      texts(
        'Закон [http://publication.pravo.gov.ru/Document/View/0001202310040010?index=2&rangeSize=1 размещён] на портале. Дальше текст.',
        'ru',
      ),
    ).toEqual([
      'Закон [http://publication.pravo.gov.ru/Document/View/0001202310040010?index=2&rangeSize=1 размещён] на портале.',
      'Дальше текст.',
    ]);
    expect(texts('See https://example.org/a?b=1 for more! Then this. Why? Because.')).toEqual([
      'See https://example.org/a?b=1 for more!',
      'Then this.',
      'Why?',
      'Because.',
    ]);
  });

  it.skipIf(noShared)('scores high boundary F1 against the GUM Wikinews gold sentences', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const a of gumArticles()) {
      const gold = new Set<number>();
      let pos = 0;
      for (const s of a.sentences) {
        const i = a.text.indexOf(s, pos);
        expect(i).toBeGreaterThanOrEqual(0);
        pos = i + s.length;
        gold.add(pos);
      }
      const got = segmentSentences(a.text);
      for (const s of got) expect(a.text.slice(s.start, s.end)).toBe(s.text);
      const ends = new Set(got.map((s) => s.end));
      for (const e of ends)
        if (gold.has(e)) tp++;
        else fp++;
      for (const g of gold) if (!ends.has(g)) fn++;
    }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    const f1 = (2 * p * r) / (p + r);
    console.log(`GUM Wikinews boundaries: P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} (${tp + fn} gold)`);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  it('starts a sentence at a figure after a full stop, but not after an abbreviation or in a reference', () => {
    expect(texts('The shell hit a house. 50-year-old resident Ivan Petrov said he heard two blasts.')).toEqual([
      'The shell hit a house.',
      '50-year-old resident Ivan Petrov said he heard two blasts.',
    ]);
    expect(texts('Снаряд попал в дом. 50-летний житель сказал, что слышал два взрыва.', 'ru')).toEqual([
      'Снаряд попал в дом.',
      '50-летний житель сказал, что слышал два взрыва.',
    ]);
    expect(texts('Turnout was 61 percent. 1,200 ballots were spoiled. 5 Russian soldiers were held.')).toEqual([
      'Turnout was 61 percent.',
      '1,200 ballots were spoiled.',
      '5 Russian soldiers were held.',
    ]);
    for (const whole of [
      'He lives at No. 5 Downing Street.',
      'The vote was held on Sept. 5 2025 in Vladivostok.',
      'They met at 10 a.m. 20 minutes later it ended.',
      'She lives in Apt. 4 on the second floor.',
      'It is on p. 5 of the report.',
      'The New York Times. 10 June 2009.',
      'Economist Intelligence Unit. 2018. p. 5.',
    ])
      expect(texts(whole)).toEqual([whole]);
  });

  it('keeps abbreviations, initials and figures inside sentences', () => {
    expect(
      texts('Gov. Andrew Cuomo met Sen. Chuck Schumer and Rep. Jerry Nadler on Sept. 12 in St. Paul. They talked.'),
    ).toHaveLength(2);
    expect(texts('J. R. R. Tolkien wrote it. Dr. Jones agreed with Mr. Smith and Lt. Gen. Rob Ray.')).toEqual([
      'J. R. R. Tolkien wrote it.',
      'Dr. Jones agreed with Mr. Smith and Lt. Gen. Rob Ray.',
    ]);
    expect(
      texts('Sales rose 1.5% to $3.2 bn, or 1,000.5 units, over 125 miles after 9/11 and 3½ years. No. 3 was next.'),
    ).toHaveLength(2);
    expect(texts('Acme Inc. reported a loss. Shares in Acme Corp. fell on Jan. 5. U.S. officials said so.')).toEqual([
      'Acme Inc. reported a loss.',
      'Shares in Acme Corp. fell on Jan. 5.',
      'U.S. officials said so.',
    ]);
    expect(texts('He moved to the U.S. The move was hard.')).toHaveLength(2);
    // "A." and "I." between a first name and a surname in a list, or before "said"; elsewhere they may end a sentence.
    expect(texts('Voting were: Elizabeth A. Duke; Charles I. Plosser; and Kevin M. Warsh. Voting against was none.')).toEqual([
      'Voting were: Elizabeth A. Duke; Charles I. Plosser; and Kevin M. Warsh.',
      'Voting against was none.',
    ]);
    expect(texts('Charles I. Plosser said rates would rise.')).toHaveLength(1);
    expect(texts('We chose Plan A. The board agreed. They fought in World War I. Soldiers returned home.')).toHaveLength(4);
  });

  it('keeps list numbers with their item, reference marks with their sentence and a quoted exclamation inside its sentence', () => {
    expect(texts('The plan has three steps:\n1. Collect data.\n2. Analyse it.\n3) Report.\niv. Repeat.')).toEqual([
      'The plan has three steps:',
      '1. Collect data.',
      '2. Analyse it.',
      '3) Report.',
      'iv. Repeat.',
    ]);
    expect(texts('The firm grew. It hired 500 people.[3] Sales doubled.[4][5] Profits fell.[a]')).toEqual([
      'The firm grew.',
      'It hired 500 people.[3]',
      'Sales doubled.[4][5]',
      'Profits fell.[a]',
    ]);
    expect(texts('"We will win!" he shouted. "Why now?" she asked. "Stop!" The crowd froze.')).toEqual([
      '"We will win!" he shouted.',
      '"Why now?" she asked.',
      '"Stop!"',
      'The crowd froze.',
    ]);
    // A sentence that is only a number stays one when it is not a list marker.
    expect(texts('The final score was 3. It was a rout.')).toHaveLength(2);
  });

  it('handles quotations, ellipses, datelines and list items', () => {
    expect(texts('"We will win," he said. "It is false." He left.')).toEqual([
      '"We will win," he said.',
      '"It is false."',
      'He left.',
    ]);
    expect(texts('Well... maybe not. It ended.')).toEqual(['Well... maybe not.', 'It ended.']);
    expect(texts('KYIV, Ukraine (AP) — Russia launched 40 drones overnight, the air force said.')).toHaveLength(1);
    expect(texts('Key points\n- rates rose\n- jobs fell\n\nCaption: a photo')).toEqual([
      'Key points',
      '- rates rose',
      '- jobs fell',
      'Caption: a photo',
    ]);
  });

  it('splits a picture caption from its credit', () => {
    expect(texts('Playstation VR demo Image: Nick Moreau.\n\nThe show opened on Friday.')).toEqual([
      'Playstation VR demo',
      'Image: Nick Moreau.',
      'The show opened on Friday.',
    ]);
    expect(texts('The ratio was 3:1 in the final.')).toHaveLength(1);
  });

  it('keeps a footnote mark with the sentence it follows', () => {
    expect(
      texts(
        'Russia launched 157 drones, the air force said.* The figures could not be verified. Inflation rose to 9.2%.¹ The bank agreed.',
      ),
    ).toEqual([
      'Russia launched 157 drones, the air force said.*',
      'The figures could not be verified.',
      'Inflation rose to 9.2%.¹',
      'The bank agreed.',
    ]);
    expect(texts('Prices rose 5 * 2 times. Fine.')).toEqual(['Prices rose 5 * 2 times.', 'Fine.']);
  });

  it.skipIf(noShared)('joins hard-wrapped lines inside a paragraph (FOMC statement)', () => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, 'news_en/us_gov_fomc/20080122.txt'), 'utf8');
    const s = segmentSentences(text);
    expect(s[0]!.text.replace(/\s+/g, ' ')).toBe(
      'The Federal Open Market Committee has decided to lower its target for the federal funds rate 75 basis points to 3-1/2 percent.',
    );
    expect(s.some((x) => x.text.replace(/\s+/g, ' ').includes('Donald L. Kohn; Randall S. Kroszner'))).toBe(true);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('does not read a headline, a caption and a paragraph on consecutive lines as one wrapped paragraph', () => {
    const paragraph = 'The council voted 7 to 2 on Monday to raise the transport budget by 12 percent, a record. '
      .repeat(3)
      .trim();
    expect(texts(`City council approves a new budget for transport and housing in 2025\nMayor Ann Smith\n${paragraph}`)).toEqual([
      'City council approves a new budget for transport and housing in 2025',
      'Mayor Ann Smith',
      ...Array(3).fill('The council voted 7 to 2 on Monday to raise the transport budget by 12 percent, a record.'),
    ]);
    // A long unbreakable line (a link) does not stop a wrapped block from reading as one paragraph.
    const wrapped = [
      'The Federal Open Market Committee decided today to lower its target for',
      'the federal funds rate by 75 basis points, as its statement published at',
      'https://www.federalreserve.gov/newsevents/pressreleases/monetary20080122b/statement-archive/index.htm',
      'explains. Recent information indicates a deepening of the housing contraction.',
    ].join('\n');
    expect(texts(wrapped)).toHaveLength(2);
  });

  it('ends a sentence at a clock time before a new sentence, not before a day or time zone or after an opening time', () => {
    expect(texts('Crews were on site by 6 a.m. Services resume Thursday. Doors open at 9 a.m. "Come early," she said.')).toEqual([
      'Crews were on site by 6 a.m.',
      'Services resume Thursday.',
      'Doors open at 9 a.m.',
      '"Come early," she said.',
    ]);
    for (const whole of [
      'The storm arrived at about 6 p.m. Monday and moved offshore by 2 a.m. Tuesday.',
      'He spoke at 3 p.m. Geneva time on Friday.',
      'Markets open at 9:30 a.m. EST and close at 4 p.m. Eastern Time.',
      'At 10 a.m. President Obama spoke to reporters.',
    ])
      expect(texts(whole)).toEqual([whole]);
  });

  it('starts a sentence at a word spelt with a lower-case first letter, a hyphenated figure or a bullet after a full stop', () => {
    expect(
      texts('It sells in the U.K., Germany and France. iPhone models are covered. Some chose to fly. easyJet added flights.'),
    ).toEqual([
      'It sells in the U.K., Germany and France.',
      'iPhone models are covered.',
      'Some chose to fly.',
      'easyJet added flights.',
    ]);
    expect(texts('The second half belonged to the home side. 19-year-old Kobbie Mainoo put United ahead.')).toHaveLength(2);
    expect(texts('Теорий достаточно: * 2021 год — инверсия поля. * 2060 год — конец. Всё.', 'ru')).toEqual([
      'Теорий достаточно: * 2021 год — инверсия поля.',
      '* 2060 год — конец.',
      'Всё.',
    ]);
  });

  it('keeps a case name, a titled name with the initial A. and a doubting (?) inside the sentence', () => {
    expect(texts('She cited Riley v. California in her brief. The court agreed.')).toHaveLength(2);
    expect(texts('The Senate confirmed Lt. Gen. Mark A. Howell as the head of Cyber Command.')).toHaveLength(1);
    expect(texts('President Chester A. Arthur signed the act. We chose Plan A. The board agreed.')).toHaveLength(3);
    expect(texts('Дежурившая вахтёр Наталья Паникоровская (?) нажала тревожную кнопку. Полиция приехала.', 'ru')).toEqual([
      'Дежурившая вахтёр Наталья Паникоровская (?) нажала тревожную кнопку.',
      'Полиция приехала.',
    ]);
  });

  it('starts a sentence at a capitalised opener after words without punctuation, but not inside a title', () => {
    expect(
      texts('Mayor Ana Ruiz of Valle Verde In the eastern district, turnout fell to 41 percent for the first time.'),
    ).toEqual(['Mayor Ana Ruiz of Valle Verde', 'In the eastern district, turnout fell to 41 percent for the first time.']);
    expect(texts('We cut the levy on small bakeries For example, a shop in Leeds paid less last year.')).toEqual([
      'We cut the levy on small bakeries',
      'For example, a shop in Leeds paid less last year.',
    ]);
    expect(texts('Ferries stopped running at noon They say the harbour will reopen on Monday.')).toHaveLength(2);
    expect(texts('Monday, March 2, 2026 On Sunday, the council voted to close the old bridge.')).toEqual([
      'Monday, March 2, 2026',
      'On Sunday, the council voted to close the old bridge.',
    ]);
    for (const whole of [
      'Critics panned the film The Night Garden at its premiere in Oslo.',
      "Protesters carried signs reading 'In Bread We Trust' outside the ministry.",
      'Did a Farmer Lose His Herd During a Flood?',
      'Was This Bridge Closed After the Storm in 2019?',
      'Do Two Ministers Believe He is Hiding Them From Voters?',
      'The clubs agreed and On the final day they signed the deal.',
      'An outbreak of Hepatitis A in the city was traced to a market.',
    ])
      expect(texts(whole)).toEqual([whole]);
  });

  it('reads a list of headlines or sources, one a line, as separate lines rather than a wrapped paragraph', () => {
    const related =
      'Related news\n\nWebb telescope finds carbon dioxide on distant planet\nScientists question signs of life on K2-18 b';
    expect(texts(related)).toEqual([
      'Related news',
      'Webb telescope finds carbon dioxide on distant planet',
      'Scientists question signs of life on K2-18 b',
    ]);
    const sources = [
      '"Storm cuts power to 400,000 in Northeast" — Associated Press, September 14, 2027',
      '"Utilities scramble after overnight storm" — The New York Times, September 14, 2027',
    ];
    expect(texts(sources.join('\n'))).toEqual(sources);
  });

  it('reads initials written together as part of a name, but a single letter or a place before a new sentence as its end', () => {
    expect(texts('The fund was set up in 2009.\n\nR.J. Hollis, its treasurer, said it would grow.')).toEqual([
      'The fund was set up in 2009.',
      'R.J. Hollis, its treasurer, said it would grow.',
    ]);
    expect(texts('The trophy went to D.B. Carver, who scored twice.')).toHaveLength(1);
    expect(texts('She moved to L.A. Police said she left no address.')).toHaveLength(2);
    expect(texts('Крепость взяли войска под командованием А.В. Суворова в 1790 году.', 'ru')).toHaveLength(1);
    expect(texts('The clip spread after a post on X. The network has not commented.')).toEqual([
      'The clip spread after a post on X.',
      'The network has not commented.',
    ]);
  });

  it('starts a sentence after a quarter, a model or a score, and after a company before a name that speaks', () => {
    expect(texts('Profits slipped in Q2. iPhone sales held up.')).toEqual(['Profits slipped in Q2.', 'iPhone sales held up.']);
    expect(texts('The visitors won 3-2. 41,000 fans saw the late goal.')).toEqual([
      'The visitors won 3-2.',
      '41,000 fans saw the late goal.',
    ]);
    expect(texts('The lease was signed with Harbor Foods Inc. Moreno said the rent was fair.')).toEqual([
      'The lease was signed with Harbor Foods Inc.',
      'Moreno said the rent was fair.',
    ]);
    for (const whole of [
      'Harbor Foods Inc. reported a loss.',
      'Nordwind Motor Corp. President Ilse Brandt said sales rose.',
      'Brandt spoke at the Nordwind Co. Ltd. office in Hamburg.',
    ])
      expect(texts(whole)).toEqual([whole]);
  });

  it("splits a page footer's categories, separated items, bullets and sources run into one line, but not a headline", () => {
    expect(texts('Categories: June 2, 2019 Oceania Fisheries and farming Pacific Islands')).toEqual([
      'Categories:',
      'June 2, 2019',
      'Oceania Fisheries and farming',
      'Pacific Islands',
    ]);
    expect(texts('Filed under: Harbours | Weather | Shipping')).toEqual(['Filed under:', 'Harbours', 'Weather', 'Shipping']);
    expect(texts('• Ferry services resume on the coast • Storm damage estimated at $4 million')).toEqual([
      '• Ferry services resume on the coast',
      '• Storm damage estimated at $4 million',
    ]);
    expect(
      texts('"Ferries resume after storm" — Coastal Herald, June 3, 2019 "Harbour counts the cost" — Island Times, June 4, 2019'),
    ).toEqual([
      '"Ferries resume after storm" — Coastal Herald, June 3, 2019',
      '"Harbour counts the cost" — Island Times, June 4, 2019',
    ]);
    for (const whole of [
      'Police: Missing Hiker Was Found Safe After Three Days',
      'Tags: harbour fees and ferry prices',
      'Prices rose in 2019 | 2020 and fell after that.',
    ])
      expect(texts(whole)).toEqual([whole]);
  });

  it('handles Russian abbreviations', () => {
    expect(texts('Он родился в 1990 г. в Москве, т.е. давно. Живёт на ул. Ленина, им. Пушкина и т. д. Далее.', 'ru')).toEqual([
      'Он родился в 1990 г. в Москве, т.е. давно.',
      'Живёт на ул. Ленина, им. Пушкина и т. д.',
      'Далее.',
    ]);
    expect(texts('Штраф составит 5 млн. рублей. Закон подписан.', 'ru')).toHaveLength(2);
  });

  it.skipIf(noShared)('segments real Russian news', () => {
    const dir = path.join(CORPUS_DIR, 'news_ru/ru_wikinews_nerel');
    const text = fs.readFileSync(path.join(dir, '140635_text.txt'), 'utf8');
    const s = segmentSentences(text, 'ru');
    expect(s.some((x) => x.text.includes('от 3 тыс. до 5 тыс. рублей'))).toBe(true);
    for (const x of s) expect(x.text.length).toBeGreaterThan(2);
  });
});
