/**
 * Speaker labels at the start of a transcript line, as debate and press-conference transcripts
 * write them: "HARRIS: …", "MODERATOR (DAVID MUIR): …", "SEN. WARREN: …", "ВЕДУЩИЙ: …", or a
 * name followed by a timecode, "Kamala Harris (01:02:03): …". Ordinary prose starting with a
 * capitalised word and a colon ("Note: …") is not a label: a plain label must be all capitals.
 */
const UPPER_LABEL = /^\s*([\p{Lu}][\p{Lu}\p{M}.'’\- ]{0,38}[\p{Lu}.)](?:\s*\([^()\n]{1,60}\))?)\s*:\s+/u;
const TIMECODE_LABEL =
  /^\s*(\p{Lu}[\p{L}\p{M}.'’-]*(?: \p{Lu}[\p{L}\p{M}.'’-]*){0,3})\s*\(\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)\s*:\s*/u;

export interface LabelledLine {
  speaker: string | null;
  text: string;
}

/** Split a leading speaker label off a line; `speaker` is null when the line has none. */
export function splitSpeakerLabel(line: string): LabelledLine {
  const timecoded = TIMECODE_LABEL.exec(line);
  if (timecoded) return { speaker: timecoded[1]!.trim(), text: line.slice(timecoded[0].length) };
  const upper = UPPER_LABEL.exec(line);
  if (upper && /\p{Lu}{2}/u.test(upper[1]!)) return { speaker: tidySpeaker(upper[1]!), text: line.slice(upper[0].length) };
  return { speaker: null, text: line };
}

/** "MODERATOR (DAVID MUIR)" stays as written; only spacing is tidied. */
function tidySpeaker(label: string): string {
  return label.replace(/\s+/g, ' ').trim();
}
