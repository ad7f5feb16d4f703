/** Who speaks in a live transcript: introductions of a label's speaker, and the participants so far. */
import { introducedName, labelSurname, labelRole } from '../../../shared/text/speaker-names';
import { participantNames } from '../../../shared/spotting/turns';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

/** Chunks an introduction of this label's person could be in: the earlier ones naming its surname (full-text index). */
const MAX_CHUNKS_READ = 20;

/**
 * Text that may introduce the person behind `label` ("CARTER"): the names of earlier speakers with that surname, as
 * typed by the person ("Helen Carter"), which come first since they are the person's own naming, then the earlier
 * chunks that mention it.
 */
export function introductionsOf(db: DB, documentId: string, label: string, typedSpeaker: string | null = null): string {
  const surname = labelSurname(label);
  if (!surname) return '';
  const namedSoFar = [typedSpeaker, ...speakersSoFar(db, documentId)].filter(
    (name): name is string => !!name && introducedName(surname, name) !== null,
  );
  const texts = prepared(
    db,
    `SELECT c.text FROM transcript_fts f JOIN transcript_chunks c ON c.rowid = f.rowid
     WHERE transcript_fts MATCH ? AND c.document_id = ? AND c.deleted = 0 ORDER BY c.seq LIMIT ${MAX_CHUNKS_READ}`,
  )
    .pluck()
    .all(`"${surname.replace(/"/g, '""')}"`, documentId) as string[];
  return [...namedSoFar, ...texts].join('\n');
}

/** The transcript's participants so far: its speakers' names, roles left out. */
export function participantsOf(db: DB, documentId: string): string[] {
  return participantNames(speakersSoFar(db, documentId).map((name) => ({ name, role: labelRole(name) })));
}

/** Every speaker the transcript's chunks name so far, as stored. */
function speakersSoFar(db: DB, documentId: string): string[] {
  return prepared(
    db,
    'SELECT DISTINCT speaker FROM transcript_chunks WHERE document_id = ? AND deleted = 0 AND speaker IS NOT NULL',
  )
    .pluck()
    .all(documentId) as string[];
}
