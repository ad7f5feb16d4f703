/** Who speaks in a live transcript: introductions of a label's speaker, and the participants so far. */
import { labelSurname, labelRole } from '../../../shared/text/speaker-names';
import { participantNames } from '../../../shared/spotting/turns';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

/** Chunks an introduction of this label's person could be in: the earlier ones naming its surname (full-text index). */
const MAX_CHUNKS_READ = 20;

export function introductionsOf(db: DB, documentId: string, label: string): string {
  const surname = labelSurname(label);
  if (!surname) return '';
  const texts = prepared(
    db,
    `SELECT c.text FROM transcript_fts f JOIN transcript_chunks c ON c.rowid = f.rowid
     WHERE transcript_fts MATCH ? AND c.document_id = ? AND c.deleted = 0 ORDER BY c.seq LIMIT ${MAX_CHUNKS_READ}`,
  )
    .pluck()
    .all(`"${surname.replace(/"/g, '""')}"`, documentId) as string[];
  return texts.join('\n');
}

/** The transcript's participants so far: its speakers' names, roles left out. */
export function participantsOf(db: DB, documentId: string): string[] {
  const speakers = prepared(
    db,
    'SELECT DISTINCT speaker FROM transcript_chunks WHERE document_id = ? AND deleted = 0 AND speaker IS NOT NULL',
  )
    .pluck()
    .all(documentId) as string[];
  return participantNames(speakers.map((name) => ({ name, role: labelRole(name) })));
}
