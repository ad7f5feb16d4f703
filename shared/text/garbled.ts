import { isWhiteSpaceCode } from './whitespace';

/**
 * Garbled text: what a PDF with a broken text layer gives (its fonts map glyphs to the wrong characters, so a line
 * reads "$ & & ( ) % * + ' %" or "TheTheoryofReasonedAction ; 6 % %3*(-."). Such a sentence states nothing anyone
 * could check, and a document that is largely garbled must be checked against its original.
 *
 * Read token by token (whitespace-separated), in any script: a word is a token made mostly of letters, at least two
 * of them; a figure is a number as prose writes it ("157", "4.1%", "$2.5", "(2009)", "1990s"); a single letter, a lone
 * dash, ampersand or bullet counts for neither side; anything else (symbol runs, letters and signs mixed, words run
 * together without spaces) is junk.
 */

/**
 * A number as prose writes it, with its sign, currency, unit, brackets, footnote or reference mark: "157", "4.1%",
 * "$2.5bn", "(2009).", "1990s", "41°17′S", "4,933,210[5]", "64,000*".
 */
const FIGURE_TOKEN =
  /^[([«"“'‘]*[-+−±~≈<>#№]?[$€£¥₽]?\d[\d.,:/\-–°′″]*(?:%|‰|\p{L}{1,3})?(?:\[\w{1,4}\]?)?[)\]»"”'’.,;:!?*†‡]*$/u;
/**
 * Counts for neither side: a single letter ("a", "I", "в", an initial "J."), punctuation on its own (". . .", "—",
 * "•", "/"), a unit in brackets ("(%)", "(°C)"), a reference mark ("^"). A lone sign such as "%", "&" or "$" is junk:
 * prose has few of them, and a broken text layer is mostly made of them.
 */
const NEUTRAL_TOKEN = /^(?:[([«"“'‘]*\p{L}[.,)\]»"”'’:;!?]*|[-–—/|•·…^↑→▶►.,;:!?]+|\((?:[$€£¥₽%‰]|°[CF]?)\))$/u;
/**
 * Words run together: a letter run longer than any word of the languages read, or one that changes from lower case
 * to upper case three times ("OverviewoftheTechnologyAcceptanceModel"); hashtags and handles are written so.
 */
const LONGEST_WORD = 24;
const RUN_TOGETHER_CASE_CHANGES = 3;

/** The score reason a garbled sentence carries; the stored sentences keep it, so a document's share can be read back. */
export const GARBLED_REASON = 'garbled';

type TokenKind = 'word' | 'figure' | 'neutral' | 'junk';

/** The kind of the token text[from, to); only a token that is not a plain ASCII word is cut out of the text. */
function tokenKind(text: string, from: number, to: number): TokenKind {
  return asciiWordKind(text, from, to) ?? fullTokenKind(text.slice(from, to));
}

/**
 * The kind of the token text[from, to) when it is of ASCII characters with at least two letters and no digit (most
 * tokens of English prose: "said", "Minister's", "(2009-style"), read in one scan with the same answer as
 * fullTokenKind: such a token is never a figure (it has no digit) nor neutral (it has more than one letter). Null for
 * any other token.
 */
function asciiWordKind(text: string, from: number, to: number): TokenKind | null {
  const n = to - from;
  let letters = 0;
  let run = 0;
  let longRun = false;
  let caseChanges = 0;
  let maxCaseChanges = 0;
  let lowerBefore = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 48 && c <= 57)) return null;
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    if (!upper && !lower) {
      run = 0;
      caseChanges = 0;
      lowerBefore = false;
      continue;
    }
    letters++;
    if (++run > LONGEST_WORD) longRun = true;
    if (upper && lowerBefore && ++caseChanges > maxCaseChanges) maxCaseChanges = caseChanges;
    lowerBefore = lower;
  }
  if (letters < 2) return null;
  if (letters * 2 < n) return 'junk';
  const first = text.charCodeAt(from);
  if (first === 35 || first === 64) return 'word';
  return longRun || maxCaseChanges >= RUN_TOGETHER_CASE_CHANGES ? 'junk' : 'word';
}

function fullTokenKind(token: string): TokenKind {
  if (FIGURE_TOKEN.test(token)) return 'figure';
  if (NEUTRAL_TOKEN.test(token)) return 'neutral';
  let letters = 0;
  let digits = 0;
  for (const ch of token) {
    if (/[\p{L}\p{M}]/u.test(ch)) letters++;
    else if (/\d/u.test(ch)) digits++;
  }
  // A letter with a figure ("G7", "A4") names something; a letter with signs ("D$", "%D") is the broken layer's.
  if (letters === 1 && digits > 0 && letters + digits === [...token].length) return 'neutral';
  if (letters < 2 || (letters + digits) * 2 < [...token].length) return 'junk';
  if (!/^[#@]/.test(token) && runsTogether(token)) return 'junk';
  return 'word';
}

/** Letters of the scripts that put spaces between words; Chinese, Japanese or Thai runs are whole sentences by nature. */
const SPACED_SCRIPT_RUN = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]+/gu;

function runsTogether(token: string): boolean {
  for (const run of token.match(SPACED_SCRIPT_RUN) ?? []) {
    if (run.length > LONGEST_WORD) return true;
    if ((run.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) >= RUN_TOGETHER_CASE_CHANGES) return true;
  }
  return false;
}

/** Junk tokens over this share of the tokens that count: the sentence is not words. */
const JUNK_SHARE = 0.5;

/**
 * A sentence that is mostly not words: junk makes up most of its tokens, or it has no word and at least as much junk
 * as figures. A table row of figures ("2019 157 4.1%") and a sentence with a stray sign are words.
 */
export function isGarbled(sentence: string): boolean {
  let words = 0;
  let figures = 0;
  let junk = 0;
  // Tokens are the runs between white space (what split(/\s+/) gives), read in place.
  const n = sentence.length;
  let i = 0;
  while (i < n) {
    while (i < n && isWhiteSpaceCode(sentence.charCodeAt(i))) i++;
    if (i === n) break;
    const start = i;
    while (i < n && !isWhiteSpaceCode(sentence.charCodeAt(i))) i++;
    const kind = tokenKind(sentence, start, i);
    if (kind === 'word') words++;
    else if (kind === 'figure') figures++;
    else if (kind === 'junk') junk++;
  }
  if (junk === 0) return false;
  // Figures alone are a table row; figures among as many stray signs, with no word, are not.
  if (words === 0) return junk >= figures;
  return junk > JUNK_SHARE * (words + figures + junk);
}

/** The share of garbled text from which a document is said to be largely garbled. */
export const LARGELY_GARBLED_SHARE = 0.25;

/** The share (0..1) of a document's sentence text, by characters, that the analysis found garbled. */
export function garbledShare(sentences: readonly { text: string; reasons: readonly { kind: string }[] }[]): number {
  let all = 0;
  let bad = 0;
  for (const s of sentences) {
    all += s.text.length;
    if (s.reasons.some((r) => r.kind === GARBLED_REASON)) bad += s.text.length;
  }
  return all === 0 ? 0 : bad / all;
}

/**
 * What the person is told when much of a document's text could not be read, or null when it reads: at import
 * (`format` names the file's kind) and in the document view.
 */
export function garbledTextWarning(
  sentences: readonly { text: string; reasons: readonly { kind: string }[] }[],
  format: string | null = null,
): string | null {
  if (garbledShare(sentences) < LARGELY_GARBLED_SHARE) return null;
  const what = format === 'pdf' ? "this PDF's text" : "this document's text";
  const layer = format === 'pdf' ? 'its text layer looks garbled' : 'it looks garbled';
  return `Much of ${what} could not be read (${layer}): check the claims against the original.`;
}
