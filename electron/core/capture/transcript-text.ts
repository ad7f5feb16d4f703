/**
 * A live transcript's text is derived from its chunks (migration 005): their prefixes and texts
 * in `seq` order. The capture appends to `documents.text` as it goes; a merge, which rebuilds
 * the document row from the change log, recomputes it here.
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

/** Recompute the text of the transcripts a merge touched (through a chunk or the document itself). */
export function refreshTranscripts(db: DB, touched: Iterable<[string, string]>): void {
  const documents = new Set<string>();
  for (const [entity, id] of touched) {
    if (entity === 'transcriptChunk') {
      const doc = prepared(db, 'SELECT document_id FROM transcript_chunks WHERE id = ?').pluck().get(id) as string | undefined;
      if (doc) documents.add(doc);
    } else if (entity === 'document' && hasChunks(db, id)) documents.add(id);
  }
  for (const documentId of documents) {
    const text = transcriptText(db, documentId);
    prepared(db, 'UPDATE documents SET text = ? WHERE id = ? AND text IS NOT ?').run(text, documentId, text);
  }
}
