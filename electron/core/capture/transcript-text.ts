/**
 * A live transcript's text is its chunks (migration 5): their prefixes and texts in `seq` order.
 * `documents.text` of a transcript stays empty, so a chunk never rewrites (or re-indexes) the
 * whole transcript; readers get the text from here.
 */
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

export function transcriptText(db: DB, documentId: string): string {
  const parts = prepared(
    db,
    'SELECT prefix || text FROM transcript_chunks WHERE document_id = ? AND deleted = 0 ORDER BY seq, id',
  )
    .pluck()
    .all(documentId) as string[];
  return parts.join('');
}

export function hasChunks(db: DB, documentId: string): boolean {
  return prepared(db, 'SELECT 1 FROM transcript_chunks WHERE document_id = ? LIMIT 1').get(documentId) !== undefined;
}

/** A document's text: a live transcript's is assembled from its chunks, any other's is stored. */
export function documentText(db: DB, documentId: string): string {
  if (hasChunks(db, documentId)) return transcriptText(db, documentId);
  return (prepared(db, 'SELECT text FROM documents WHERE id = ?').pluck().get(documentId) as string | undefined) ?? '';
}
