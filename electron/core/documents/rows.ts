import type { DocumentRecord, DocumentSummary } from '../../../shared/domain';
import type { StoredRow } from '../../../shared/entities/registry';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';
import { hasChunks, transcriptText } from '../capture/transcript-text';
import { ofDocument } from '../claims/of-document';

const SUMMARY_SQL = `
  SELECT d.id, d.title, d.origin, d.publisher, d.published_at, d.created_at,
    (SELECT count(*) FROM claims c WHERE ${ofDocument('c.document_id', 'd.id')} AND c.deleted = 0) AS claim_count,
    (SELECT count(*) FROM claims c WHERE ${ofDocument('c.document_id', 'd.id')} AND c.deleted = 0 AND c.verdict IS NOT NULL) AS checked_count
  FROM documents d WHERE d.deleted = 0`;

type SummaryRow = Pick<StoredRow<'document'>, 'id' | 'title' | 'origin' | 'publisher' | 'published_at' | 'created_at'> & {
  claim_count: number;
  checked_count: number;
};

function summaryFromRow(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    origin: r.origin,
    publisher: r.publisher,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    claimCount: r.claim_count,
    checkedCount: r.checked_count,
  };
}

export function listDocuments(db: DB): DocumentSummary[] {
  return (db.prepare(`${SUMMARY_SQL} ORDER BY d.created_at, d.rowid`).all() as SummaryRow[]).map(summaryFromRow);
}

export function loadDocumentSummary(db: DB, id: string): DocumentSummary {
  const row = db.prepare(`${SUMMARY_SQL} AND d.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No document with id ${id}`);
  return summaryFromRow(row);
}

export function loadDocument(db: DB, id: string): DocumentRecord {
  const summary = loadDocumentSummary(db, id);
  const row = db.prepare('SELECT text, content_hash FROM documents WHERE id = ?').get(id) as Pick<
    StoredRow<'document'>,
    'text' | 'content_hash'
  >;
  const text = hasChunks(db, id) ? transcriptText(db, id) : row.text;
  return { ...summary, text, contentHash: row.content_hash };
}
