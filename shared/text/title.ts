import { detectDocumentKind } from '../spotting/document-kind';
import { shorten } from './shorten';
import { isMetadataLine, leadingMetadata, nonProseKind } from './news-structure';
import { segmentSentences } from './segment';
import { speakerLabel } from './speaker-turns';
import { collapseWhitespace } from './whitespace';

const MAX_TITLE = 80;
/** Agency headlines run longer than a short title ("Russia pounds Ukraine's power grid before winter as …"). */
const MAX_HEADLINE = 160;

/**
 * A line ending in an article, a possessive, a conjunction or a preposition no phrasal verb ends with leads on to
 * the next: no headline ends so ("… energy caps kick in" and "… hold on" may).
 */
const LEADS_ON =
  /(?:^|\s)(?:a|an|the|of|to|for|at|with|from|and|or|but|that|its|his|her|their|в|во|на|и|с|по|к|о|об|из|от|для|что|у|та|і|й|до)$/iu;

function clip(text: string): string {
  return shorten(text, MAX_TITLE);
}

/**
 * A title for a document that brought none: a "title" metadata line, else its first line when that
 * line is a headline (it stands alone and is short), else the file name. Never a sentence cut short.
 */
export function defaultTitle(text: string, fileName?: string | null): string {
  const meta = leadingMetadata(text);
  if (meta.title) return clip(collapseWhitespace(meta.title));
  let body = text.slice(meta.bodyStart).trim();
  // A plain name ("Kamala Harris: …") is read as a speaker only in a transcript: a headline may read "Putin: …".
  const transcript = detectDocumentKind(text) === 'transcript';
  const opensTurn = (line: string) => speakerLabel(line, { plainNames: transcript }) !== null;
  // A byline or a photo credit above the headline is not the headline; a dated line heading speaker turns
  // ("PRESS BRIEFING, 27 December 2019" above "MODERATOR: …") is the transcript's title.
  for (let n = 0; n < 3; n++) {
    const line = body.split('\n', 1)[0] ?? '';
    const kind = line.trim() ? nonProseKind(line) : null;
    if (!kind || (kind === 'dateline' && opensTurn(nextNonEmptyLine(body, line.length)))) break;
    body = body.slice(line.length).trim();
  }
  const firstParagraph = body.split(/\n\s*\n/, 1)[0] ?? '';
  const [rawFirstLine = '', nextLine = ''] = firstParagraph.split('\n', 2);
  const firstLine = collapseWhitespace(rawFirstLine);
  // What a speaker says is not the document's title, however short ("MODERATOR: Thank you all for coming"); a
  // headline with a label of its own ("EXCLUSIVE: …") is followed by prose, not by further turns.
  const afterFirst = body.slice(body.indexOf(rawFirstLine) + rawFirstLine.length);
  if (opensTurn(rawFirstLine) && (transcript || opensTurn(nextNonEmptyLine(afterFirst, 0))))
    return titleFromFileName(fileName) ?? 'Untitled document';
  // A headline stands alone and does not end like a sentence ("Putin says troops would be targets"); a line the
  // next one goes on from in lower case is the start of a hard-wrapped sentence ("… lower its target for the").
  const endsLikeSentence = /[.!?…]["”»']?$/.test(firstLine);
  const wrapped =
    nextLine.trim() !== '' && !isMetadataLine(nextLine) && (/^\s*\p{Ll}/u.test(nextLine) || LEADS_ON.test(firstLine));
  if (firstLine && firstLine.length <= MAX_HEADLINE && !endsLikeSentence && !wrapped) return firstLine;
  const fromName = titleFromFileName(fileName);
  if (fromName) return fromName;
  // A short first line that is whole sentences, or a short first sentence that wraps onto the next line; never
  // the start of a sentence cut short.
  if (firstLine && firstLine.length <= MAX_TITLE && endsLikeSentence && !wrapped) return firstLine;
  // Only its start is read: the sentence wanted is short, and a paragraph may be a whole book.
  const firstSentence = collapseWhitespace(segmentSentences(firstParagraph.slice(0, 1000))[0]?.text ?? '');
  if (wrapped && firstSentence.length <= MAX_TITLE && /[.!?…]["”»']?$/.test(firstSentence)) return firstSentence;
  return 'Untitled document';
}

function nextNonEmptyLine(text: string, from: number): string {
  for (const line of text.slice(from).split('\n')) if (line.trim()) return line;
  return '';
}

/** "2025-09-05_putin-warns.txt" → "2025-09-05 putin-warns". */
export function titleFromFileName(fileName?: string | null): string | null {
  if (!fileName) return null;
  const base = fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[_]+/g, ' ')
    .trim();
  return base && base !== '-' ? clip(base) : null;
}
