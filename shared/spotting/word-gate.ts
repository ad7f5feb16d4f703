/**
 * A cheap, exact pre-check for word-list patterns such as /\b(?:said|told|according to)\b/i: such a pattern
 * can only match a sentence in which one of its first words ("said", "told", "according") stands as a whole
 * run of ASCII letters. Each sentence's letter runs are looked up once in a table of every gated pattern's
 * first words, so the dozens of word lists tested per sentence run their regular expression only on the
 * sentences that may match; on the others the answer (false) is known without scanning the sentence again.
 *
 * The first words are derived from the pattern itself, so editing a pattern keeps its gate right. Any
 * construct the derivation does not understand leaves the pattern ungated (always tested): a gate may let
 * a sentence through needlessly, never keep a match out.
 */

import { GateWords, hashStep, WORD_HASH_START } from './gate-words';

/** What a pattern needs in a sentence before it can match at all. */
interface Gate {
  id: number;
  digit: boolean;
  cyrillic: boolean;
  /** Signs that can start a match ("%", "$", "©"), as bits of signBits: read with the sentence's words. */
  signs: number;
  /** Signs beyond the bits signBits has room for, looked for with includes. */
  chars: string[];
}

/** Expansions of one branch's first word, beyond which the pattern is left ungated. */
const MAX_WORDS = 4000;

/** Lower-case first words of every gated pattern → the ids of the gates they open. */
const gatesByWord = new GateWords();
let gateCount = 0;

/**
 * `re.test(s)`, skipping the scan when the sentence cannot match. Build it once per pattern (module level):
 * the derivation reads the pattern's source.
 */
export function wordGated(re: RegExp): (s: string) => boolean {
  const gate = re.global || re.sticky ? null : deriveGate(re);
  if (!gate) return (s) => re.test(s);
  return (s) => opens(gate, s) && re.test(s);
}

function opens(gate: Gate, s: string): boolean {
  const seen = sentenceGates(s);
  if ((seen.open[gate.id >> 5]! & (1 << (gate.id & 31))) !== 0) return true;
  if (gate.digit && seen.digit) return true;
  if (gate.cyrillic && seen.cyrillic) return true;
  if ((gate.signs & seen.signs) !== 0) return true;
  for (const c of gate.chars) if (s.includes(c)) return true;
  return false;
}

/** What a sentence's words open: a bit per gate. */
interface SentenceGates {
  open: Uint32Array;
  /** How many gates existed when it was computed: a later gate needs a new reading. */
  gates: number;
  digit: boolean;
  cyrillic: boolean;
  /** The gated signs the sentence holds, as bits of signBits. */
  signs: number;
}

/**
 * Readings of recent sentences: the claimant, the sentence model, the context features and the caption
 * check all ask about the same sentence strings, and a string seen before is found by its cached hash.
 */
const recent = new Map<string, SentenceGates>();
const MAX_RECENT = 4096;

/** (first letter, last letter, length) of every gated word, so that most runs are ruled out before a string is made. */
const shapes = new Uint8Array(26 * 26 * 16);
const shapeOf = (first: number, last: number, length: number) =>
  ((first | 32) - 97) * 416 + ((last | 32) - 97) * 16 + Math.min(length, 15);

/**
 * A bit per sign that some gate starts with, by UTF-16 code unit (0: none): a sentence's signs are noted in the
 * same scan as its words, instead of one includes() per sign per pattern.
 */
const signBits = new Int32Array(65536);
let signsUsed = 0;

const isCyrillicCode = (c: number) => (c >= 0x400 && c <= 0x52f) || (c >= 0x1c80 && c <= 0x1c87);
const isDigitOrCyrillicCode = (c: number) => (c >= 48 && c <= 57) || isCyrillicCode(c);

/** The sentence asked about last: the patterns of one sentence are tested one after another. */
let lastSentence = '';
let lastReading: SentenceGates | null = null;

/**
 * Forget the readings of earlier sentences: a document's readings help only while that document is analysed, and
 * carried over to the next they would flatter a benchmark that reads the same articles again.
 */
export function forgetSentenceReadings(): void {
  recent.clear();
  lastSentence = '';
  lastReading = null;
}

function sentenceGates(s: string): SentenceGates {
  if (s === lastSentence && lastReading && lastReading.gates === gateCount) return lastReading;
  const known = recent.get(s);
  if (known && known.gates === gateCount) {
    lastSentence = s;
    lastReading = known;
    return known;
  }
  if (recent.size >= MAX_RECENT) recent.clear();
  const open = new Uint32Array((gateCount + 31) >> 5);
  let digit = false;
  let cyrillic = false;
  let signs = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      let j = i + 1;
      let hash = hashStep(WORD_HASH_START, c);
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (!((d >= 97 && d <= 122) || (d >= 65 && d <= 90))) break;
        hash = hashStep(hash, d);
      }
      if (shapes[shapeOf(c, s.charCodeAt(j - 1), j - i)] === 1) {
        const ids = gatesByWord.find(s, i, j, hash);
        if (ids) for (const id of ids) open[id >> 5]! |= 1 << (id & 31);
      }
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) digit = true;
    else if (isCyrillicCode(c)) cyrillic = true;
    else signs |= signBits[c]!;
    i++;
  }
  const reading: SentenceGates = { open, gates: gateCount, digit, cyrillic, signs };
  recent.set(s, reading);
  lastSentence = s;
  lastReading = reading;
  return reading;
}

/** Parsed pattern items: enough of the regular expression syntax for word lists. */
type Item =
  | { t: 'char'; c: string }
  | { t: 'boundary' }
  | { t: 'space' }
  /** \W: any character but [A-Za-z0-9_]. */
  | { t: 'nonword' }
  | { t: 'digit' }
  | { t: 'class'; chars: string[] }
  | { t: 'group'; alts: Item[][] }
  | { t: 'opt'; item: Item; many: boolean }
  | { t: 'anchor' }
  /** A lookahead or lookbehind: it matches no characters, so the items around it say what the sentence needs. */
  | { t: 'assert' }
  /** Anything else (\w, \p{…}, ranges, .): understood only as "not known", which ends the derivation if reached. */
  | { t: 'other' };

class Unsupported extends Error {}

function parse(src: string): Item[][] {
  let i = 0;
  const alternation = (): Item[][] => {
    const alts: Item[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        alts.push([]);
        i++;
        continue;
      }
      let item = atom();
      const q = src[i];
      if (q === '?' || q === '*' || q === '+' || q === '{') {
        // {n,m} is read as "any number": a wider reading only lets more sentences through.
        if (q === '{') {
          const close = src.indexOf('}', i);
          if (close < 0) throw new Unsupported();
          i = close;
        }
        i++;
        // Lazy or greedy, the pattern matches the same sentences: only which match is found differs.
        if (src[i] === '?') i++;
        if (q === '+') alts[alts.length - 1]!.push(item);
        item = { t: 'opt', item, many: q !== '?' };
      }
      alts[alts.length - 1]!.push(item);
    }
    return alts;
  };
  const atom = (): Item => {
    const c = src[i++]!;
    if (c === '(') {
      const lookaround = src[i] === '?' && /^(?:[=!]|<[=!])/.test(src.slice(i + 1, i + 3));
      if (lookaround) i += src[i + 1] === '<' ? 3 : 2;
      else if (src[i] === '?') {
        if (src[i + 1] !== ':') throw new Unsupported();
        i += 2;
      }
      const alts = alternation();
      if (src[i++] !== ')') throw new Unsupported();
      return lookaround ? { t: 'assert' } : { t: 'group', alts };
    }
    if (c === '[') {
      const chars: string[] = [];
      let plain = src[i] !== '^';
      for (; i < src.length && src[i] !== ']'; i++) {
        if (src[i] === '\\') {
          plain = false;
          i++;
        } else if (src[i + 1] === '-' && src[i + 2] !== ']') plain = false;
        chars.push(src[i]!);
      }
      if (src[i++] !== ']') throw new Unsupported();
      return plain ? { t: 'class', chars } : { t: 'other' };
    }
    if (c === '\\') {
      const e = src[i++]!;
      if (e === 'b') return { t: 'boundary' };
      if (e === 's') return { t: 'space' };
      if (e === 'W') return { t: 'nonword' };
      if (e === 'd') return { t: 'digit' };
      if (/[.?*+()[\]{}|/\\$^-]/.test(e)) return { t: 'char', c: e };
      if (e === 'p' || e === 'P') {
        const close = src.indexOf('}', i);
        if (src[i] !== '{' || close < 0) throw new Unsupported();
        i = close + 1;
      }
      return { t: 'other' };
    }
    if (c === '^' || c === '$') return { t: 'anchor' };
    if (c === '.') return { t: 'other' };
    return { t: 'char', c };
  };
  const alts = alternation();
  if (i !== src.length) throw new Unsupported();
  return alts;
}

const isAsciiLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isCyrillic = (c: string) => /^[\u0400-\u052f\u1c80-\u1c87]$/.test(c);

interface Needs {
  words: Set<string>;
  digit: boolean;
  cyrillic: boolean;
  chars: Set<string>;
}

/** Words of a phrase read for its gate: "could not confirm" is gated by "confirm", not "could" or "not". */
const PHRASE_WORDS = 3;
/** Words in nearly every sentence: a phrase is gated by another of its words where it has one. */
const COMMON_WORDS = new Set(
  'a an the of to in on at by for with from as and or but is are was were be been has have had do does did not no it its this that these those we our us you your they their he his she her'.split(
    ' ',
  ),
);
/** How rare a word of a phrase is taken to be: an uncommon word before a common one, then the longer (or later) one. */
const rarity = (word: string) => (COMMON_WORDS.has(word) ? 0 : 100) + word.length;

/**
 * The words the items can begin with when the match starts at a word boundary: every way the leading
 * letters can be spelt, up to the first item that cannot be a letter. A word followed by white space and
 * another word goes on to that word, up to PHRASE_WORDS: every match holds all of a phrase's words, and
 * the longest of them (the rarest, mostly) is the one the gate looks for. `done`: the phrase's words so far.
 */
function firstWords(items: Item[], prefix: string, needs: Needs, done: readonly string[] = []): void {
  if (needs.words.size > MAX_WORDS) throw new Unsupported();
  // The pattern's own end after letters: the text may go on with more letters, so the run is not known.
  if (items.length === 0) throw new Unsupported();
  const [head, ...rest] = items as [Item, ...Item[]];
  const ends = (spaceAfter: boolean) => wordEnds(rest, prefix, needs, done, spaceAfter);
  switch (head.t) {
    case 'char':
      if (isAsciiLetter(head.c)) return firstWords(rest, prefix + head.c, needs, done);
      // A Cyrillic word among English ones ("Photo|Фото"): the sentence needs Cyrillic.
      if (!prefix && isCyrillic(head.c)) {
        needs.cyrillic = true;
        return;
      }
      // Any other character ends a run of ASCII letters (without the u flag no other character folds into one).
      if (!prefix) throw new Unsupported();
      return ends(head.c === ' ');
    case 'space':
    case 'nonword':
      // Before the word: it still starts a run of ASCII letters, after a character that is none.
      if (!prefix) return firstWords(rest, prefix, needs, done);
      return ends(head.t === 'space');
    case 'boundary':
    case 'anchor':
      if (!prefix) throw new Unsupported();
      return ends(false);
    case 'assert':
      // After letters, a lookahead says nothing of whether the run goes on.
      if (prefix) throw new Unsupported();
      return firstWords(rest, prefix, needs, done);
    case 'group':
      for (const alt of head.alts) firstWords([...alt, ...rest], prefix, needs, done);
      return;
    case 'class':
      // [sz] inside a word: each spelling; a class of signs ends the word like any other sign.
      if (head.chars.every(isAsciiLetter)) for (const c of head.chars) firstWords(rest, prefix + c, needs, done);
      else if (prefix && !head.chars.some(isAsciiLetter)) return ends(false);
      else throw new Unsupported();
      return;
    case 'opt':
      firstWords(rest, prefix, needs, done);
      if (head.many && head.item.t !== 'space') throw new Unsupported();
      firstWords([head.item, ...rest], prefix, needs, done);
      return;
    default:
      throw new Unsupported();
  }
}

/**
 * A word of a phrase is complete: read on to the next word after white space, or, where the phrase ends or
 * the rest cannot be read, note the longest word read (any of them is in every match).
 */
function wordEnds(rest: Item[], word: string, needs: Needs, done: readonly string[], spaceAfter: boolean): void {
  const words = [...done, word.toLowerCase()];
  if (spaceAfter && words.length < PHRASE_WORDS) {
    const seen = needs.words.size;
    try {
      return firstWords(rest, '', needs, words);
    } catch (e) {
      if (!(e instanceof Unsupported) || seen > MAX_WORDS) throw e;
    }
  }
  needs.words.add(words.reduce((a, b) => (rarity(b) >= rarity(a) ? b : a)));
}

/** What one top-level branch needs: a first word after a boundary, a digit, Cyrillic or one of some signs. */
function branchNeeds(items: Item[], needs: Needs): void {
  const head = items[0];
  if (!head) throw new Unsupported();
  switch (head.t) {
    case 'boundary': {
      const next = items[1];
      if (next?.t === 'digit' || (next?.t === 'char' && next.c >= '0' && next.c <= '9')) {
        needs.digit = true;
        return;
      }
      // \b(?:1[89]\d\d|20\d\d): each alternative after the boundary is a branch of its own.
      if (
        next?.t === 'group' &&
        next.alts.some((alt) => alt[0]?.t === 'digit' || (alt[0]?.t === 'char' && alt[0].c >= '0' && alt[0].c <= '9'))
      ) {
        for (const alt of next.alts) branchNeeds([head, ...alt, ...items.slice(2)], needs);
        return;
      }
      firstWords(items.slice(1), '', needs);
      return;
    }
    case 'digit':
      needs.digit = true;
      return;
    case 'char':
      if (isCyrillic(head.c)) needs.cyrillic = true;
      else if (!/[\p{L}\p{N}_]/u.test(head.c) && head.c.charCodeAt(0) !== 0x131 && head.c.charCodeAt(0) !== 0x17f)
        needs.chars.add(head.c);
      else throw new Unsupported();
      return;
    case 'class':
      for (const c of head.chars) {
        if (/[\p{L}\p{N}_]/u.test(c)) throw new Unsupported();
        needs.chars.add(c);
      }
      return;
    case 'group':
      for (const alt of head.alts) branchNeeds([...alt, ...items.slice(1)], needs);
      return;
    case 'assert':
      branchNeeds(items.slice(1), needs);
      return;
    case 'anchor': {
      // ^\s*(?:Photo|Image), ^\W*(?:read more): the first word of the text (or line), after any white space or
      // other non-word characters. \W never skips a letter or digit, so the word starts a run of ASCII letters.
      if (head !== items[0] || items.length < 2) throw new Unsupported();
      let k = 1;
      while (items[k]?.t === 'opt' && isSkippedBeforeWord((items[k] as { item: Item }).item)) k++;
      // ^\s*©: a sign the text opens with, which the sentence must hold.
      if (isSign(items[k])) branchNeeds(items.slice(k), needs);
      else if (needsCyrillicAfter(items.slice(k))) needs.cyrillic = true;
      else firstWords(items.slice(k), '', needs);
      return;
    }
    default:
      // [^а-яё]*(?:многие )?(?:эксперты|…): whatever comes before, the Cyrillic word must follow.
      if (needsCyrillicAfter(items)) needs.cyrillic = true;
      else throw new Unsupported();
  }
}

/**
 * Whether a match of the items holds a Cyrillic letter wherever it starts: after a first item that consumes
 * anything (or nothing) and any optional items, every way on opens with a Cyrillic letter.
 */
function needsCyrillicAfter(items: Item[]): boolean {
  if (items[0]?.t !== 'other' && items[0]?.t !== 'opt') return false;
  let k = 1;
  while (items[k]?.t === 'opt') k++;
  return opensWithCyrillic(items[k]);
}

function opensWithCyrillic(item: Item | undefined): boolean {
  if (item?.t === 'char') return isCyrillic(item.c);
  if (item?.t === 'group') return item.alts.every((alt) => opensWithCyrillic(alt[0]));
  return false;
}

/** Characters that may come before the first word, none of them an ASCII letter: "[(" in ^\s*[[(]?\s*Photo. */
const isSkippedBeforeWord = (item: Item) =>
  item.t === 'space' || item.t === 'nonword' || (item.t === 'class' && !item.chars.some(isAsciiLetter));

const isSign = (item: Item | undefined) =>
  (item?.t === 'char' && !isAsciiLetter(item.c) && !isCyrillic(item.c)) ||
  (item?.t === 'class' && !item.chars.some(isAsciiLetter));

/** What a sentence must hold for the pattern to match, or null when the derivation cannot tell. */
function deriveNeeds(re: RegExp): Needs | null {
  // With both u and i, "ſ" and the Kelvin sign fold into ASCII letters: runs of ASCII letters would miss them.
  if (re.global || re.sticky || (re.unicode && re.ignoreCase)) return null;
  const needs: Needs = { words: new Set(), digit: false, cyrillic: false, chars: new Set() };
  try {
    for (const branch of parse(re.source)) branchNeeds(branch, needs);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  return needs;
}

function deriveGate(re: RegExp): Gate | null {
  const needs = deriveNeeds(re);
  if (!needs) return null;
  const gate: Gate = { id: gateCount++, digit: needs.digit, cyrillic: needs.cyrillic, signs: 0, chars: [] };
  for (const c of needs.chars) {
    const code = c.charCodeAt(0);
    // One code unit that is not a digit or Cyrillic (the scan notes those apart) and is not a letter (a gate
    // never starts with one); 31 bits, then includes().
    const noted = c.length === 1 && !isDigitOrCyrillicCode(code);
    if (noted && signBits[code] === 0 && signsUsed < 31) signBits[code] = 1 << signsUsed++;
    if (noted && signBits[code] !== 0) gate.signs |= signBits[code]!;
    else gate.chars.push(c);
  }
  for (const w of needs.words) {
    shapes[shapeOf(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length)] = 1;
    gatesByWord.add(w, gate.id);
  }
  return gate;
}

/** For tests: whether a pattern got a gate (a pattern the derivation does not understand is always tested). */
export function isGated(re: RegExp): boolean {
  return deriveNeeds(re) !== null;
}

/** For tests: the words a pattern's gate looks for (null when it has no gate). */
export function gateWords(re: RegExp): string[] | null {
  const needs = deriveNeeds(re);
  return needs && [...needs.words].sort();
}
