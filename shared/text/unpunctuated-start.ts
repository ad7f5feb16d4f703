import { isoDate } from './dates';

/**
 * Where a sentence starts after words that end without punctuation: a caption or a speaker's clause run into the
 * next sentence ("DAB's Elizabeth Quat In the New Territories East constituency, …", "tax incentives For example,
 * a business …"). Intl.Segmenter never breaks there, having no mark to break at.
 */

/**
 * A word that opens sentences and is written lower-case inside one, then a space: read where a capital follows a
 * space after a word. "A" and "It" are left out: they are also a letter ("Hepatitis A outbreak") and a title ("the
 * movie It").
 */
const CAPITALISED_OPENER = /(?:In|On|At|For|From|After|During|Before|The|An|This|These|He|She|They|We)[ \t]+/y;

/** A space before a first letter of CAPITALISED_OPENER's words: where one may start, found without a loop in script. */
const SPACE_BEFORE_INITIAL = /[ \t][IOAFDBTHSW]/g;

const isSpaceOrTab = (c: number) => c === 32 || c === 9;

/** Words that a sentence does not end on: the opener after them continues it ("and On the wagon", "of The Times"). */
const CONTINUING_WORDS = new Set(
  (
    'a an the and or nor but of to in on at for from by with as than that which who whom whose is are was were be ' +
    'been being am has have had do does did not no its their his her our your my this these those into onto about'
  ).split(' '),
);

/** How many words after the opener are read to tell a sentence from a title in title case. */
const LOOKAHEAD_WORDS = 6;

/** The small words a title in title case leaves in lower case ("Did a Father Abandon His Family During an Avalanche?"). */
const TITLE_SMALL_WORDS = new Set('a an the and or nor but of to in on at for from by with as vs via per up off out'.split(' '));

/**
 * Offsets (into `text`, within [from, to)) where a sentence starts after unpunctuated words: a capitalised opener
 * after a word that a sentence may end on, read as prose by what follows (readsAsProse) or after a full date.
 * Titles, of works or in title case, stay whole: "the film The Purge 2", "'In God We Trust'", "Couple Kissing During
 * the 1971 May Day Protests".
 */
export function unpunctuatedSentenceStarts(text: string, from: number, to: number): number[] {
  const piece = text.slice(from, to);
  const out: number[] = [];
  SPACE_BEFORE_INITIAL.lastIndex = 1;
  for (let s = SPACE_BEFORE_INITIAL.exec(piece); s; s = SPACE_BEFORE_INITIAL.exec(piece)) {
    const i = s.index + 1;
    let wordEnd = i - 1;
    while (wordEnd > 0 && isSpaceOrTab(piece.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd === 0 || !/[\p{L}\d]/u.test(piece[wordEnd - 1]!)) continue;
    CAPITALISED_OPENER.lastIndex = i;
    const m = CAPITALISED_OPENER.exec(piece);
    if (!m) continue;
    const before = /([\p{L}\d'’-]+)$/u.exec(piece.slice(Math.max(0, wordEnd - 40), wordEnd))?.[1] ?? '';
    if (CONTINUING_WORDS.has(before.toLowerCase())) continue;
    const after = piece.slice(i + m[0].length, i + m[0].length + 120);
    if (endsWithDate(piece.slice(Math.max(0, wordEnd - 20), wordEnd)) || readsAsProse(after)) out.push(from + i);
  }
  return out;
}

/** "Thursday, May 7, 2015 On Tuesday, …": a full date ends the dateline before it, whatever follows. */
function endsWithDate(before: string): boolean {
  return /\d{4}$/.test(before) && isoDate(before) !== null;
}

/**
 * Whether the words after an opener read as a sentence's: the first is in lower case, and up to the first punctuation
 * (within a few words) lower-case words are no fewer than capitalised ones and include one that a title in title
 * case would capitalise ("During a Homily?" and "During the National Anthem in 2017?" have none).
 */
function readsAsProse(after: string): boolean {
  if (!/^\p{Ll}/u.test(after)) return false;
  let lower = 0;
  let upper = 0;
  let notSmall = false;
  for (const word of after.split(/[ \t]+/, LOOKAHEAD_WORDS)) {
    if (/^\p{Ll}/u.test(word)) {
      lower++;
      notSmall ||= !TITLE_SMALL_WORDS.has(/^\p{L}+/u.exec(word)![0]);
    } else if (/^\p{Lu}/u.test(word)) upper++;
    if (/[,.;:!?"”’)]$/u.test(word)) break;
  }
  return notSmall && lower >= upper;
}
