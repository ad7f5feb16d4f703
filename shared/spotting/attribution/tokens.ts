/** Word and punctuation tokens with their positions, for reading speaker phrases. */

export interface Token {
  text: string;
  lower: string;
  start: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A punctuation mark (, ; : quote, bracket, dash). */
  punct: boolean;
}

/** Abbreviations whose final period belongs to the word. */
const KEEP_PERIOD =
  /^(?:[A-Z]\.|(?:[A-Z]\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|Gov\.|Sen\.|Rep\.|Gen\.|Lt\.|Col\.|Capt\.|Prof\.|St\.|Jr\.|Sr\.|Inc\.|Corp\.|Co\.)$/;
const PUNCT = [',', ';', ':', '"', '“', '”', '«', '»', '„', '(', ')', '[', ']', '—', '–', '•', '!', '?'];
/** PUNCT by code unit: the scan reads codes, and a one-character string of a mark above U+00FF ("•") is a new string each time. */
const PUNCT_UNIT = new Uint8Array(65536);
for (const p of PUNCT) PUNCT_UNIT[p.charCodeAt(0)] = 1;
const LETTER = /[\p{L}\p{M}]/u;
/** LETTER's answer per UTF-16 unit, filled on first sight: 1 letter or mark, 2 not (a lone surrogate is neither). */
const LETTER_UNIT = new Uint8Array(65536);

function isLetterUnit(c: number): boolean {
  let k = LETTER_UNIT[c]!;
  if (k === 0) LETTER_UNIT[c] = k = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

function isWordStart(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return isLetterUnit(c);
}

function isWordPart(c: number): boolean {
  // Letters, digits and the joiners inside words: ' ’ . & -
  if (c < 128) return isWordStart(c) || c === 39 || c === 46 || c === 38 || c === 45;
  return c === 0x2019 || isLetterUnit(c);
}

/** "al-Ghais", "el-Sisi": a surname whose article is written small. */
const ARABIC_ARTICLE = /^(?:al|el|ad|as|az|an|ar)-\p{Lu}/u;

/** Starts with an upper-case letter: it changes when lower-cased (read from the code for ASCII). */
function startsCapitalised(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || ((c === 97 || c === 101) && t.charCodeAt(2) === 45 && ARABIC_ARTICLE.test(t));
  const first = t.charAt(0);
  return first !== first.toLowerCase();
}

/** Words (with their inner apostrophes, periods and hyphens) and punctuation marks, scanned by hand: no match objects. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < n && isWordPart(text.charCodeAt(j))) j++;
      let t = text.slice(i, j);
      if (t.endsWith('.') && !KEEP_PERIOD.test(t)) t = t.replace(/\.+$/, '');
      if (t.endsWith('-')) t = t.replace(/-+$/, '');
      if (t) {
        if (t.includes('’')) t = t.replace(/’/g, "'");
        out.push({ text: t, lower: t.toLowerCase(), start: i, cap: startsCapitalised(t), punct: false });
      }
      i = j;
      continue;
    }
    // "Pacific Gas & Electric": an ampersand between words joins a name, as a capitalised word would.
    if (c === 38) {
      out.push({ text: '&', lower: '&', start: i, cap: true, punct: false });
      i++;
      continue;
    }
    if (PUNCT_UNIT[c] === 1) {
      const ch = text[i]!;
      out.push({ text: ch, lower: ch, start: i, cap: false, punct: true });
    }
    i++;
  }
  return out;
}

/** "Ukraine's" → "ukraine", "force" → "force". */
export function stripPossessive(lower: string): string {
  return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
}
