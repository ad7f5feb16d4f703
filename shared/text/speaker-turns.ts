/**
 * Speaker turns: the one reader of "NAME: …" labels, for imported transcripts (shared/text/candidates.ts,
 * shared/spotting/document-kind.ts) and live capture (electron/core/capture/append.ts) alike. Labels as debate,
 * interview and press-conference transcripts write them: "HARRIS: …", "SEN. WARREN: …", "MODERATOR (Lester Holt): …",
 * "Mr. Smith: …", "[00:12:03] Q: …", "Kamala Harris (01:02:03): …", "ВЕДУЩИЙ: …".
 */

import { HONORIFICS } from './speaker-names';

export interface SpeakerLabel {
  /** The label as written, without its timecode ("MODERATOR (Lester Holt)", "SEN. WARREN", "Kamala Harris"). */
  label: string;
  /** Where the spoken text starts in the line (after the colon and its spaces). */
  textStart: number;
}

export interface LabelOptions {
  /**
   * Also read a plain capitalised name ("Kamala Harris: …", "Smith: …") as a label. Only where the text is known to be
   * a transcript: in a line on its own, "Breaking News: …" reads the same way.
   */
  plainNames?: boolean;
  /**
   * Read a plain capitalised name as a label where it starts a line, not inside one: live capture, where the person is
   * told to start a line with "NAME:" to change the speaker ("Володин: …", "Harris: …").
   */
  plainNamesAtLineStart?: boolean;
}

/** How live capture (the capture box, `claimbench capture`) reads labels: a typed "Name:" at a line's start counts. */
export const LIVE_CAPTURE_LABELS: LabelOptions = { plainNamesAtLineStart: true };

const TIMECODE = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
/** A timecode in front of the label: "[00:12:03] ", "(01:02) ", "00:12:03 ". */
const LEADING_TIMECODE = new RegExp(String.raw`^\s*(?:\[\s*${TIMECODE}\s*\]|\(\s*${TIMECODE}\s*\)|${TIMECODE})\s*`, 'u');
/** A label in capitals: "HARRIS", "SEN. WARREN", "ВЕДУЩИЙ" (at least two capitals, so not a lone "A"). */
const CAPITALS = /^[\p{Lu}][\p{Lu}\p{M}.'’\- ]{0,38}[\p{Lu}.]/u;
/** "Mr. Smith", "Dr. Jane Doe", "Sen. Warren". */
const HONORIFIC_NAME = new RegExp(
  String.raw`^(?:${HONORIFICS.join('|')})\.? \p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){0,2}`,
  'u',
);
/** One to four capitalised words: "Kamala Harris", "Smith". */
const PLAIN_NAME = /^\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3}/u;
/** "Q:" and "A:" head a question and its answer wherever a line starts with them; "A:" is not how prose begins. */
const QUESTION_ANSWER = /^(?:Q|A)(?=\s*[:(])/u;
/** "(Lester Holt)", "(01:02:03)", "(DAVID MUIR)" after the label. */
const PARENTHETICAL = /^\s*\(([^()\n]{1,60})\)/u;
const ONLY_TIMECODE = new RegExp(String.raw`^\s*${TIMECODE}\s*$`, 'u');
const COLON = /^\s*:(?:[ \t]+|(?=\r?\n|$))/u;
/**
 * Words before a colon that head a note, a paper's furniture or a list item ("Keywords:", "Editorial Board:",
 * "Update:", "Примечание:"), not a turn.
 */
const NOT_SPEAKERS = new RegExp(
  `^(?:${[
    'image|photo|picture|video|credit|credits|source|sources|note|notes|nb|ps|p\\.s|update|updated|correction|clarification',
    "title|date|url|editor'?s note|warning|attention|important|reminder|disclaimer|breaking news|breaking|live|watch",
    'summary|transcript|topic|location|place|time|subject|re|fig|figure|table|chapter|part|section|http|https|www',
    'abstract|keywords?|key words|references?|citation|copyright|permanent url|doi|issn|isbn|e-?mail|tel|phone|fax',
    'editorial board|advisory board|sponsors|background|context|example|quote|claim|verdict|rating|conclusion',
    'result|results|read more|see also|related|more|tags?|category|meanwhile|today|tonight|yesterday|now|also',
    'фото|видео|источник|источники|примечание|обновлено|обновление|справка|важно|внимание|цитата|итог|итоги',
    'подробнее|читайте также|тема|дата|время|место|теги|рубрика|сегодня|вчера|сейчас',
  ].join('|')})$`,
  'iu',
);

/** The speaker label at the start of a line, or null. */
export function speakerLabel(line: string, options: LabelOptions = {}): SpeakerLabel | null {
  const timecode = LEADING_TIMECODE.exec(line);
  let pos = timecode ? timecode[0].length : line.length - line.trimStart().length;
  const rest = line.slice(pos);
  const qa = QUESTION_ANSWER.exec(rest)?.[0];
  const strict = qa ?? HONORIFIC_NAME.exec(rest)?.[0] ?? capitalsLabel(rest);
  const plain = strict === undefined ? PLAIN_NAME.exec(rest)?.[0] : undefined;
  const name = strict ?? plain;
  if (name === undefined) return null;
  let label = name.replace(/\s+/g, ' ').trim();
  if (NOT_SPEAKERS.test(label.replace(/\.$/, ''))) return null;
  pos += name.length;
  const paren = PARENTHETICAL.exec(line.slice(pos));
  let timed = !!timecode;
  if (paren) {
    if (ONLY_TIMECODE.test(paren[1]!)) timed = true;
    else label = `${label} (${paren[1]!.trim()})`;
    pos += paren[0].length;
  }
  const colon = COLON.exec(line.slice(pos));
  if (!colon) return null;
  // A plain capitalised name is a label only where names are expected, or with a timecode ("Kamala Harris (01:02:03):").
  if (plain !== undefined && !options.plainNames && !options.plainNamesAtLineStart && !timed) return null;
  return { label, textStart: pos + colon[0].length };
}

/** A run of capitals ending in a capital or a full stop ("SEN. WARREN"), with at least two capitals in it. */
function capitalsLabel(rest: string): string | undefined {
  const m = CAPITALS.exec(rest);
  return m && /\p{Lu}{2}/u.test(m[0]) ? m[0] : undefined;
}

/** Split a leading speaker label off a line; `speaker` is the label as written, null when the line has none. */
export function splitSpeakerLabel(line: string, options: LabelOptions = {}): { speaker: string | null; text: string } {
  const found = speakerLabel(line, options);
  return found ? { speaker: found.label, text: line.slice(found.textStart) } : { speaker: null, text: line };
}

/** A speaker label found in a line: where it starts, and where its spoken text starts. */
export interface LabelInLine {
  label: string;
  labelStart: number;
  textStart: number;
}

/** A sentence's end inside a line, and the space after it: ". ", "?” ", "!) ", "… ". */
const SENTENCE_BREAK = /[.!?…]["'”’»)\]]*\s+/gu;
/** The longest a label may run before its colon (a timecode, a name of up to 40 characters, a 60-character aside). */
const MAX_LABEL_SPAN = 130;
/** A full stop after these ends an abbreviation or an initial ("Dr. JONES:", "J. SMITH:"), not a sentence. */
const NOT_A_SENTENCE_END = new RegExp(String.raw`(?:^|[^\p{L}])(?:${HONORIFICS.join('|')}|\p{L})\.$`, 'iu');

/**
 * Every speaker label in a line: the one it starts with, then each one inside it after a sentence end, as a live
 * transcript typed on one line writes them ("MODERATOR: Welcome to the debate. SMITH: Unemployment fell…"). A label
 * inside a line is read exactly as one at a line start is, so ordinary colons ("Note: …", "at 10:30", "3:1") are not.
 */
export function labelsInLine(line: string, options: LabelOptions = {}): LabelInLine[] {
  const found: LabelInLine[] = [];
  const first = speakerLabel(line, options);
  if (first) found.push({ label: first.label, labelStart: 0, textStart: first.textStart });
  let colon = line.indexOf(':', first?.textStart ?? 0);
  if (colon < 0) return found;
  SENTENCE_BREAK.lastIndex = first?.textStart ?? 0;
  for (let m = SENTENCE_BREAK.exec(line); m; m = SENTENCE_BREAK.exec(line)) {
    const at = m.index + m[0].length;
    if (colon < at) colon = line.indexOf(':', at);
    if (colon < 0) break;
    if (colon - at > MAX_LABEL_SPAN) continue;
    if (m[0].startsWith('.') && NOT_A_SENTENCE_END.test(line.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    const label = speakerLabel(line.slice(at), { plainNames: options.plainNames });
    if (!label) continue;
    found.push({ label: label.label, labelStart: at, textStart: at + label.textStart });
    SENTENCE_BREAK.lastIndex = at + label.textStart;
  }
  return found;
}

/** One speaker's turn in a document: from the label to the next label (or the end). */
export interface SpeakerTurn {
  label: string;
  /** Where the label starts. */
  labelStart: number;
  /** Where the spoken text starts (after "NAME: "). */
  start: number;
  /** Where the turn ends: the start of the next label's line, or the text's end. */
  end: number;
}

/**
 * The speaker turns of a whole transcript, in order, a label inside a line starting a turn too; text before the first
 * label belongs to no turn.
 */
export function speakerTurns(text: string, from = 0): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let pos = from;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    for (const found of labelsInLine(text.slice(pos, end), { plainNames: true })) {
      if (turns.length) turns[turns.length - 1]!.end = pos + found.labelStart;
      turns.push({ label: found.label, labelStart: pos + found.labelStart, start: pos + found.textStart, end: text.length });
    }
    pos = end + 1;
  }
  return turns;
}
