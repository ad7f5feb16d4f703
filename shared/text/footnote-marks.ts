/**
 * Footnote marks left at the end of a sentence ("access is being restored.* This latest…", "…in 2019.†"), which
 * point to a note the text carries elsewhere: they are no part of the sentence a checker quotes. Only marks right
 * after a sentence's closing punctuation (and any closing quote or bracket) and before a space or the line's end
 * go; an asterisk anywhere else stays ("5 * 3", "f***ing", "*emphasis*"), and so does one that may close an
 * emphasis opened earlier on its line ("*Important.*").
 */
const MARK_AFTER_SENTENCE = /([.!?…]["”’»)\]]*)(?:\*+|[†‡]+)(?=[ \t]|$)/gmu;
/** An asterisk that opens an emphasis: after the line's start, a space or an opening quote, before a non-space. */
const EMPHASIS_OPENER = /(?:^|[\s(“"«'‘])\*+[^\s*]/u;

export function stripFootnoteMarks(text: string): string {
  return text.replace(MARK_AFTER_SENTENCE, (whole: string, end: string, offset: number, all: string) => {
    const lineStart = all.lastIndexOf('\n', offset - 1) + 1;
    return EMPHASIS_OPENER.test(all.slice(lineStart, offset)) ? whole : end;
  });
}
