import { shorten } from './shorten';
import { isMetadataLine, leadingMetadata, nonProseKind } from './news-structure';
import { segmentSentences } from './segment';
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
  // A byline or a photo credit above the headline is not the headline.
  for (let n = 0; n < 3; n++) {
    const line = body.split('\n', 1)[0] ?? '';
    if (!line.trim() || !nonProseKind(line)) break;
    body = body.slice(line.length).trim();
  }
  const firstParagraph = body.split(/\n\s*\n/, 1)[0] ?? '';
  const [rawFirstLine = '', nextLine = ''] = firstParagraph.split('\n', 2);
  const firstLine = collapseWhitespace(rawFirstLine);
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
