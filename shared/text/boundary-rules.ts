import {
  CYRILLIC_BEFORE_LOWER,
  CYRILLIC_CONTINUES,
  CYRILLIC_ENDS_BEFORE_CAPITAL,
  CYRILLIC_MAY_END,
  CYRILLIC_NAME_INITIALS,
  CYRILLIC_UNITS,
} from './abbreviations-cyrillic';
import { listItemStarts } from './list-lines';
import { unpunctuatedSentenceStarts } from './unpunctuated-start';
import { isWhiteSpaceCode } from './whitespace';

/**
 * Repairs for Intl.Segmenter: decide whether the break between two adjacent pieces is false, i.e.
 * the first piece ends with an abbreviation or an initial rather than the end of a sentence.
 */

/** Titles and words that are always followed by more of the same sentence (a name, a number). */
const ALWAYS_CONTINUES = new Set(
  [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'gov',
    'sen',
    'rep',
    'lt',
    'gen',
    'col',
    'capt',
    'cpt',
    'sgt',
    'maj',
    'adm',
    'cmdr',
    'gens',
    'sens',
    'reps',
    'rev',
    'fr',
    'hon',
    'pres',
    'supt',
    'insp',
    'st',
    'mt',
    'ft',
    'no',
    'nos',
    'vol',
    'pp',
    'fig',
    'figs',
    'art',
    'sec',
    'ch',
    'op',
    'cf',
    'vs',
    'v',
    'e.g',
    'i.e',
    'approx',
    'ca',
    'est',
    'ave',
    'blvd',
    ...CYRILLIC_CONTINUES,
  ].map((s) => s.toLowerCase()),
);

/** Abbreviations before a number ("No. 3", "Vol. 2") that are also ordinary words ("no", "art"). */
const NUMBERED = new Set(['no', 'nos', 'vol', 'pp', 'fig', 'figs', 'art', 'sec', 'ch', 'op', ...CYRILLIC_BEFORE_LOWER]);

/** Abbreviations that may end a sentence: joined only when what follows does not look like a new sentence. */
const MAY_END = new Set(
  [
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'inc',
    'corp',
    'co',
    'ltd',
    'llc',
    'bros',
    'jr',
    'sr',
    'u.s',
    'u.k',
    'u.n',
    'e.u',
    'u.s.a',
    'a.m',
    'p.m',
    'etc',
    'al',
    'dept',
    'univ',
    'assn',
    'ave',
    'mass',
    'calif',
    'fla',
    'ill',
    'wash',
    'conn',
    'penn',
    'pa',
    'va',
    'ariz',
    'colo',
    'ga',
    'md',
    'mich',
    'minn',
    'mo',
    'n.y',
    'n.j',
    'd.c',
    'tenn',
    'tex',
    'wis',
    'okla',
    'ore',
    'nev',
    'la',
    'ky',
    'ala',
    'ark',
    'kan',
    'neb',
    ...CYRILLIC_MAY_END,
  ].map((s) => s.toLowerCase()),
);

/** What a clock time ("9 a.m.", "6 p.m.") is followed by inside its sentence: a day, a month, a time zone ("Geneva time"). */
const AFTER_CLOCK_TIME =
  /^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?|Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec|Today|Tomorrow|Tonight|(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|[A-Z]{2,4}T|Eastern|Central|Mountain|Pacific|Atlantic|Greenwich)\b|(?:[A-Z][a-z]+|[A-Z]{2,3}) (?:[Tt]ime|[Ss]tandard|[Dd]aylight)\b)/;

/** The sentence so far is only when it happened ("At 10 a.m."): what follows goes on with it. */
const ONLY_CLOCK_TIME =
  /^(?:At|By|From|Until|Before|After|Around|About|Shortly after|Just after|Just before)\s+(?:about\s+)?[\d:.]+\s*[ap]\.m\.$/;

/** Suffixes of a company's name, which a sentence may end on. */
const COMPANY_SUFFIXES = new Set(['inc', 'corp', 'co', 'ltd', 'llc', 'bros']);
/** A name of one or two capitalised words, then a verb of saying: "Smith said", "Jane Doe told". */
const NAME_THEN_SAYING = /^(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}+)?\s+(?:said|says|told|added|noted|stated|explained)\b/u;

/** NAME_THEN_SAYING, its first word not a title ("Acme Corp. President Jane Doe said" is one sentence). */
function nameThenSaying(following: string): boolean {
  const m = NAME_THEN_SAYING.exec(following);
  return (
    !!m &&
    !TITLE_WORDS.has(m[1]!.toLowerCase()) &&
    !/^(?:Chief|Executive|Director|Spokesman|Spokeswoman|Spokesperson)$/.test(m[1]!)
  );
}

/** "etc.", "т. д." before a capital letter end the sentence. */
const ENDS_BEFORE_CAPITAL = new Set(['etc', ...CYRILLIC_ENDS_BEFORE_CAPITAL]);

const UNITS = new Set(CYRILLIC_UNITS);
/** A unit after a number or Roman numeral: "2010 г.", "XIX в.", "5 млн. руб.". */
const AFTER_NUMBER = /(?:\d|(?:^|\s)[IVXLCХ]+)\s*(?:\p{L}+\.\s*)+$/u;
/** Words of time that open a date phrase: "Осенью 1895 г.", "Уже в 2010 г.". */
const TIME_WORDS =
  'Осенью|Весной|Летом|Зимой|Утром|Вечером|Днём|Днем|Ночью|Уже|Ещё|Еще|Только|Лишь|Тогда|Затем|Потом|Позже|Позднее|Ранее|' +
  'Восени|Навесні|Влітку|Взимку|Вранці|Увечері|Вночі|Вже|Ще|Лише|Тоді|Потім|Пізніше|Раніше';
/**
 * The whole sentence so far is a date or amount phrase ("В XIX в.", "С 2010 г.", "Осенью 1895 г."): what follows
 * continues it.
 */
const ONLY_THE_PHRASE = new RegExp(
  `^(?:(?:${TIME_WORDS})\\s+)?(?:\\p{L}{1,3}\\s+)?(?:[\\d\\s.,–-]+|[IVXLCХ]+(?:\\s*[–-]\\s*[IVXLCХ]+)?)\\s*(?:\\p{L}+\\.\\s*)+$`,
  'u',
);

const NAME_INITIALS = new Set(CYRILLIC_NAME_INITIALS);

/** Words that usually open a new sentence: after "U.S." or "Inc." they mean the sentence did end. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those there his her its their our but and or so yet if when ' +
    'while after before in on at for as however meanwhile also still then now mr mrs ms dr officials according ' +
    'он она оно они мы я это этот эта эти в на но и а по однако также при после тогда ' +
    'він вона воно вони ми це цей ця ці у та але і й проте також після тоді'
  ).split(' '),
);

interface Span {
  start: number;
  end: number;
}

/** /["'”’»)\]]+$/: the last character is a closing quote or bracket. */
function endsWithCloser(piece: string): boolean {
  const c = piece.charCodeAt(piece.length - 1);
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
}

const INITIAL = /(?:^|[\s([])\p{Lu}\.$/u;
/** Cyrillic initials written together: "им. Х.К.", "А.С." (Latin "U.S." is an abbreviation that may end a sentence). */
const CYRILLIC_INITIALS = /(?:^|[\s([])(?:[А-ЯЁІЇЄҐ]\.\s?)+[А-ЯЁІЇЄҐ]\.$/u;

/** INITIAL ("… R." after a space or bracket), ruled out first by the last two characters, which it needs to be "." after a capital. */
function endsWithInitial(piece: string): boolean {
  const n = piece.length;
  if (n < 2 || piece.charCodeAt(n - 1) !== 46) return false;
  const c = piece.charCodeAt(n - 2);
  if (c < 128 && !(c >= 65 && c <= 90)) return false;
  return INITIAL.test(piece) || (c >= 0x400 && CYRILLIC_INITIALS.test(piece));
}

/** Titles written out in full before a name. */
const TITLE_WORDS = new Set(
  (
    'president senator governor judge justice general admiral colonel captain sergeant professor secretary chairman ' +
    'minister mayor bishop'
  ).split(' '),
);

/**
 * "Elizabeth A. Duke;", "Charles I. Plosser said": "A." or "I." between a first name and a surname that a list's
 * comma or semicolon, or a verb of saying, follows. ("Plan A. The board …", "vitamin A. Carrots …" end there.)
 */
function nameWithInitialIorA(piece: string, following: string): boolean {
  if (!/(?:^|\s)\p{Lu}\p{Ll}+\s+[IA]\.$/u.test(piece) || !/^\s*\p{Lu}\p{Ll}+/u.test(following)) return false;
  if (/^\s*\p{Lu}\p{Ll}+(?:[,;)]|\s+(?:said|says|told)\b)/u.test(following)) return true;
  // "Lt. Gen. Mark A. Howell", "President Chester A. Arthur": a title before the first name makes it a name.
  const title = /(?:^|\s)(\p{Lu}\p{Ll}+)(\.?)\s+\p{Lu}\p{Ll}+\s+[IA]\.$/u.exec(piece);
  if (!title) return false;
  const word = title[1]!.toLowerCase();
  return title[2] ? ALWAYS_CONTINUES.has(word) : TITLE_WORDS.has(word);
}

/** "Ал. Алтаева", "Вл. Соловьёв": a first name shortened to a few letters, capitalised, before a surname. */
function endsWithNameInitial(piece: string): boolean {
  const m = /(?:^|[\s([])(\p{Lu}\p{Ll}{1,4})\.$/u.exec(piece);
  return !!m && NAME_INITIALS.has(m[1]!.toLowerCase());
}

/** Two or three initials written together at the end of a piece: "K.C.", "J.R.R.". */
const JOINED_INITIALS = /(?:^|[\s([])((?:\p{Lu}\.){2,3})$/u;

const LIST_MARKER = /^(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]$/i;

/** Global, so that it can be searched from an index: a pattern anchored at the end is otherwise tried from every position. */
const FINAL_ABBREVIATION = /(?:^|[\s([«"“'‘—–-])((?:[\p{L}]{1,2}\.\s?)*[\p{L}-]+)\.$/gu;

/** The abbreviation-like token the piece ends with, lower-cased without its final dot, or null. */
function finalAbbreviation(piece: string): string | null {
  if (!piece.endsWith('.') || piece.endsWith('..')) return null;
  FINAL_ABBREVIATION.lastIndex = Math.max(0, abbreviationStart(piece) - 1);
  const m = FINAL_ABBREVIATION.exec(piece);
  FINAL_ABBREVIATION.lastIndex = 0;
  if (!m) return null;
  return m[1]!.toLowerCase().replace(/\.\s+/g, '.');
}

const LETTER = /\p{L}/u;
/** LETTER's answer per BMP code unit, filled on first sight: 1 letter, 2 not. */
const LETTER_UNIT = new Uint8Array(65536);
const isLetterCode = (c: number) => {
  let k = LETTER_UNIT[c]!;
  if (k === 0) LETTER_UNIT[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
};
const isSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

/**
 * No match of FINAL_ABBREVIATION's token starts before this index of a piece ending in ".": the token is a run of
 * letters and hyphens, after any number of "x." or "xy." with at most one space each ("J. R. R. Tolkien"), read
 * backwards. A surrogate (half of a character outside the BMP, maybe a letter) gives 0: the pattern is tried from the start.
 */
function abbreviationStart(piece: string): number {
  let start = piece.length - 1;
  while (start > 0) {
    const c = piece.charCodeAt(start - 1);
    if (isSurrogate(c)) return 0;
    if (c !== 45 && !isLetterCode(c)) break;
    start--;
  }
  for (;;) {
    let i = start;
    if (i > 0 && isWhiteSpaceCode(piece.charCodeAt(i - 1))) i--;
    if (i === 0 || piece.charCodeAt(i - 1) !== 46) return start;
    i--;
    let letters = 0;
    for (; letters < 2 && i > 0; letters++, i--) {
      const c = piece.charCodeAt(i - 1);
      if (isSurrogate(c)) return 0;
      if (!isLetterCode(c)) break;
    }
    if (letters === 0) return start;
    start = i;
  }
}

function firstWord(piece: string): string {
  return (/^[\s"'“‘«(]*([\p{L}\d]+)/u.exec(piece)?.[1] ?? '').toLowerCase();
}

/** An abbreviation the boundary rules list (one that always continues, may end a sentence, or numbers). */
function isKnownAbbreviation(a: string | null | undefined): boolean {
  return !!a && (ALWAYS_CONTINUES.has(a) || MAY_END.has(a) || NUMBERED.has(a));
}

/** Whether the boundary between prev and next (adjacent pieces of `text`) is a false sentence break. */
export function falseBoundary(text: string, prev: Span, next: Span): boolean {
  const piece = text.slice(Math.max(prev.start, prev.end - 40), prev.end);
  const following = text.slice(next.start, Math.min(next.end, next.start + 40));
  // A "?" or "!" inside a link or path ("…/View/0010?index=2&rangeSize=1"), with no space after it.
  if (next.start === prev.end && /[?!]$/.test(piece) && (/\S*\/\S*[?!]$/.test(piece) || /^[^\s=]+=/.test(following))) return true;
  // A list item's number or letter ("1.", "b)", "iv.") opens the item; it is not a sentence of its own.
  if (prev.end - prev.start <= 5 && LIST_MARKER.test(text.slice(prev.start, prev.end))) return true;
  if (endsWithCloser(piece)) {
    // "“We will win!” he shouted.": an exclamation or question quoted inside a sentence that goes on in lower case.
    // "Наталья Паникоровская (?) нажала …": a doubting "(?)" or "(!)" likewise.
    return /[!?]["”’»')\]]+$/.test(piece) && /^\p{Ll}/u.test(following);
  }
  const nextStartsLower = /^[\s"'“‘«(]*[\p{Ll}\d]/u.test(following) && !/^[\s"'“‘«(]*[\p{Lu}]/u.test(following);
  // An initial: "J. R. R. Tolkien", "Donald L. Kohn", "Ben S. Bernanke".
  if (endsWithInitial(piece) && /^[\s"'“‘«(]*[\p{Lu}]/u.test(following)) {
    // "… a post on X. The company …": a letter after a word in lower case, then a word that opens sentences, is a name's end.
    if (/\s\p{Ll}+\s+\p{Lu}\.$/u.test(piece) && !/^\p{Lu}\./u.test(following) && SENTENCE_OPENERS.has(firstWord(following)))
      return false;
    return !/(?:^|\s)(?:I|A)\.$/.test(piece) || /^\p{Lu}\./u.test(following) || nameWithInitialIorA(piece, following);
  }
  // "K.C. Maurer said …", "… to J.R. Smith": initials written together before a name (an abbreviation such as "U.S." is listed).
  const initials = JOINED_INITIALS.exec(piece);
  if (initials && !MAY_END.has(initials[1]!.toLowerCase().slice(0, -1)) && /^[\s"'“‘«(]*\p{Lu}\p{Ll}/u.test(following)) {
    if (initials.index === 0 && prev.end - prev.start === initials[0].length) return true;
    // "… moved to L.A. Police said …": after a word in lower case, a name and a verb of saying open a sentence.
    if (/\s\p{Ll}+\s+(?:\p{Lu}\.)+$/u.test(piece) && nameThenSaying(text.slice(next.start, Math.min(next.end, next.start + 80))))
      return false;
    return !SENTENCE_OPENERS.has(firstWord(following));
  }
  if (endsWithNameInitial(piece) && /^[\s"'“‘«(]*\p{Lu}/u.test(following)) return !SENTENCE_OPENERS.has(firstWord(following));
  const full = finalAbbreviation(piece);
  const last = full?.includes('.') ? full.slice(full.lastIndexOf('.') + 1) : full;
  const abbr = isKnownAbbreviation(full) ? full : isKnownAbbreviation(last) ? last : full;
  if (abbr === null || abbr === undefined) {
    // Ellipsis or a number cut short, then a lower-case continuation: "… and then", "No. 3".
    return nextStartsLower && /(?:\.\.\.|…|[,;:])$/.test(piece);
  }
  if (NUMBERED.has(abbr)) return nextStartsLower;
  if (ALWAYS_CONTINUES.has(abbr)) {
    // "Roe v. Wade": a lower-case "v." between the parties of a case, as "vs." is.
    if (abbr === 'v' && /(?:^|\s)v\.$/.test(piece)) return true;
    // "ул." is a title-like abbreviation only when it is short; "т." alone continues only into "д."/"е."/"н.".
    if (abbr === 'т' || abbr === 'с' || abbr === 'п' || abbr === 'д' || abbr === 'v')
      return nextStartsLower || /^[\p{L}]\./u.test(following);
    return true;
  }
  if (MAY_END.has(abbr)) {
    if (nextStartsLower) return true;
    if (ENDS_BEFORE_CAPITAL.has(abbr)) return false;
    // "г. Москва" (city) continues, "2010 г. Президент" (year) and "XIX в. Россия" (century) end.
    if (UNITS.has(abbr) && AFTER_NUMBER.test(piece)) return ONLY_THE_PHRASE.test(text.slice(prev.start, prev.end));
    if (abbr === 'г') return true;
    // "… Acme Inc. \"We are sorry,\" it said.": a quotation opening with a capital starts a new sentence.
    if (/^["“«]\s*\p{Lu}/u.test(following)) return false;
    // "… by Acme Inc. Smith said …": a company's suffix, then a name and a verb of saying that open the next sentence.
    if (COMPANY_SUFFIXES.has(abbr) && nameThenSaying(text.slice(next.start, Math.min(next.end, next.start + 80)))) return false;
    // "at 9 a.m. Tuesday", "6 p.m. EST" go on; "at 9 a.m. Some protesters …" is a new sentence.
    if (abbr === 'a.m' || abbr === 'p.m')
      return AFTER_CLOCK_TIME.test(following) || ONLY_CLOCK_TIME.test(text.slice(prev.start, prev.end));
    return !SENTENCE_OPENERS.has(firstWord(following));
  }
  // An unknown short token followed by lower case ("approx. five", "т.е. давно") continues.
  return nextStartsLower && abbr.length <= 5;
}

/** Abbreviations written before a number that the lists above leave out: "Apt. 5", "Rte. 66", "pop. 5,000", "tel. 555". */
const BEFORE_FIGURE = new Set(
  (
    'apt bldg rte hwy rm ste ext tel fax ph pop para paras min max avg approx ed eds ser nr pt pts div reg ref sq mi ' +
    'km kg lb lbs oz yd hr hrs yr yrs sch sub pg pgs amdt ex exh vols chap sect mins secs dist rd jct ' +
    'matt rom cor heb eph gal phil thess tim deut lev num exod isa jer ezek dan obad mic nah hab zeph zech mal'
  ).split(' '),
);

const VOWEL = /[aeiouyаеёиоуыэюяіїє]/iu;
/**
 * "house. 50-year-old resident …", "percent. 1,200 ballots were …": a word, its full stop, then a figure and a clause
 * (a lower-case word next, or after one more word; any word after a compound such as "19-year-old"). "Times. 10 June
 * 2009." and "2018. p. 5." in a list of references are left whole. A quarter, a model or a score ("Q3.", "G7.",
 * "2-1.") counts as a word. Or a word, its full stop, then a word spelt with a
 * lower-case first letter and a capital after it ("France. iPhone models …", "instead. easyJet …"), which
 * Intl.Segmenter never starts a sentence with.
 */
const WORD_THEN_OPENER =
  /(?<=^|[\s("“«'‘—–])(\p{L}{3,}|\p{L}{1,3}\d{1,2}|\d+-\d+)\.\s+(?:["“«(]?\d+(?:[.,]\d+)*(?:-\p{L}+(?:-\p{L}+)*\s|%?\s+(?:\p{Ll}|\p{L}[\p{L}-]*\s+\p{Ll}))|["“«(]?[a-z]{1,6}[A-Z])/gu;

/** "… человечества. * 2060 год — …": a bullet after a sentence's end opens a list item run into the paragraph. */
const BULLET_AFTER_END = /[.!?…]["”»')\]]*\s+(?=[*•‣▪◦]\s)/g;

/**
 * Where a sentence begins inside a piece Intl.Segmenter left whole: after a full stop it breaks only before a
 * capital, so "… hit a house. 50-year-old resident Ivan Petrov said …", "… and France. iPhone models …" and
 * "… людей. * 2242 год …" stay one piece; nor after words that end without punctuation (unpunctuated-start.ts), nor
 * between the items of a page's footer run into one line (list-lines.ts). Before a figure or such a word, the word before the stop must be a word,
 * not an abbreviation written before numbers ("No. 5", "Sept. 5", "Apt. 4B", "p.m. 20 …"): a listed abbreviation,
 * a word without a vowel, or one of two letters keeps the piece whole.
 * Returns the offsets (into `text`) where new sentences start, in order.
 */
export function hiddenSentenceStarts(text: string, from: number, to: number): number[] {
  const piece = text.slice(from, to);
  const out: number[] = [];
  if (piece.includes('. ')) {
    WORD_THEN_OPENER.lastIndex = 0;
    for (let m = WORD_THEN_OPENER.exec(piece); m; m = WORD_THEN_OPENER.exec(piece)) {
      const word = m[1]!.toLowerCase();
      const known = ALWAYS_CONTINUES.has(word) || MAY_END.has(word) || NUMBERED.has(word) || BEFORE_FIGURE.has(word);
      // "in Q3. iPad sales …", "won 2-1. 60,000 fans …": a quarter, a model or a score is a word, unless an
      // abbreviation written before numbers precedes it ("pp. 12-15. 10 June 2009").
      const figure = /\d/.test(word);
      const afterNumbered = figure && /(?:^|\s)(\p{L}{1,6})\.\s*$/u.exec(piece.slice(Math.max(0, m.index - 12), m.index));
      const listed = (w: string) => NUMBERED.has(w) || BEFORE_FIGURE.has(w) || w === 'p' || MAY_END.has(w);
      if (figure ? !(afterNumbered && listed(afterNumbered[1]!.toLowerCase())) : !known && VOWEL.test(word)) {
        let start = m.index + m[1]!.length + 1;
        while (isWhiteSpaceCode(piece.charCodeAt(start))) start++;
        out.push(from + start);
      }
      WORD_THEN_OPENER.lastIndex = m.index + m[1]!.length + 1;
    }
  }
  if (piece.includes('* ') || /[•‣▪◦]/.test(piece)) {
    BULLET_AFTER_END.lastIndex = 0;
    for (let m = BULLET_AFTER_END.exec(piece); m; m = BULLET_AFTER_END.exec(piece)) out.push(from + m.index + m[0].length);
    out.sort((a, b) => a - b);
  }
  const unpunctuated = unpunctuatedSentenceStarts(text, from, to);
  const items = listItemStarts(text, from, to);
  if (unpunctuated.length > 0 || items.length > 0) {
    out.push(...unpunctuated, ...items);
    return [...new Set(out)].sort((a, b) => a - b);
  }
  return out;
}
