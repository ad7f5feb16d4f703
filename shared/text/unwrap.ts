/**
 * A same-length view of the text in which line breaks that merely wrap a paragraph are replaced by
 * spaces, so the sentence segmenter reads wrapped lines as one line while offsets stay exact.
 */
import { METADATA_SENTENCE } from './metadata-line';
import { speakerLabel } from './speaker-turns';

const LIST_ITEM = /^\s*(?:[-*•‣◦▪–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s|\(\d{1,3}\)\s)/;
const SENTENCE_END = /[.!?…:;"”»')\]]\s*$/;
const WHOLE_BRACKETS = /^\([^()]+\)$/;
const ENDS_ON_NAME = /(?:^|[\s/])\p{Lu}[\p{L}.'’-]*$/u;
/** Lines shorter than this are never treated as wrapped prose. */
const MIN_WRAPPED = 40;

export function unwrapLines(text: string): string {
  return rejoinLines(text, (lines, widths, i) => isSoftBreak(lines[i]!, lines[i + 1]!, widths[i]!));
}

/**
 * The document text with hard-wrapped prose unwrapped: a line break inside a paragraph whose lines were broken by a
 * line-wrapper (a block of lines near one width, at least MIN_WRAPPED characters) becomes a space. Blank lines, list
 * items, headings, "NAME:" turns, and blocks of short lines (addresses, signatures, verse) keep their breaks. Same
 * length as the input, so offsets into either text agree.
 */
export function unwrapHardWrappedProse(text: string): string {
  return rejoinLines(text, (lines, widths, i) => {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    const standsApart = KEEPS_ITS_LINE.test(line) || KEEPS_ITS_LINE.test(next) || !!speakerLabel(next);
    return (
      !standsApart &&
      ((widths[i]! >= MIN_WRAPPED &&
        !isClosingLine(line, next, lines[i + 2], widths[i]!) &&
        isSoftBreak(line, next, widths[i]!)) ||
        breaksMidSentence(line, next))
    );
  });
}

/**
 * Each line break becomes a space where `soft` says so, else stays; the widths are those of each line's block
 * (lines between blank lines), which tell whether the block is hard-wrapped.
 */
function rejoinLines(text: string, soft: (lines: string[], widths: number[], i: number) => boolean): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const widths = blockWidths(lines);
  return lines.map((line, i) => (i === lines.length - 1 ? line : line + (soft(lines, widths, i) ? ' ' : '\n'))).join('');
}

/** Words a sentence does not end on: articles, possessives, prepositions and conjunctions. */
const OPEN_ENDED = new RegExp(
  String.raw`\s(?:${[
    'a|an|the|our|your|their|his|her|its|my|this|these|those',
    'of|to|in|on|at|for|with|by|from|into|about|than|as',
    'and|or|but|nor|that|which|who|whose|is|are|was|were|will|would',
  ].join('|')})$`,
  'u',
);

/**
 * A break (a <br> in a web page, a wrapped line) in the middle of a sentence of a prose line: the line runs on from a
 * finished sentence, or is long, and ends on a word no sentence ends on ("… To learn more, read our" / "Year in Review
 * series."). Short lines (addresses, verse) are left alone.
 */
function breaksMidSentence(line: string, next: string): boolean {
  const prev = line.trimEnd();
  if (!next.trim() || LIST_ITEM.test(next)) return false;
  return prev.length >= MIN_WRAPPED && OPEN_ENDED.test(prev.toLowerCase());
}

/** Markdown headings, quotes and table rows, and rules: lines that stand on their own. */
const KEEPS_ITS_LINE = /^\s*(?:#{1,6}\s|>|\||[-=_*]{3,}\s*$)/;

/**
 * A short unpunctuated line closing a block after a finished sentence: a signature or a name under a letter
 * ("…with best regards." then "Jane Doe"). A wrapped paragraph's last line ends with its full stop.
 */
function isClosingLine(line: string, next: string, after: string | undefined, width: number): boolean {
  const closesBlock = after === undefined || !after.trim();
  const nextLine = next.trim();
  return closesBlock && SENTENCE_END.test(line.trimEnd()) && nextLine.length < width * 0.6 && !/[.!?…:;"”»')\]]$/.test(nextLine);
}

function isSoftBreak(line: string, next: string, width: number): boolean {
  const prev = line.trimEnd();
  const following = next.trim();
  if (!prev.trim() || !following) return false;
  if (LIST_ITEM.test(next)) return false;
  // A metadata line under the headline ("date 2026-12-05 / source ТАСС") is never the headline's wrapped tail.
  if (METADATA_SENTENCE.test(following)) return false;
  // A note wholly in brackets under a line that ends on a name ("REUTERS/Lukas Barth/File Photo" then
  // "($1 = 0.9180 euros)") stands alone: a wrapped sentence would break after a plain word.
  if (WHOLE_BRACKETS.test(following) && ENDS_ON_NAME.test(prev)) return false;
  const startsLower = /^[\p{Ll}\d,;(]/u.test(following);
  if (startsLower && !SENTENCE_END.test(prev)) return true;
  // A wrapped block: this line is close to the block's width, so the break was made by a line-wrapper.
  return width >= MIN_WRAPPED && prev.length >= width * 0.7 && prev.length >= MIN_WRAPPED;
}

/** For each line, the typical width of its block: the 80th percentile of the block's line lengths. */
function blockWidths(lines: string[]): number[] {
  const widths = new Array<number>(lines.length).fill(0);
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.trim()) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.trim()) j++;
    if (j - i >= 2) {
      const block = lines.slice(i, j).map((l) => l.trimEnd());
      const lengths = block.map((l) => l.length).sort((a, b) => a - b);
      const width = lengths[Math.floor((lengths.length - 1) * 0.8)]!;
      // A line-wrapper would have broken a line that runs well past the width at a space before it, so a block
      // holding one (a headline, a caption and a paragraph on consecutive lines) was not wrapped.
      // (Nor was a block whose lines mostly close a sentence: one paragraph a line, a headline and a byline over it.)
      const wrapped =
        !block.some((l) => l.length > width * 1.25 && l.lastIndexOf(' ', width) > l.search(/\S/)) &&
        !isListOfTitles(block) &&
        !mostlyWholeSentences(block);
      if (wrapped) for (let k = i; k < j; k++) widths[k] = width;
    }
    i = j;
  }
  return widths;
}

/**
 * At least this share of a block's lines (all but its last) ending a sentence tells lines written one paragraph
 * each: a line-wrapper breaks wherever the width runs out, and seldom right after a full stop.
 */
const WHOLE_SENTENCE_SHARE = 0.6;
/** A full stop, question or exclamation mark, maybe inside a closing quotation mark or bracket, ending a line. */
const FULL_STOP_END = /[.!?…]["”»')\]]*\s*$/;

function mostlyWholeSentences(block: string[]): boolean {
  const inner = block.slice(0, -1);
  return inner.length >= 3 && inner.filter((l) => FULL_STOP_END.test(l)).length >= inner.length * WHOLE_SENTENCE_SHARE;
}

const OPENS_TITLE = /^\s*[\p{Lu}\d"“‘«(]/u;
const ENDS_CLAUSE = /[.!?…:;,]["”»')\]]*$/;

/**
 * Lines that each open with a capital, a figure or a quotation mark and none of which ends with punctuation: a list of
 * headlines or sources ("Related news", "Sources" under a news story), one a line. A wrapped paragraph has lines that
 * open in lower case, and its last line closes the paragraph with a full stop.
 */
function isListOfTitles(block: string[]): boolean {
  return block.every((l) => OPENS_TITLE.test(l) && !ENDS_CLAUSE.test(l));
}
