/**
 * What the sentence model's word-class and claim-shape features need to know about one token, as bits: its
 * classes (tense, person, modality, negation; comparative, superlative, trend, amount …) and the shapes of its
 * ending ("-ed", "-er", "-est", "n't"). Worked out once per distinct word (the sentence model keeps the bits with
 * its vocabulary), so a sentence costs one lookup per token for all of them, instead of a lookup per word list
 * and a string test per ending.
 */
const IRREGULAR_PAST = new Set(
  'was were had did said told made took went came got gave left began rose fell grew lost paid sent spent built brought found held led met ran saw sold stood thought wrote won knew became cut put set hit kept sought fought bought caught taught'.split(
    ' ',
  ),
);
const MODALS = new Set(['would', 'could', 'should', 'might', 'may', 'must', 'can', 'ought']);
const FUTURE = new Set(['will', "'ll", "i'll", "we'll", "you'll", "he'll", "she'll", "they'll", "won't"]);
const NEGATIONS = new Set([
  'not',
  'never',
  'no',
  'nobody',
  'nothing',
  "n't",
  "don't",
  "didn't",
  "doesn't",
  "isn't",
  "wasn't",
  "aren't",
  "weren't",
  "haven't",
  "hasn't",
  "can't",
  "won't",
]);
const FIRST_SINGULAR = new Set(['i', 'me', 'my', "i'm", "i've", "i'd", 'myself']);
const FIRST_PLURAL = new Set(['we', 'us', 'our', "we're", "we've", "we'd", 'ourselves']);
const SECOND = new Set(['you', 'your', "you're", "you've", 'yourself']);
const THIRD = new Set(['he', 'she', 'they', 'his', 'her', 'their', 'them', 'him', "he's", "she's", "they're"]);
const OPENERS = new Set(['well', 'yes', 'no', 'oh', 'look', 'now', 'and', 'but', 'so', 'thank', 'okay', 'ok']);
export const PAST = 1;
export const MODAL = 2;
export const FUTURE_WORD = 4;
export const NEGATION = 8;
export const I = 16;
export const WE = 32;
export const YOU = 64;
export const THEY = 128;
/**
 * The same classes in Russian and Ukrainian, so that the weights learned on English debates read a Cyrillic
 * sentence's person, modality, future and negation too (no Cyrillic word occurs in the training data, so
 * English scores are unchanged). Past tense is read from the verb ending (CYRILLIC_PAST).
 */
const CYRILLIC_CLASSES: readonly (readonly [string, number])[] = [
  ['я мне меня мой моя моё мое мои мною', I],
  ['мы нас нам наш наша наше наши нами ми нас наш наша наше наші', WE],
  ['вы вас вам ваш ваша ваше ваши ты тебя твой ви вас ваш', YOU],
  ['он она они его её ее их ему ей им він вона вони його її їх', THEY],
  ['может могут мог могла могли можно должен должна должны следует нужно надо можуть може повинен треба', MODAL],
  ['будет будут буду будем будете буде будуть', FUTURE_WORD],
  ['не нет никогда ни ні немає ніколи', NEGATION],
];
/** A Russian or Ukrainian past-tense verb: -л, -ла, -ло, -ли after a vowel, reflexive forms included. */
const CYRILLIC_PAST = /[аеиоуыяїі]л(?:а|о|и|ся|ась|ось|ись|ася|ося|ися)?$/;

/** Each word's classes as bits: one lookup per token instead of one per class. */
const WORD_CLASS = new Map<string, number>();
for (const [list, bit] of CYRILLIC_CLASSES) for (const w of list.split(' ')) WORD_CLASS.set(w, (WORD_CLASS.get(w) ?? 0) | bit);
for (const [words, bit] of [
  [IRREGULAR_PAST, PAST],
  [MODALS, MODAL],
  [FUTURE, FUTURE_WORD],
  [NEGATIONS, NEGATION],
  [FIRST_SINGULAR, I],
  [FIRST_PLURAL, WE],
  [SECOND, YOU],
  [THIRD, THEY],
] as const)
  for (const w of words) WORD_CLASS.set(w, (WORD_CLASS.get(w) ?? 0) | bit);

const COMPARATIVE_WORDS = [
  'more',
  'less',
  'fewer',
  'higher',
  'lower',
  'bigger',
  'smaller',
  'larger',
  'greater',
  'faster',
  'slower',
  'cheaper',
  'worse',
  'better',
];
const SUPERLATIVE_WORDS = [
  'most',
  'least',
  'largest',
  'biggest',
  'highest',
  'lowest',
  'fastest',
  'worst',
  'best',
  'first',
  'only',
  'record',
  'ever',
];
const TREND_WORDS = [
  'increased',
  'decreased',
  'rose',
  'risen',
  'fell',
  'fallen',
  'dropped',
  'doubled',
  'tripled',
  'grew',
  'grown',
  'declined',
  'soared',
  'plunged',
  'cut',
  'raised',
  'lowered',
  'created',
  'lost',
];
const RECORD_VERBS = new Set([
  'voted',
  'passed',
  'signed',
  'supported',
  'opposed',
  'proposed',
  'vetoed',
  'sponsored',
  'approved',
  'introduced',
  'funded',
  'spent',
  'raised',
  'cut',
  'created',
  'lost',
  'added',
  'closed',
  'sent',
  'paid',
  'invaded',
]);
const AMOUNT_WORDS = [
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'billion',
  'billions',
  'trillion',
  'trillions',
  'percent',
];
const PROPORTION_WORDS = ['half', 'third', 'quarter', 'twice', 'double', 'dozens'];
const OPINION_WORDS = new Set([
  'think',
  'believe',
  'feel',
  'hope',
  'want',
  'wish',
  'love',
  'like',
  'agree',
  'disagree',
  'guess',
  'suppose',
]);
const POLICY_OPENERS = new Set([
  'will',
  "'ll",
  'must',
  'should',
  'need',
  'needs',
  'have',
  'going',
  'ought',
  'want',
  'would',
  'can',
]);
const SUBJECTS_PLURAL_FIRST = ['we', "we've", "we're"];
const SUBJECTS_THIRD = [
  'he',
  'she',
  'they',
  "he's",
  "she's",
  "they've",
  'senator',
  'governor',
  'president',
  'congress',
  'administration',
];

export const COMPARATIVE = 1 << 8;
export const SUPERLATIVE = 1 << 9;
export const TREND = 1 << 10;
export const AMOUNT = 1 << 11;
export const PROPORTION = 1 << 12;
export const WE_SUBJECT = 1 << 13;
export const THIRD_SUBJECT = 1 << 14;
export const I_OR_WE = 1 << 15;
/** Each word's shape classes as bits. */
const SHAPE_CLASS = new Map<string, number>();
for (const [words, bit] of [
  [COMPARATIVE_WORDS, COMPARATIVE],
  [SUPERLATIVE_WORDS, SUPERLATIVE],
  [TREND_WORDS, TREND],
  [AMOUNT_WORDS, AMOUNT],
  [PROPORTION_WORDS, PROPORTION],
  [SUBJECTS_PLURAL_FIRST, WE_SUBJECT],
  [SUBJECTS_THIRD, THIRD_SUBJECT],
  [['i', 'we'], I_OR_WE],
] as const)
  for (const w of words) SHAPE_CLASS.set(w, (SHAPE_CLASS.get(w) ?? 0) | bit);

/** Bits beyond the word lists: a past form, an opener, a number, and the endings and verb lists claim shapes test. */
export const PAST_FORM = 1 << 16;
export const OPENER = 1 << 17;
export const NUMBER = 1 << 18;
export const LONG_ER = 1 << 19;
export const LONG_EST = 1 << 20;
export const LONG_ED = 1 << 21;
export const RECORD_VERB = 1 << 22;
export const POLICY_OPENER = 1 << 23;
export const OPINION = 1 << 24;

/** The bits of one lower-cased token (see tokenize in features.ts). */
export function tokenClasses(t: string): number {
  const listed = WORD_CLASS.get(t) ?? 0;
  let bits = listed | (SHAPE_CLASS.get(t) ?? 0);
  if (t.endsWith("n't")) bits |= NEGATION;
  if (listed & PAST || (t.length > 4 && (t.endsWith('ed') || (t.charCodeAt(0) >= 0x400 && CYRILLIC_PAST.test(t)))))
    bits |= PAST_FORM;
  if (OPENERS.has(t)) bits |= OPENER;
  if (t === '0') bits |= NUMBER;
  if (t.length > 4 && t.endsWith('er')) bits |= LONG_ER;
  if (t.length > 5 && t.endsWith('est')) bits |= LONG_EST;
  if (t.length > 4 && t.endsWith('ed')) bits |= LONG_ED;
  if (RECORD_VERBS.has(t)) bits |= RECORD_VERB;
  if (POLICY_OPENERS.has(t)) bits |= POLICY_OPENER;
  if (OPINION_WORDS.has(t)) bits |= OPINION;
  return bits;
}
