import { RULES } from './rules';
import {
  AMOUNT,
  COMPARATIVE,
  FUTURE_WORD,
  I,
  I_OR_WE,
  LONG_ED,
  LONG_ER,
  LONG_EST,
  MODAL,
  NEGATION,
  NUMBER,
  OPENER,
  OPINION,
  PAST_FORM,
  POLICY_OPENER,
  PROPORTION,
  RECORD_VERB,
  SUPERLATIVE,
  THEY,
  THIRD_SUBJECT,
  tokenClasses,
  TREND,
  WE,
  WE_SUBJECT,
  YOU,
} from './token-classes';

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

/**
 * The features that are not n-grams: bias, the interpretable rules (r:), word classes (k:) and a length bucket.
 * `classes` holds tokenClasses of each token when the caller has them (the sentence model keeps them with its
 * vocabulary); otherwise they are worked out here.
 */
export function denseFeatures(sentence: string, tokens: string[], config: FeatureConfig, classes?: ArrayLike<number>): string[] {
  const out = ['bias'];
  for (let i = 0; i < RULES.length; i++) if (RULES[i]!.test(sentence)) out.push(RULE_FEATURES[i]!);
  if (config.wordClasses || config.claimShapes) {
    const bits = classes ?? tokens.map(tokenClasses);
    if (config.wordClasses) wordClasses(sentence, tokens.length, bits, out);
    if (config.claimShapes) claimShapes(sentence, tokens, bits, out);
  }
  const words = tokens.length;
  out.push(words < 6 ? 'len:short' : words < 15 ? 'len:mid' : words < 30 ? 'len:long' : 'len:vlong');
  return out;
}

const BIG_NUMBER = /\d{1,3}(?:,\d{3})+|\d{4,}|\b(?:thousands?|millions?|billions?|trillions?)\b/i;

/**
 * Word classes, not words: what tense and person a sentence speaks in and what shapes its numbers and
 * names take. A model leaning on these carries over to debates and news it never saw better than one
 * leaning on the words of the training debates.
 */
function wordClasses(sentence: string, n: number, bits: ArrayLike<number>, out: string[]): void {
  let past = 0;
  let seen = 0;
  let numbers = 0;
  for (let i = 0; i < n; i++) {
    const b = bits[i]!;
    seen |= b;
    if (b & PAST_FORM) past++;
    if (b & NUMBER) numbers++;
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
  if (n > 0 && bits[0]! & OPENER) out.push('k:spoken_opener');
  if (numbers > 0) out.push(numbers > 1 ? 'k:numbers2' : 'k:number');
  if (numbers > 0 || /illion|thousand/i.test(sentence)) {
    if (BIG_NUMBER.test(sentence)) out.push('k:big_number');
    if (/\b(?:1[89]\d\d|20\d\d)\b/.test(sentence)) out.push('k:year');
  }
  // Capitalised words after the first: names of people, places and bodies.
  const caps = capitalisedWords(sentence);
  if (caps > 0) out.push(caps > 2 ? 'k:names3' : 'k:names');
  if (hasUpperPair(sentence) && ACRONYM.test(sentence)) out.push('k:acronym');
}

const UPPER = /\p{Lu}/u;
const ACRONYM = /\b\p{Lu}{2,}\b/u;
/** Upper-case or not, per BMP code unit, filled on first sight: 1 upper, 2 not. */
const UPPER_UNIT = new Uint8Array(65536);

/** Two code units in a row that may be upper-case letters (any beyond ASCII may): what hasUpperPair needs. */
const MAY_BE_UPPER_PAIR = /[A-Z\u0080-\uffff]{2}/;

/** Two upper-case letters in a row, which ACRONYM needs: most sentences are ruled out without running it. */
function hasUpperPair(s: string): boolean {
  // (A pattern finds a sentence without such a pair faster than the loop.)
  if (!MAY_BE_UPPER_PAIR.test(s)) return false;
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

/** After ( “ " ' - or white space, a unit that may be upper-case (any beyond ASCII may): where a name may open. */
const MAY_OPEN_NAME = /[\s(“"'-][A-Z\u0080-\uffff]/g;

/**
 * How many capitalised words follow the first character (names of people, places and bodies): an upper-case
 * letter after a space, bracket, quote or hyphen, then at least one more letter; a name runs on through
 * letters, apostrophes, dots and hyphens ("African-Americans" is one). The places where one may open are found by
 * a pattern, which skips the rest faster than reading every character; the equivalent pattern with a look-behind
 * was the slowest part of scoring.
 */
function capitalisedWords(sentence: string): number {
  let caps = 0;
  let nameEnd = 0;
  const n = sentence.length;
  // (From 1: the first character never opens a counted name. The next search starts at the unit found, which may
  // itself be white space before another.)
  MAY_OPEN_NAME.lastIndex = 1;
  while (MAY_OPEN_NAME.test(sentence)) {
    const i = MAY_OPEN_NAME.lastIndex - 1;
    MAY_OPEN_NAME.lastIndex = i;
    if (i < nameEnd || !isUpperUnit(sentence.charCodeAt(i))) continue;
    if (i + 1 >= n || !isNameUnit(sentence.charCodeAt(i + 1))) continue;
    caps++;
    nameEnd = i + 1;
    while (nameEnd < n && isNameUnit(sentence.charCodeAt(nameEnd))) nameEnd++;
  }
  return caps;
}

const TITLES = new Set(['senator', 'governor', 'president']);
const AUXILIARIES = new Set(['has', 'have', 'had']);

/**
 * Shapes of a checkable claim that do not depend on its topic: a comparison with "than", a superlative, a
 * trend verb with a figure, a record ("she voted", "we passed") as against a plan or wish ("we will",
 * "we need to", "I think"), a full name (two capitalised words in a row), an amount spelled out.
 */
function claimShapes(sentence: string, tokens: string[], classes: ArrayLike<number>, out: string[]): void {
  const n = tokens.length;
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
    const bits = classes[i]!;
    const nextBits = classAt(classes, n, i + 1);
    if (bits & COMPARATIVE || (next === 'than' && bits & LONG_ER)) comparative = true;
    else if (t === 'than') than = true;
    if (bits & SUPERLATIVE || (bits & LONG_EST && tokens[i - 1] === 'the')) superlative = true;
    if (bits & TREND) trend = true;
    if (bits & AMOUNT || (t === 'per' && next === 'cent')) numbers = amountWords = true;
    else if (bits & (NUMBER | PROPORTION)) numbers = true;
    if (bits & WE_SUBJECT) {
      const verb = next === 'have' || next === 'had' ? classAt(classes, n, i + 2) : nextBits;
      if (verb & (RECORD_VERB | LONG_ED)) weRecord = true;
      if (nextBits & POLICY_OPENER || t === "we're") wePlan = true;
    }
    if (bits & THIRD_SUBJECT) {
      // A title may be followed by the name it belongs to: "Governor Carter cut", "Senator Obama voted".
      const subjectEnd = TITLES.has(t) && !(nextBits & RECORD_VERB) && !AUXILIARIES.has(next) ? i + 1 : i;
      const after = tokens[subjectEnd + 1] ?? '';
      const verb = AUXILIARIES.has(after) ? classAt(classes, n, subjectEnd + 2) : classAt(classes, n, subjectEnd + 1);
      if (verb & RECORD_VERB) theyRecord = true;
    }
    if (bits & I_OR_WE && nextBits & OPINION) opinion = true;
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
}

/** The classes of token i of n, or none past the end. */
function classAt(classes: ArrayLike<number>, n: number, i: number): number {
  return i < n ? classes[i]! : 0;
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

/**
 * What hasFullName needs: after a space, quote or bracket, a unit that may be upper-case, some that may be lower-case,
 * a space, and again (any unit beyond ASCII may be either).
 */
const MAY_BE_FULL_NAME = /[ "“(][A-Z\u0080-\uffff][a-z\u0080-\uffff]+ [A-Z\u0080-\uffff][a-z\u0080-\uffff]/;

/** Two capitalised words in a row, not at the start ("… met Hillary Clinton", "(New York)"): a full name. */
function hasFullName(sentence: string): boolean {
  // (A pattern finds a sentence without one faster than the loop; more than half have none.)
  if (!MAY_BE_FULL_NAME.test(sentence)) return false;
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
