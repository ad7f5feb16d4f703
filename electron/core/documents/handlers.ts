import { createHash, randomUUID } from 'node:crypto';
import { findCandidates } from '../../../shared/text/candidates';
import { spottingThreshold } from '../ingest/settings';
import type { Handlers } from '../handler-types';
import { listDocuments, loadDocument, loadDocumentSummary } from './rows';

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim(), 'utf8').digest('hex');
}

function defaultTitle(text: string): string {
  const firstLine = text.trim().split('\n', 1)[0] ?? '';
  return firstLine.length > 80 ? `${firstLine.slice(0, 79).trimEnd()}…` : firstLine || 'Untitled document';
}

export const documentHandlers = {
  'documents.list': (_input, { workspace }) => listDocuments(workspace.db),

  'documents.get': ({ id }, { workspace }) => loadDocument(workspace.db, id),

  'documents.createFromText': ({ title, text, origin }, { workspace }) => {
    const normalised = text.replace(/\r\n?/g, '\n');
    const hash = contentHash(normalised);
    const duplicate = workspace.db
      .prepare('SELECT id FROM documents WHERE content_hash = ? AND deleted = 0 LIMIT 1')
      .get(hash) as { id: string } | undefined;
    const candidates = findCandidates(normalised, spottingThreshold(workspace));
    const documentId = randomUUID();
    const docTitle = title?.trim() || defaultTitle(normalised);
    workspace.undo.run(`Add document “${docTitle}”`, (w) => {
      w.create('document', documentId, {
        title: docTitle,
        origin: origin ?? null,
        text: normalised,
        contentHash: hash,
      });
      for (const c of candidates) {
        w.create('claim', randomUUID(), {
          documentId,
          ordinal: c.anchor.start,
          text: c.text,
          anchor: c.anchor,
          claimant: c.claimant,
          score: c.score,
          reasons: c.reasons,
          verdict: 'unverified',
        });
      }
    });
    return {
      document: loadDocumentSummary(workspace.db, documentId),
      claimCount: candidates.length,
      duplicateOf: duplicate?.id ?? null,
    };
  },

  'documents.rename': ({ id, title }, { workspace }) => {
    loadDocumentSummary(workspace.db, id);
    workspace.undo.run('Rename document', (w) => w.set('document', id, 'title', title));
    return loadDocumentSummary(workspace.db, id);
  },

  'documents.delete': ({ id }, { workspace }) => {
    const doc = loadDocumentSummary(workspace.db, id);
    const claimIds = workspace.db
      .prepare('SELECT id FROM claims WHERE document_id = ? AND deleted = 0')
      .pluck()
      .all(id) as string[];
    workspace.undo.run(`Delete document “${doc.title}”`, (w) => {
      for (const claimId of claimIds) w.set('claim', claimId, 'deleted', true);
      w.set('document', id, 'deleted', true);
    });
    return { deleted: 1 };
  },
} satisfies Partial<Handlers>;
