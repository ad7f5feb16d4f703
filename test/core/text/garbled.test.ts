import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../shared/text/candidates';
import { garbledTextWarning, isGarbled } from '../../../shared/text/garbled';

/** Lines a PDF with a broken text layer gives (fonts mapped to the wrong characters), as pdftotext reads them too. */
const GARBLED = [
  "$ & & ( ) % * + ' % & % ' & !",
  "/01 * % & 2 % ' 3 (-.4.)",
  'TheTheoryofReasonedAction ; 6 % %3*(-.',
  '26 D$ E6 %% 3 %! !',
  'C Thedegreetowhichanindividualbelievesthat usingaparticularsystemwouldenhancehisorherjobperformance&',
];

const WORDS = [
  'Russia launched 157 drones overnight, the air force said.',
  'Revenue rose +12% to $3.2bn in Q3 (2024), up from $2.9bn.',
  '2019 2020 2021 157 203 4.1%',
  'Temperatures hit 45°C on 3 July; the G7 met in Elmau.',
  'Smith & Wesson shares rose 5 % — their best day since 2020.',
  'Инфляция составила 7,4 % в мае, сообщил Росстат.',
  'Мы поставили 157 дронов в 2019 г.',
  'Він сказав: «Ми перемогли» — і пішов.',
  'C++ and C# are the languages the team uses.',
  '#MakeAmericaGreatAgain trended on X after the rally.',
  'Population 4,933,210[5] (120th), GDP $40,266[6] per head.',
  'Total exemptions claimed . . . . . . . . . . . . 6',
  '国家统计局今天发布的数据显示五月份全国居民消费价格同比上涨百分之零点三',
  '政府は5月の消費者物価が前年比で3.2%上昇したと発表した。',
];

describe('garbled text', () => {
  it('is a sentence mostly made of stray signs or of words run together', () => {
    for (const s of GARBLED) expect(isGarbled(s), s).toBe(true);
  });

  it('is not prose, in Latin, Cyrillic or a script written without spaces, with its figures, signs and tables of numbers', () => {
    for (const s of WORDS) expect(isGarbled(s), s).toBe(false);
  });

  it('reads tokens between any white space, as \\s does: no-break, thin and ideographic spaces, tabs and line breaks', () => {
    expect(isGarbled('$\u00a0&\u3000&\t(\n)\u2009%\u202f*')).toBe(true);
    expect(isGarbled('\u00a0 Russia\u00a0launched 157\u2009drones\u3000overnight,\tthe air\nforce said.\u2028')).toBe(false);
    expect(isGarbled('  \t ')).toBe(false);
  });

  it('is never a candidate claim, and a document largely made of it is said to be unreadable', () => {
    const prose = 'The ministry said 157 drones were shot down overnight.';
    const garbled = `${prose}\n\n${GARBLED.join('\n\n')}`;
    const sentences = analyzeText(garbled);
    const claims = sentences.filter((s) => s.checkWorthy).map((s) => s.text);
    expect(claims).toEqual([prose]);
    for (const s of sentences.slice(1)) expect(s.reasons[0]?.kind, s.text).toBe('garbled');
    expect(garbledTextWarning(sentences, 'pdf')).toBe(
      "Much of this PDF's text could not be read (its text layer looks garbled): check the claims against the original.",
    );
    expect(garbledTextWarning(analyzeText(WORDS.join('\n\n')), 'pdf')).toBeNull();
  });
});

describe('a journal paper’s furniture', () => {
  it('is not a claim: masthead, ISSN, volume and issue, keywords, boards, citations of an issue', () => {
    const text = [
      'Working Papers on Information Systems ISSN 1535-6078',
      'Volume 9, Issue 2',
      'Keywords: technology acceptance, information systems, survey of 1,200 firms.',
      'Permanent URL: http://sprouts.aisnet.org/9-37',
      'Sprouts: Working Papers on Information Systems, 9(37). http://sprouts.aisnet.org/9-37',
      'Organizational Behavior and Human Decision Processes, 50(2), 179–211.',
      `Editorial Board: ${Array.from({ length: 30 }, (_, i) => `Member ${i + 1}, University of Oslo`).join(' ')}`,
      'Том 5, № 2',
      'Ключевые слова: инфляция, 2019 год, Росстат.',
      'The survey of 1,200 firms found that 62 percent adopted the system within two years.',
    ].join('\n\n');
    const claims = analyzeText(text)
      .filter((s) => s.checkWorthy)
      .map((s) => s.text);
    expect(claims).toEqual(['The survey of 1,200 firms found that 62 percent adopted the system within two years.']);
  });
});
