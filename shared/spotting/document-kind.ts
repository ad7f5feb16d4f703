/**
 * What kind of document a text is, for the check-worthiness operating point: a transcript (speaker turns,
 * like the debates the model learned from) or an article (news prose with headlines, captions and
 * reported speech). Derived from the text each time, so it needs no stored setting.
 */
export type DocumentKind = 'article' | 'transcript';

/** "TRUMP:", "Mr. Smith:", "[00:12:03] Q:", "MODERATOR (Lester Holt):" at the start of a line. */
const SPEAKER_TURN = /^\s*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s*)?(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}|Q|A)(?:\s*\([^)\n]{1,40}\))?\s*:\s+\S/u;

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
    if (SPEAKER_TURN.test(line) && !/^\s*(?:Image|Photo|Credit|Source|Note|Update|Title|Date|URL)\s*:/i.test(line)) turns++;
  }
  return lines >= 4 && turns / lines >= 0.3 ? 'transcript' : 'article';
}
