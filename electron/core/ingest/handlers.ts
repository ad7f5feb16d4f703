import type { DocumentSentence } from '../../../shared/spotting/ingest-types';
import type { Handlers } from '../handler-types';
import { loadDocument } from '../documents/rows';
import { documentSentences } from '../documents/sentences';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { batchStatus, cancelBatch, importHeldDuplicate, importOne, startBatch } from './batch';
import { importChosen } from './chosen';
import { fileSource, parseSource } from './pipeline';
import { spottingThreshold } from '../spotting/threshold';
import { capturedSentences } from '../capture/document-sentences';
import { ofDocument } from '../claims/of-document';

/** The document's live claims by their anchor's `start:end`, read without loading whole claims. */
function claimsByRange(db: DB, documentId: string): Map<string, string> {
  const rows = prepared(
    db,
    `SELECT id, json_extract(anchor, '$.start') AS start, json_extract(anchor, '$.end') AS end
     FROM claims WHERE deleted = 0 AND ${ofDocument('document_id')} AND anchor IS NOT NULL ORDER BY ordinal, id`,
  ).all(documentId) as { id: string; start: unknown; end: unknown }[];
  const byRange = new Map<string, string>();
  for (const r of rows) if (typeof r.start === 'number' && typeof r.end === 'number') byRange.set(`${r.start}:${r.end}`, r.id);
  return byRange;
}

/** Importing files and reading a document's analysed sentences. */
export const ingestHandlers = {
  'ingest.importFile': async ({ name, dataBase64, allowDuplicate }, { workspace }) =>
    importOne(workspace, fileSource(name, dataBase64), undefined, undefined, { allowDuplicate }),

  'ingest.importDuplicate': ({ jobId, index }, { workspace }) => importHeldDuplicate(workspace, jobId, index),

  'ingest.startBatch': ({ files }, { workspace }) =>
    startBatch(
      workspace,
      files.map((f) => fileSource(f.name, f.dataBase64)),
    ),

  'ingest.importChosen': (_input, ctx) => importChosen(ctx),

  'ingest.readText': async ({ name, dataBase64 }) => {
    const { document } = await parseSource(fileSource(name, dataBase64), undefined, { analyse: false }).promise;
    return { text: document.text, encoding: document.encoding, format: document.format, title: document.title };
  },

  'ingest.batchStatus': ({ jobId }, { workspace }) => batchStatus(workspace, jobId),

  'ingest.cancelBatch': ({ jobId }, { workspace }) => cancelBatch(workspace, jobId),

  'ingest.sentences': ({ documentId }, { workspace }) => {
    const doc = loadDocument(workspace.db, documentId);
    const threshold = spottingThreshold(workspace);
    const captured = capturedSentences(workspace.db, documentId, threshold);
    if (captured) return { threshold, sentences: captured };
    const byRange = claimsByRange(workspace.db, documentId);
    const sentences: DocumentSentence[] = documentSentences(workspace.db, documentId, doc.text).map((s) => ({
      ...s,
      checkWorthy: s.score >= threshold,
      claimId: byRange.get(`${s.start}:${s.end}`) ?? null,
    }));
    return { threshold, sentences };
  },
} satisfies Partial<Handlers>;
