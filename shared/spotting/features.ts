import { isWhiteSpaceCode } from '../text/whitespace';
import { RULES } from './rules';

/** Settings of the feature extractor; stored with the weights so training and scoring agree. */
export interface FeatureConfig {
  wordBigrams: boolean;
  charMin: number;
  charMax: number;
  /** Word-class features (k:): tense, person, number shapes, name shapes; they carry across debates and news. */
  wordClasses?: boolean;
  /** Weight of the L2-normalised n-gram group against the dense features (1 when absent). */
  ngramScale?: number;
  /**
   * Claim-shape features (q:): comparatives and superlatives, who did what in which tense ("we cut" vs "we
   * will"), full names, spelled-out amounts. Like word classes, they describe a sentence without its topic.
   */
  claimShapes?: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = { wordBigrams: true, charMin: 3, charMax: 5 };

const WORDS_ONLY: FeatureConfig = { wordBigrams: true, charMin: 0, charMax: 0 };
/**
 * The feature settings scripts/train-spotter.ts chooses among, by name. Character n-grams are left out: they
 * fit the training debates' vocabulary and make scoring several times slower.
 */
export const FEATURE_CANDIDATES: Readonly<Record<string, FeatureConfig>> = {
  classes: { ...WORDS_ONLY, wordClasses: true },
  shapes: { ...WORDS_ONLY, wordClasses: true, claimShapes: true },
  shapesLightNgrams: { ...WORDS_ONLY, wordClasses: true, claimShapes: true, ngramScale: 0.5 },
  shapesUnigrams: { ...WORDS_ONLY, wordBigrams: false, wordClasses: true, claimShapes: true },
};

/** Kinds of BMP code units, filled on first sight: 1 letter (\p{L}), 2 mark (\p{M}), 3 neither; 0 not yet classified. */
const UNIT_KIND = new Uint8Array(65536);
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;
const LETTER = 1;
const MARK = 2;

function kindOfPoint(point: string): number {
  return LETTER_RE.test(point) ? LETTER : MARK_RE.test(point) ? MARK : 3;
}

/** Letter, mark or neither for the code point at i; bit 4 set when it is a surrogate pair (two units long). */
function kindAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : 3;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return kindOfPoint(s.slice(i, i + 2)) | 4;
  }
  let k = UNIT_KIND[c]!;
  if (k === 0) UNIT_KIND[c] = k = c >= 0xd800 && c <= 0xdfff ? 3 : kindOfPoint(String.fromCharCode(c));
  return k;
}

/**
 * Lower-cased word tokens; every number becomes `0` so the model learns "a number" not "1985".
 * Tokens are what /[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\d+(?:[.,]\d+)*|[$%€£?!]/gu matches in the lower-cased
 * sentence, read in one scan without match objects (the scan was a fifth of scoring).
 */
export function tokenize(sentence: string): string[] {
  let s = sentence.toLowerCase();
  if (s.includes('’')) s = s.replace(/’/g, "'");
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      for (;;) {
        while (j < n && isDigit(s.charCodeAt(j))) j++;
        const sep = s.charCodeAt(j);
        if ((sep === 46 || sep === 44) && j + 1 < n && isDigit(s.charCodeAt(j + 1))) j += 2;
        else break;
      }
      out.push('0');
      i = j;
      continue;
    }
    const k = kindAt(s, i);
    if ((k & 3) === LETTER || (k & 3) === MARK) {
      let j = i + (k & 4 ? 2 : 1);
      for (;;) {
        const kj = j < n ? kindAt(s, j) : 3;
        if ((kj & 3) !== LETTER && (kj & 3) !== MARK) break;
        j += kj & 4 ? 2 : 1;
      }
      if (s.charCodeAt(j) === 39 && j + 1 < n && (kindAt(s, j + 1) & 3) === LETTER) {
        j++;
        for (;;) {
          const kj = j < n ? kindAt(s, j) : 3;
          if ((kj & 3) !== LETTER) break;
          j += kj & 4 ? 2 : 1;
        }
      }
      out.push(s.slice(i, j));
      i = j;
      continue;
    }
    if (c === 36 || c === 37 || c === 0x20ac || c === 0xa3 || c === 63 || c === 33) out.push(s[i]!);
    i += k & 4 ? 2 : 1;
  }
  return out;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Sparse binary features: word unigrams (w:), bigrams (b:), character n-grams inside word
 * boundaries (c:) and the dense ones of denseFeatures. Returned de-duplicated.
 */
export function extractFeatures(sentence: string, config: FeatureConfig = DEFAULT_FEATURES): string[] {
  const tokens = tokenize(sentence);
  const set = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    set.add(`w:${t}`);
    if (config.wordBigrams) set.add(`b:${i === 0 ? '^' : tokens[i - 1]}_${t}`);
    if (config.charMax > 0 && t.length > 1) {
      const padded = ` ${t} `;
      for (let n = config.charMin; n <= config.charMax; n++) {
        for (let k = 0; k + n <= padded.length; k++) set.add(`c:${padded.slice(k, k + n)}`);
      }
    }
  }
  if (config.wordBigrams && tokens.length > 0) set.add(`b:${tokens[tokens.length - 1]}_$`);
  for (const d of denseFeatures(sentence, tokens, config)) set.add(d);
  return [...set];
}

/** Rule feature names, made once: a name built per sentence is a new string to hash at every lookup. */
const RULE_FEATURES = RULES.map((r) => `r:${r.kind}`);

/** The features that are not n-grams: bias, the interpretable rules (r:), word classes (k:) and a length bucket. */
export function denseFeatures(sentence: string, tokens: string[], config: FeatureConfig): string[] {
  const out = ['bias'];
  for (let i = 0; i < RULES.length; i++) if (RULES[i]!.test(sentence)) out.push(RULE_FEATURES[i]!);
  if (config.wordClasses) out.push(...wordClasses(sentence, tokens));
  if (config.claimShapes) out.push(...claimShapes(sentence, tokens));
  const words = tokens.length;
  out.push(words < 6 ? 'len:short' : words < 15 ? 'len:mid' : words < 30 ? 'len:long' : 'len:vlong');
  return out;
}

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
const PAST = 1;
const MODAL = 2;
const FUTURE_WORD = 4;
const NEGATION = 8;
const I = 16;
const WE = 32;
const YOU = 64;
const THEY = 128;
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
const BIG_NUMBER = /\d{1,3}(?:,\d{3})+|\d{4,}|\b(?:thousands?|millions?|billions?|trillions?)\b/i;

/**
 * Word classes, not words: what tense and person a sentence speaks in and what shapes its numbers and
 * names take. A model leaning on these carries over to debates and news it never saw better than one
 * leaning on the words of the training debates.
 */
function wordClasses(sentence: string, tokens: string[]): string[] {
  const out: string[] = [];
  let past = 0;
  let seen = 0;
  for (const t of tokens) {
    const flags = WORD_CLASS.get(t) ?? 0;
    seen |= flags;
    if (flags & PAST || (t.length > 4 && (t.endsWith('ed') || (t.charCodeAt(0) >= 0x400 && CYRILLIC_PAST.test(t))))) past++;
    if (t.endsWith("n't")) seen |= NEGATION;
  }
  const modal = (seen & MODAL) !== 0;
  const future = (seen & FUTURE_WORD) !== 0;
  const negation = (seen & NEGATION) !== 0;
  const person1 = (seen & I) !== 0;
  const person1p = (seen & WE) !== 0;
  const person2 = (seen & YOU) !== 0;
  const person3 = (seen & THEY) !== 0;
  if (past > 0) out.push(past > 1 ? 'k:past2' : 'k:past');
  if (modal) out.push('k:modal');
  if (future) out.push('k:future');
  if (negation) out.push('k:negation');
  if (person1) out.push('k:i');
  if (person1p) out.push('k:we');
  if (person2) out.push('k:you');
  if (person3) out.push('k:he_she_they');
  if (!person1 && !person1p && !person2) out.push('k:impersonal');
  const first = tokens[0];
  if (first && OPENERS.has(first)) out.push('k:spoken_opener');
  let numbers = 0;
  for (const t of tokens) if (t === '0') numbers++;
  if (numbers > 0) out.push(numbers > 1 ? 'k:numbers2' : 'k:number');
  if (numbers > 0 || /illion|thousand/i.test(sentence)) {
    if (BIG_NUMBER.test(sentence)) out.push('k:big_number');
    if (/\b(?:1[89]\d\d|20\d\d)\b/.test(sentence)) out.push('k:year');
  }
  // Capitalised words after the first: names of people, places and bodies.
  const caps = capitalisedWords(sentence);
  if (caps > 0) out.push(caps > 2 ? 'k:names3' : 'k:names');
  if (hasUpperPair(sentence) && ACRONYM.test(sentence)) out.push('k:acronym');
  return out;
}

const UPPER = /\p{Lu}/u;
const ACRONYM = /\b\p{Lu}{2,}\b/u;
/** Upper-case or not, per BMP code unit, filled on first sight: 1 upper, 2 not. */
const UPPER_UNIT = new Uint8Array(65536);

/** Two upper-case letters in a row, which ACRONYM needs: most sentences are ruled out without running it. */
function hasUpperPair(s: string): boolean {
  let prev = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let upper: boolean;
    if (c < 128) upper = c >= 65 && c <= 90;
    // Half of a pair outside the BMP: counted as a possible capital.
    else if (c >= 0xd800 && c <= 0xdfff) upper = true;
    else {
      let k = UPPER_UNIT[c]!;
      if (k === 0) UPPER_UNIT[c] = k = UPPER.test(String.fromCharCode(c)) ? 1 : 2;
      upper = k === 1;
    }
    if (upper && prev) return true;
    prev = upper;
  }
  return false;
}
const NAME_CHAR = /[\p{Ll}\p{Lu}'’.-]/u;
/** NAME_CHAR's answer per UTF-16 unit, filled on first sight: 1 yes, 2 no. */
const NAME_UNIT = new Uint8Array(65536);

function isUpperUnit(c: number): boolean {
  if (c < 128) return c >= 65 && c <= 90;
  let k = UPPER_UNIT[c]!;
  if (k === 0) UPPER_UNIT[c] = k = UPPER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

function isNameUnit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 46 || c === 45;
  let k = NAME_UNIT[c]!;
  if (k === 0) NAME_UNIT[c] = k = NAME_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/**
 * How many capitalised words follow the first character (names of people, places and bodies): an upper-case
 * letter after a space, bracket, quote or hyphen, then at least one more letter; a name runs on through
 * letters, apostrophes, dots and hyphens ("African-Americans" is one). One pass over the character codes: the
 * equivalent pattern with a look-behind was the slowest part of scoring.
 */
function capitalisedWords(sentence: string): number {
  let caps = 0;
  let nameEnd = 0;
  const n = sentence.length;
  for (let i = 2; i < n; i++) {
    if (i < nameEnd || !isUpperUnit(sentence.charCodeAt(i))) continue;
    const before = sentence.charCodeAt(i - 1);
    // space ( “ " ' - or other white space
    if (!(before === 40 || before === 0x201c || before === 34 || before === 39 || before === 45 || isWhiteSpaceCode(before)))
      continue;
    if (i + 1 >= n || !isNameUnit(sentence.charCodeAt(i + 1))) continue;
    caps++;
    nameEnd = i + 1;
    while (nameEnd < n && isNameUnit(sentence.charCodeAt(nameEnd))) nameEnd++;
  }
  return caps;
}

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

const TITLES = new Set(['senator', 'governor', 'president']);
const AUXILIARIES = new Set(['has', 'have', 'had']);

const COMPARATIVE = 1;
const SUPERLATIVE = 2;
const TREND = 4;
const AMOUNT = 8;
const PROPORTION = 16;
const WE_SUBJECT = 32;
const THIRD_SUBJECT = 64;
const I_OR_WE = 128;
/** Each word's shape classes as bits: one lookup per token. */
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

/**
 * Shapes of a checkable claim that do not depend on its topic: a comparison with "than", a superlative, a
 * trend verb with a figure, a record ("she voted", "we passed") as against a plan or wish ("we will",
 * "we need to", "I think"), a full name (two capitalised words in a row), an amount spelled out.
 */
function claimShapes(sentence: string, tokens: string[]): string[] {
  const out: string[] = [];
  let comparative = false;
  let than = false;
  let superlative = false;
  let trend = false;
  let numbers = false;
  let weRecord = false;
  let wePlan = false;
  let theyRecord = false;
  let opinion = false;
  let amountWords = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1] ?? '';
    const bits = SHAPE_CLASS.get(t) ?? 0;
    if (bits & COMPARATIVE || (next === 'than' && t.length > 4 && t.endsWith('er'))) comparative = true;
    else if (t === 'than') than = true;
    if (bits & SUPERLATIVE || (t.length > 5 && tokens[i - 1] === 'the' && t.endsWith('est'))) superlative = true;
    if (bits & TREND) trend = true;
    if (bits & AMOUNT || (t === 'per' && next === 'cent')) numbers = amountWords = true;
    else if (t === '0' || bits & PROPORTION) numbers = true;
    if (bits & WE_SUBJECT) {
      const verb = next === 'have' || next === 'had' ? (tokens[i + 2] ?? '') : next;
      if (RECORD_VERBS.has(verb) || (verb.length > 4 && verb.endsWith('ed'))) weRecord = true;
      if (POLICY_OPENERS.has(next) || t === "we're") wePlan = true;
    }
    if (bits & THIRD_SUBJECT) {
      // A title may be followed by the name it belongs to: "Governor Carter cut", "Senator Obama voted".
      const subjectEnd = TITLES.has(t) && !RECORD_VERBS.has(next) && !AUXILIARIES.has(next) ? i + 1 : i;
      const after = tokens[subjectEnd + 1] ?? '';
      const verb = AUXILIARIES.has(after) ? (tokens[subjectEnd + 2] ?? '') : after;
      if (RECORD_VERBS.has(verb)) theyRecord = true;
    }
    if (bits & I_OR_WE && OPINION_WORDS.has(next)) opinion = true;
  }
  if (comparative && than) out.push('q:comparison_than');
  else if (comparative) out.push('q:comparative');
  if (superlative) out.push('q:superlative');
  if (trend && numbers) out.push('q:trend_figure');
  else if (trend) out.push('q:trend');
  if (weRecord) out.push('q:we_did');
  if (wePlan) out.push('q:we_will');
  if (theyRecord) out.push('q:their_record');
  if (opinion) out.push('q:i_think');
  if (hasFullName(sentence)) out.push('q:full_name');
  if (amountWords) out.push('q:amount_words');
  return out;
}

const LOWER = /\p{Ll}/u;
const isUpperAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(s[i]!);
};
const isLowerAt = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c < 128 ? c >= 97 && c <= 122 : LOWER.test(s[i]!);
};

/** Two capitalised words in a row, not at the start ("… met Hillary Clinton", "(New York)"): a full name. */
function hasFullName(sentence: string): boolean {
  const n = sentence.length;
  // Where the last capitalised word ended, when a space followed it.
  let afterName = -1;
  for (let i = 1; i < n; i++) {
    const before = sentence.charCodeAt(i - 1);
    // space, ", “, (
    if (!(before === 32 || before === 34 || before === 0x201c || before === 40) || !isUpperAt(sentence, i)) continue;
    let j = i + 1;
    while (j < n && isLowerAt(sentence, j)) j++;
    if (j === i + 1) continue;
    if (afterName === i - 1) return true;
    afterName = sentence.charCodeAt(j) === 32 ? j : -1;
    i = j - 1;
  }
  return false;
}
