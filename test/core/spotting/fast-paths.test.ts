/**
 * The hand-written scanners and prefilters of the spotting hot paths against the plain definitions they
 * replace (kept here as references): the same output on built inputs, on random strings and on the corpus.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { denseFeatures, tokenize } from '../../../shared/spotting/features';
import { allMatches } from '../../../shared/spotting/all-matches';
import { FIGURE } from '../../../shared/spotting/figure';
import { gateWords, isGated, wordGated } from '../../../shared/spotting/word-gate';
import { quoteStructure } from '../../../shared/spotting/attribution/quotes';
import { defaultSpotter } from '../../../shared/spotting/index';
import { Spotter } from '../../../shared/spotting/model';
import { sortByStrength } from '../../../shared/spotting/reasons';
import { RULES } from '../../../shared/spotting/rules';
import { FURNITURE_PATTERNS, siteFurnitureKind } from '../../../shared/spotting/site-furniture';
import { answerWords, isShortAnswer, moreWordsThan } from '../../../shared/spotting/turns';
import { guessLocale, proseSentences } from '../../../shared/text/candidates';
import { narrowed } from '../../../shared/text/one-byte';
import { DATA_DIR, gumArticles, withoutShared } from '../../helpers/corpus';

const TOKEN = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\d+(?:[.,]\d+)*|[$%€£?!]/gu;
function referenceTokenize(sentence: string): string[] {
  const out = sentence.toLowerCase().replace(/’/g, "'").match(TOKEN) ?? [];
  return out.map((t) => (/^\d/.test(t) ? '0' : t));
}

/** Strings built from the pieces the scanners branch on: letters of several scripts, marks, astral letters, digits, joiners. */
const PIECES = [
  'a',
  'Z',
  'é',
  'e\u0301',
  '\u0301',
  'Ж',
  'ё',
  'İ',
  'ß',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  '1',
  '2',
  '.',
  ',',
  "'",
  '’',
  ' ',
  '-',
  '$',
  '%',
  '€',
  '£',
  '?',
  '!',
  '¥',
  '_',
  'K',
  'ǅ',
  '\u00a0',
  '\n',
];
const built = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(''));

describe('feature tokenizer', () => {
  it('splits words, joined apostrophes, numbers and signs as the token pattern does', () => {
    expect(tokenize("Don’t pay $1,200.50 for U.S. rock'n'roll, naïve café — 12% of Ёлки!")).toEqual(
      referenceTokenize("Don’t pay $1,200.50 for U.S. rock'n'roll, naïve café — 12% of Ёлки!"),
    );
    expect(tokenize('1.2.3, 4,5 and 6.')).toEqual(['0', '0', 'and', '0']);
    expect(tokenize("it's 𝐀𝐁'𝐂 e\u0301t\u0301")).toEqual(["it's", "𝐀𝐁'𝐂", 'e\u0301t\u0301']);
  });

  it('agrees with the token pattern on random strings', () => {
    fc.assert(
      fc.property(built, (s) => {
        expect(tokenize(s)).toEqual(referenceTokenize(s));
      }),
      { numRuns: 3000 },
    );
  });

  it.skipIf(withoutShared(import.meta.url))('agrees with the token pattern on the news corpus and the debate sentences', () => {
    const sentences = gumArticles().flatMap((a) => proseSentences(a.text).map((s) => s.text));
    const debates = fs
      .readFileSync(path.join(DATA_DIR, 'checkworthy', 'CT24_checkworthy_english_dev.tsv'), 'utf8')
      .split('\n')
      .map((l) => l.split('\t')[1] ?? '');
    for (const s of [...sentences, ...debates]) expect(tokenize(s)).toEqual(referenceTokenize(s));
  });
});

/** Patterns of the kinds the hot paths gate: word lists, signs, digits, Cyrillic stems, multi-word phrases. */
const PATTERNS = [
  /\b(?:voted?|law|bill|legislation|passed|signed|vetoed|sanctions?|treaty|policy|program)\b/i,
  /%|\bper ?cent\b|\bpercentage\b|\brate\b|процент/i,
  /[$€£₴₽]|\b(?:dollars?|budget|tax(?:es)?|deficit|debt)\b|(?:рубл|гривн|долл)/i,
  /\d[\d,.]*\s*(?:%|percent|per cent|miles?|\s?bn|\s?m\b)|(?:млн|млрд|тыс)/i,
  /\b(?:I want|we've got to|let's|let me|I'm going to|ought to|believe in)\b/i,
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|March|Sept?(?:ember)?)\b/,
  /\b(?:said|says|claim(?:ed|s)|emphasi[sz]ed|den(?:ied|ies)|according)\b/i,
  /\b(?:because|caused?|led to|result(?:ed)? in|as a result)\b|(?:из-за|привел)/i,
  /\b(?:could not|cannot|can't|declined to)\s+(?:disclose|comment)|\bno (?:comment|immediate comment)\b|\b(?:it was|it is) (?:not (?:immediately )?(?:clear|known)|unclear)\b/i,
  /\b(?:believes?|called (?:for|on)|described \w+ as|called \w+ (?:a |an )?["“']|is needed)\b/i,
  /\d|\b(?:hundreds?|per cent|single digits)\b|(?:тысяч|миллион)/i,
  /\b(?:1[89]\d\d|20\d\d)\b/,
  /\b(?:follow us (?:on|at)|(?:click|tap) here (?:to|for))\b|^\W*(?:read (?:more|the full story)|(?:related|more) (?:articles|stories))\W*$/i,
  /\bplease (?:donate|support us)|^\W*(?:help|support|join) us\b/im,
  /(?:\b(?:Getty Images|Getty|AFP|AP)\s*(?:via\s+Getty(?:\s+Images)?)?\s*$|^\s*(?:Photo|Image|Credit|Фото)\s*[:：]|\b(?:Photo|Image)\s+(?:by|credit)\b|\/\s*(?:Getty|AFP|Pool)\b)/i,
  // Lookarounds match no characters; a lazy quantifier matches the same sentences; white space before the first word.
  /\d|\b(?:ten|hundreds?)\b|(?<![а-яё'])(?:двое|трое)(?![а-яё])/i,
  /\b(?:welcomed|called)\s+(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:figures|data)\b/i,
  /^\W*(?:some|many)?\s*(?:experts|critics)\b/i,
  /^\s*[[(]?\s*(?:File\s+)?(?:Photo|Фото)\s*[:：]|^\s*©\s*(?!\s*\d)[^.!?]{2,60}$/i,
  // Phrases, gated by a word after their first.
  /\b(?:this|the) (?:material|content) (?:may|must) not be\b|\b(?:has|have) not (?:yet )?(?:disclosed|named)\b/i,
  /\b(?:get|receive) (?:our|the) (?:\w+ )?newsletter\b|\bsign up for|\bno comment\b/i,
  // Cyrillic words after anything at all: the sentence needs Cyrillic.
  /^\W*(?:some|many)?\s*experts\b|^[^а-яё]*(?:многие )?(?:эксперты|аналитики)\s/i,
  /\b(?:two|three)\s+[a-z]|(?:^|[^а-яё])(?:два|три)\s+[а-яё]/i,
];
const WORDS = [
  'law',
  'Voted',
  'vote',
  'BILLS',
  'per',
  'cent',
  'percent',
  'rate',
  'rates',
  'tax',
  'taxes',
  'Taxed',
  'debt',
  'I',
  'want',
  "we've",
  'got',
  'to',
  "let's",
  'lets',
  'let',
  'me',
  "I'm",
  'going',
  'ought',
  'believe',
  'in',
  'Jan',
  'January',
  'Sept',
  'September',
  'Sep',
  'march',
  'said',
  'SAYS',
  'claimed',
  'claims',
  'emphasised',
  'emphasized',
  'denied',
  'according',
  'led',
  'result',
  'resulted',
  'as',
  'a',
  'could',
  'not',
  'cannot',
  'disclose',
  'no',
  'comment',
  'it',
  'was',
  'is',
  'clear',
  'unclear',
  'believes',
  'called',
  'for',
  'described',
  'him',
  'needed',
  'hundreds',
  'single',
  'digits',
  'процент',
  'Рубл',
  'долл',
  'млн',
  'из-за',
  'тысяч',
  'ᲀ',
  '12',
  'bn',
  'm',
  'miles',
  '1999',
  '2024',
  '20245',
  '1850',
  'follow',
  'us',
  'click',
  'here',
  'read',
  'more',
  'the',
  'full',
  'story',
  'Related',
  'articles',
  'please',
  'donate',
  'support',
  'help',
  'JOIN',
  'this',
  'are',
  'available',
  'under',
  'Creative',
  'commons',
  'ten',
  'двое',
  'трое',
  'welcomed',
  'figures',
  'data',
  'some',
  'many',
  'experts',
  'critics',
  'File',
  'Photo',
  'Фото',
  'material',
  'content',
  'may',
  'must',
  'be',
  'has',
  'have',
  'yet',
  'disclosed',
  'named',
  'get',
  'receive',
  'our',
  'newsletter',
  'sign',
  'up',
  'эксперты',
  'аналитики',
  'многие',
  'два',
  'три',
  'two',
  'three',
];
const JOINERS = [
  ' ',
  '  ',
  '',
  '_',
  '1',
  'é',
  "'",
  '’',
  '-',
  '.',
  ',',
  '\n',
  '"',
  '“',
  '%',
  '$',
  '€',
  'ſ',
  'K',
  '» ',
  '— ',
  'а',
  '(',
  '[',
  '© ',
  ': ',
];
const phrase = fc
  .tuple(
    fc.constantFrom('', ...JOINERS),
    fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...JOINERS)), { maxLength: 8 }),
  )
  .map(([lead, xs]) => lead + xs.map(([w, j]) => w + j).join(''));

describe('word gate', () => {
  it('derives a gate for word lists and leaves patterns it cannot read ungated', () => {
    for (const re of PATTERNS) expect(isGated(re), re.source).toBe(true);
    expect(isGated(/\Best\b/i)).toBe(false);
    expect(isGated(/illion|thousand/i)).toBe(false);
    expect(isGated(/\b(?:said|told)/i)).toBe(false);
    expect(isGated(/\b(?:said|told)\b/iu)).toBe(false);
    expect(isGated(/\b(?:was|\p{Ll}{3,}ed)\b/u)).toBe(false);
    expect(isGated(/^\w*(?:I|My)\b/)).toBe(false);
    expect(isGated(/^\W+(?:I|My)\b/)).toBe(false);
    // After letters, a lookahead does not say whether the run of letters ends.
    expect(isGated(/\bsaid(?!ly)/i)).toBe(false);
    // Anything before an ASCII word may hold its first letters.
    expect(isGated(/[^x]*abc/i)).toBe(false);
    expect(isGated(FIGURE)).toBe(true);
  });

  it('gates a phrase by the rarest of its first words, not a word nearly every sentence holds', () => {
    expect(gateWords(/\b(?:this|the) (?:material|content) (?:may|must) not be\b/i)).toEqual(['content', 'material']);
    expect(gateWords(/\b(?:has|have) not (?:yet )?(?:disclosed|named)\b/i)).toEqual(['disclosed', 'named', 'yet']);
    expect(gateWords(/\b(?:get|receive) (?:our|the) (?:\w+ )?newsletter\b/i)).toEqual(['get', 'newsletter', 'receive']);
    // A phrase that ends where the pattern does is read no further than its last complete word.
    expect(gateWords(/\bsign up for|\bno comment\b/i)).toEqual(['comment', 'sign']);
  });

  it('answers as the pattern does, on phrases built from its words', () => {
    const gated = PATTERNS.map((re) => [re, wordGated(re)] as const);
    fc.assert(
      fc.property(phrase, (s) => {
        for (const [re, test] of gated) expect(test(s), `${re.source} on ${JSON.stringify(s)}`).toBe(re.test(s));
      }),
      { numRuns: 4000 },
    );
  });

  it.skipIf(withoutShared(import.meta.url))('answers as the pattern does on the news corpus', () => {
    const gated = PATTERNS.map((re) => [re, wordGated(re)] as const);
    let matched = 0;
    for (const s of gumArticles().flatMap((a) => proseSentences(a.text).map((x) => x.text)))
      for (const [re, test] of gated) {
        const want = re.test(s);
        if (want) matched++;
        expect(test(s)).toBe(want);
      }
    expect(matched).toBeGreaterThan(100);
  });
});

describe('blanked quotations', () => {
  it('blank every character \\S matches, inside a quotation and after it opens', () => {
    const spaces = ['\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u200b'];
    const text = fc
      .array(fc.constantFrom(...PIECES.filter((p) => !/["“”«»„]/.test(p)), ...spaces), { maxLength: 40 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, text, (inside, after) => {
        const [opened, continued] = quoteStructure([`He said: “${inside}`, after]);
        expect(opened!.outside).toBe(`He said: “${inside.replace(/\S/g, '\u2022')}`);
        expect(continued!.outside).toBe(after.replace(/\S/g, '\u2022'));
      }),
      { numRuns: 3000 },
    );
    const long = 'Wörter und\u00a0Zahlen 12, '.repeat(900);
    expect(quoteStructure(['“Open', long])[1]!.outside).toBe(long.replace(/\S/g, '\u2022'));
  });
});

describe('sentence model ids for unknown words', () => {
  it('a sentence scores the same in a fresh model as after 60,000 unknown words have come and gone', () => {
    const sentences = [
      'Zorblat zorblat said the quux rose 12 per cent, zorblat zorblat again.',
      'The the the unemployment rate fell to 4.1 percent in March, officials said.',
      'Blorf glimt blorf: "we will cut taxes", the governor said of glimt.',
    ];
    const fresh = sentences.map((s) => new Spotter(defaultSpotter().model).score(s));
    const used = new Spotter(defaultSpotter().model);
    for (let i = 0; i < 6000; i++)
      used.score(Array.from({ length: 10 }, (_, k) => `qx${i * 10 + k}`).join(' ') + ' said the minister.');
    expect(sentences.map((s) => used.score(s))).toEqual(fresh);
  });
});

describe('reasons by strength', () => {
  it('orders as a stable sort by absolute weight does, ties in their order', () => {
    const reasons = fc.array(
      fc.record({
        kind: fc.constantFrom('a', 'b', 'c', 'd'),
        label: fc.string({ maxLength: 3 }),
        weight: fc.constantFrom(-2, -1.5, -0.5, 0, 0.5, 1.5, 2),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(reasons, (rs) => {
        const want = [...rs].sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
        expect(sortByStrength([...rs])).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});

/** Site furniture as first written: every pattern tested on every sentence. */
function referenceFurniture(sentence: string): string | null {
  const long = sentence.length > 400;
  const voiced = /\b(?:our|we|us|you|your)\b|(?:\bнас\b|\bнаш|\bвы\b|\bваш)/iu;
  for (const f of FURNITURE_PATTERNS)
    if ((!long || f.anyLength) && f.pattern.test(sentence) && (!f.voiced || voiced.test(sentence))) return f.kind;
  return null;
}

describe('site furniture gates', () => {
  const lines = [
    'Please donate to keep Wikinews running.',
    '» Read more',
    '— Related articles —',
    'Follow us on Twitter for updates.',
    '© 2025 The Herald. All rights reserved.',
    'This article is available under the Creative Commons licence.',
    'Contact us',
    'Поддержите нас!',
    '— Читайте также',
    'The council said it would fund the library through donations by readers.',
  ];

  it('every pattern the word gate can read is gated; the Cyrillic one is checked for Cyrillic first', () => {
    for (const f of FURNITURE_PATTERNS) expect(isGated(f.pattern) || f.needs !== undefined, f.pattern.source).toBe(true);
  });

  it('finds the same kind as the plain patterns', () => {
    for (const s of lines) expect(siteFurnitureKind(s), s).toBe(referenceFurniture(s));
    expect(lines.filter((s) => siteFurnitureKind(s) !== null).length).toBeGreaterThan(7);
    fc.assert(
      fc.property(phrase, (s) => {
        expect(siteFurnitureKind(s), s).toBe(referenceFurniture(s));
      }),
      { numRuns: 3000 },
    );
  });

  it.skipIf(withoutShared(import.meta.url))('finds the same kind on the news corpus', () => {
    for (const a of gumArticles())
      for (const s of proseSentences(a.text)) expect(siteFurnitureKind(s.text), s.text).toBe(referenceFurniture(s.text));
  });
});

/** The capitalised-word count as first written, one pattern test per character. */
function referenceCapitalisedWords(sentence: string): number {
  const isUpper = (c: string) => (c >= 'A' && c <= 'Z') || (c > '\x7f' && /\p{Lu}/u.test(c));
  const nameChar = /[\p{Ll}\p{Lu}'’.-]/u;
  let caps = 0;
  let nameEnd = 0;
  for (let i = 2; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (i < nameEnd || !isUpper(c)) continue;
    const before = sentence[i - 1]!;
    if (!(before === '(' || before === '“' || before === '"' || before === "'" || before === '-' || /\s/.test(before))) continue;
    if (i + 1 >= sentence.length || !nameChar.test(sentence[i + 1]!)) continue;
    caps++;
    nameEnd = i + 1;
    while (nameEnd < sentence.length && nameChar.test(sentence[nameEnd]!)) nameEnd++;
  }
  return caps;
}

describe('counting and locale shortcuts', () => {
  it('counts capitalised words as the per-character patterns do', () => {
    const config = { wordBigrams: true, charMin: 0, charMax: 0, wordClasses: true };
    const text = fc
      .array(fc.constantFrom('A', 'b', 'Ж', 'ж', 'É', '𝐀', ' ', '\u00a0', '(', '“', '"', "'", '’', '-', '.', 'x', 'Σ', '\t'), {
        maxLength: 16,
      })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        const caps = referenceCapitalisedWords(s);
        const features = denseFeatures(s, tokenize(s), config);
        expect(features.includes('k:names3')).toBe(caps > 2);
        expect(features.includes('k:names')).toBe(caps > 0 && caps <= 2);
      }),
      { numRuns: 3000 },
    );
  });

  it('the acronym class is read as its pattern says', () => {
    const config = { wordBigrams: true, charMin: 0, charMax: 0, wordClasses: true };
    const capitals = fc
      .array(fc.constantFrom('A', 'b', 'Ж', 'ж', 'É', '𝐀', '_', '1', ' ', '.', 'ǅ', 'Σ'), { maxLength: 12 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(capitals, (s) => {
        expect(denseFeatures(s, tokenize(s), config).includes('k:acronym')).toBe(/\b\p{Lu}{2,}\b/u.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  const spaced = fc
    .array(fc.constantFrom('a', 'Ж', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '\u180e', '.', '\u0085'), {
      maxLength: 30,
    })
    .map((xs) => xs.join(''));
  it('the short rule counts words as trim and split do', () => {
    const short = RULES.find((r) => r.kind === 'short')!;
    fc.assert(
      fc.property(spaced, (s) => {
        expect(short.test(s)).toBe(s.trim().split(/\s+/).length < 6);
      }),
      { numRuns: 3000 },
    );
  });

  it('the locale guess stops early with the answer a full count gives', () => {
    const reference = (text: string) => {
      let cyr = 0;
      let lat = 0;
      for (const c of text.slice(0, 5000)) {
        if (c >= '\u0400' && c <= '\u04ff') cyr++;
        else if (/[A-Za-z]/.test(c)) lat++;
      }
      return cyr > lat ? 'ru' : 'en';
    };
    const long = fc
      .array(fc.constantFrom('a', 'Ж', ' ', 'b', 'я', '.'), { minLength: 200, maxLength: 6000 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(long, (s) => {
        expect(guessLocale(s)).toBe(reference(s));
      }),
      { numRuns: 300 },
    );
    expect(guessLocale('a'.repeat(3000) + 'Ж'.repeat(3001))).toBe('en');
    expect(guessLocale('a'.repeat(2000) + 'Ж'.repeat(2001))).toBe('ru');
  });
});

describe('short answers', () => {
  const answers = fc
    .array(
      fc.constantFrom(
        'Yes',
        'no',
        'it',
        'İ',
        'ß',
        'e\u0301',
        '1',
        'x-y',
        '—',
        ',',
        '.',
        "'",
        '’',
        ' ',
        '  ',
        '\u00a0',
        '\u2003',
        '\n',
      ),
      { maxLength: 24 },
    )
    .map((xs) => xs.join(''));

  it('a sentence the word-count shortcut rules out has more than that many words', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 0, max: 6 }), (s, max) => {
        if (moreWordsThan(s, max)) expect(answerWords(s).length).toBeGreaterThan(max);
      }),
      { numRuns: 5000 },
    );
    expect(moreWordsThan('Yes, it is, sir.', 5)).toBe(false);
    expect(moreWordsThan('No, sir, it is not, all of you.', 5)).toBe(true);
    expect(isShortAnswer('Yes, it is.')).toBe(true);
  });
});

describe('all matches', () => {
  it('gives what matchAll gives, empty matches and surrogate pairs included, and leaves the pattern reset', () => {
    const patterns = [
      /\s([A-ZА-Я][\p{Ll}'’-]{2,})/gu,
      /(?:[A-Z][\p{L}'’.-]*\s+){1,4}[A-Z][\p{L}'’-]+/gu,
      /a*/g,
      /(?:)/gu,
      /\b(?:said|told)\b/gi,
    ];
    const text = fc
      .array(fc.constantFrom('A', 'a', 'Said', ' ', 'Жора', 'told', '😀', '\ud800', '.', 'Bob '), { maxLength: 12 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (s) => {
        for (const re of patterns) {
          const got = allMatches(re, s).map((m) => [m.index, ...m]);
          expect(got).toEqual([...s.matchAll(re)].map((m) => [m.index, ...m]));
          expect(re.lastIndex).toBe(0);
        }
      }),
      { numRuns: 1500 },
    );
    expect(() => allMatches(/x/, 'x')).toThrow(TypeError);
  });
});

describe('one-byte sentence copies', () => {
  it('copy a piece exactly, every code unit up to U+00FF included, and leave a piece with a wider one as it is', () => {
    const latin1 = Array.from({ length: 256 }, (_, c) => String.fromCharCode(c)).join('');
    expect(narrowed(latin1, true)).toBe(latin1);
    const piece = fc.array(fc.constantFrom('a', 'Z', 'é', 'ÿ', '\u0000', '\u001f', '"', '\\', '\u0085', ' ', '\n'), {
      maxLength: 20,
    });
    fc.assert(
      fc.property(piece, (xs) => {
        expect(narrowed(xs.join(''), true)).toBe(xs.join(''));
      }),
      { numRuns: 500 },
    );
    const wide = 'She said “no” — twice.';
    expect(narrowed(wide, true)).toBe(wide);
    expect(narrowed('plain', false)).toBe('plain');
  });

  it.skipIf(withoutShared(import.meta.url))(
    'leave every sentence of the corpus articles reading as its stretch of the text',
    () => {
      for (const { text } of gumArticles()) for (const s of proseSentences(text)) expect(s.text).toBe(text.slice(s.start, s.end));
    },
  );
});
