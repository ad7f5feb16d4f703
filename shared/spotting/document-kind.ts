/**
 * What kind of document a text is, for the check-worthiness operating point: a transcript (speaker turns,
 * like the debates the model learned from) or an article (news prose with headlines, captions and
 * reported speech). Derived from the text each time, so it needs no stored setting.
 */
import { speakerLabel } from '../text/speaker-turns';

export type DocumentKind = 'article' | 'transcript';

export function detectDocumentKind(text: string): DocumentKind {
  let lines = 0;
  let turns = 0;
  let pos = 0;
  // The first few hundred lines say enough; a long book need not be read through.
  while (pos < text.length && lines < 400) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (!line.trim()) continue;
    lines++;
    // "TRUMP:", "Mr. Smith:", "[00:12:03] Q:", "MODERATOR (Lester Holt):" with something said after it.
    // A label ends in a colon: most lines of an article have none, and are not read for a name.
    const label = line.includes(':') ? speakerLabel(line, { plainNames: true }) : null;
    if (label && line.slice(label.textStart).trim()) turns++;
  }
  return lines >= 4 && turns / lines >= 0.3 ? 'transcript' : 'article';
}
