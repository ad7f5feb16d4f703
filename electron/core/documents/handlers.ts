import { fileSource, ingestSource, typedSource } from '../ingest/pipeline';
import type { Handlers } from '../handler-types';
import { listDocuments, loadDocument, loadDocumentSummary } from './rows';
import { ofDocument } from '../claims/of-document';

export const documentHandlers = {
  'documents.list': (_input, { workspace }) => listDocuments(workspace.db),

  'documents.get': ({ id }, { workspace }) => loadDocument(workspace.db, id),

  'documents.createFromText': async ({ title, text, file, origin, allowDuplicate }, { workspace }) => {
    const source = file ? fileSource(file.name, file.dataBase64) : typedSource(text ?? '');
    const { document, claimCount, duplicateOf, skipped } = await ingestSource(workspace, source, {
      origin: origin ?? file?.name ?? null,
      title: title ?? null,
      allowDuplicate,
    });
    return { document, claimCount, duplicateOf, skipped };
  },

  'documents.rename': ({ id, title }, { workspace }) => {
    loadDocumentSummary(workspace.db, id);
    workspace.undo.run('Rename document', (w) => w.set('document', id, 'title', title));
    return loadDocumentSummary(workspace.db, id);
  },

  'documents.deletionImpact': ({ id }, { workspace }) => {
    const doc = loadDocumentSummary(workspace.db, id);
    const counts = workspace.db
      .prepare(
        `SELECT count(*) AS claims, count(c.verdict) AS decisions,
           (SELECT count(*) FROM sources s JOIN claims k ON k.id = s.claim_id
             WHERE ${ofDocument('k.document_id')} AND k.deleted = 0 AND s.deleted = 0) AS sources,
           (SELECT count(*) FROM notes n JOIN claims k ON k.id = n.claim_id
             WHERE ${ofDocument('k.document_id')} AND k.deleted = 0 AND n.deleted = 0) AS notes
         FROM claims c WHERE ${ofDocument('c.document_id')} AND c.deleted = 0`,
      )
      .get(id, id, id) as { claims: number; decisions: number; sources: number; notes: number };
    return { documentId: id, title: doc.title, ...counts };
  },

  'documents.delete': ({ id }, { workspace }) => {
    const doc = loadDocumentSummary(workspace.db, id);
    const claimIds = workspace.db
      .prepare(`SELECT id FROM claims WHERE ${ofDocument('document_id')} AND deleted = 0`)
      .pluck()
      .all(id) as string[];
    workspace.undo.run(`Delete document “${doc.title}”`, (w) => {
      for (const claimId of claimIds) w.set('claim', claimId, 'deleted', true);
      w.set('document', id, 'deleted', true);
    });
    return { deleted: 1 };
  },
} satisfies Partial<Handlers>;
