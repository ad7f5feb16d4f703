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
    // Russian and Ukrainian: ул. Ленина, им. Пушкина, т.е., т. н., см., гл., тов., проф., акад., ген.
    'ул',
    'им',
    'т.е',
    'т',
    'т.н',
    'т.к',
    'см',
    'гл',
    'тов',
    'проф',
    'акад',
    'ген',
    'пр',
    'пер',
    'просп',
    'д',
    'кв',
    'обл',
    'р-н',
    'напр',
    'вул',
    'пл',
    'ім',
    'див',
    'с',
    'п',
    'ст',
    'рис',
    'табл',
    'gen',
    'кн',
    'св',
  ].map((s) => s.toLowerCase()),
);

/** Abbreviations before a number ("No. 3", "Vol. 2") that are also ordinary words ("no", "art"). */
const NUMBERED = new Set(['no', 'nos', 'vol', 'pp', 'fig', 'figs', 'art', 'sec', 'ch', 'op']);

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
    'г',
    'гг',
    'млн',
    'млрд',
    'тыс',
    'руб',
    'коп',
    'т.д',
    'т.п',
    'д',
    'п',
    'в',
    'вв',
    'др',
    'пр',
    'ок',
    'мин',
    'сек',
    'км',
    'см',
    'кг',
    'грн',
    'дол',
    'долл',
    'р',
    'н.э',
    'с.г',
    'тис',
    'млн',
    'ін',
    'тощо',
    'т.ч',
  ].map((s) => s.toLowerCase()),
);

/** "etc.", "т. д." before a capital letter end the sentence. */
const ENDS_BEFORE_CAPITAL = new Set(['etc', 'т.д', 'т.п', 'др', 'тощо', 'ін']);

/** Words that usually open a new sentence: after "U.S." or "Inc." they mean the sentence did end. */
const SENTENCE_OPENERS = new Set(
  (
    'the a an he she it they we i you this that these those there his her its their our but and or so yet if when ' +
    'while after before in on at for as however meanwhile also still then now mr mrs ms dr officials according ' +
    'он она оно они мы я это этот эта эти в на но и а по однако также при после тогда'
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

const INITIAL = /(?:^|[\s(])\p{Lu}\.$/u;

/** INITIAL ("… R." after a space or bracket), ruled out first by the last two characters, which it needs to be "." after a capital. */
function endsWithInitial(piece: string): boolean {
  const n = piece.length;
  if (n < 2 || piece.charCodeAt(n - 1) !== 46) return false;
  const c = piece.charCodeAt(n - 2);
  if (c < 128 && !(c >= 65 && c <= 90)) return false;
  return INITIAL.test(piece);
}

/** The abbreviation-like token the piece ends with, lower-cased without its final dot, or null. */
function finalAbbreviation(piece: string): string | null {
  if (!piece.endsWith('.') || piece.endsWith('..')) return null;
  const m = /(?:^|[\s(«"“'‘—–-])((?:[\p{L}]{1,2}\.\s?)*[\p{L}-]+)\.$/u.exec(piece);
  if (!m) return null;
  return m[1]!.toLowerCase().replace(/\.\s+/g, '.');
}

function firstWord(piece: string): string {
  return (/^[\s"'“‘«(]*([\p{L}\d]+)/u.exec(piece)?.[1] ?? '').toLowerCase();
}

/** Whether the boundary between prev and next (adjacent pieces of `text`) is a false sentence break. */
export function falseBoundary(text: string, prev: Span, next: Span): boolean {
  const piece = text.slice(Math.max(prev.start, prev.end - 40), prev.end);
  const following = text.slice(next.start, Math.min(next.end, next.start + 40));
  if (endsWithCloser(piece)) return false;
  const nextStartsLower = /^[\s"'“‘«(]*[\p{Ll}\d]/u.test(following) && !/^[\s"'“‘«(]*[\p{Lu}]/u.test(following);
  // An initial: "J. R. R. Tolkien", "Donald L. Kohn", "Ben S. Bernanke".
  if (endsWithInitial(piece) && /^[\s"'“‘«(]*[\p{Lu}]/u.test(following)) {
    return !/(?:^|\s)(?:I|A)\.$/.test(piece) || /^\p{Lu}\./u.test(following);
  }
  const full = finalAbbreviation(piece);
  const last = full?.includes('.') ? full.slice(full.lastIndexOf('.') + 1) : full;
  const known = (a: string | null | undefined) => !!a && (ALWAYS_CONTINUES.has(a) || MAY_END.has(a) || NUMBERED.has(a));
  const abbr = known(full) ? full : known(last) ? last : full;
  if (abbr === null || abbr === undefined) {
    // Ellipsis or a number cut short, then a lower-case continuation: "… and then", "No. 3".
    return nextStartsLower && /(?:\.\.\.|…|[,;:])$/.test(piece);
  }
  if (NUMBERED.has(abbr)) return nextStartsLower;
  if (ALWAYS_CONTINUES.has(abbr)) {
    // "ул." is a title-like abbreviation only when it is short; "т." alone continues only into "д."/"е."/"н.".
    if (abbr === 'т' || abbr === 'с' || abbr === 'п' || abbr === 'д' || abbr === 'v')
      return nextStartsLower || /^[\p{L}]\./u.test(following);
    return true;
  }
  if (MAY_END.has(abbr)) {
    if (nextStartsLower) return true;
    if (ENDS_BEFORE_CAPITAL.has(abbr)) return false;
    // "г. Москва" (city) continues, "2010 г. Президент" (year) ends: only when no number precedes.
    if (abbr === 'г') return !/\d\s*г\.$/u.test(piece);
    return !SENTENCE_OPENERS.has(firstWord(following));
  }
  // An unknown short token followed by lower case ("approx. five", "т.е. давно") continues.
  return nextStartsLower && abbr.length <= 5;
}
