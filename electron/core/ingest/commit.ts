/** Store a parsed document and its candidate claims in one transaction (one undoable action). */
import { randomUUID } from 'node:crypto';
import { newDocumentId } from '../documents/document-id';
import type { ScoredSentence } from '../../../shared/text/candidates';
import { documentDate } from '../../../shared/text/news-structure';
import { defaultTitle } from '../../../shared/text/title';
import type { Workspace } from '../store/workspace';
import { contentHash } from '../documents/content-hash';
import { loadDocumentSummary } from '../documents/rows';
import { storeSentences } from '../documents/sentences';
import type { ExtractedDocument } from './extracted';
import type { DocumentSummary } from '../../../shared/domain';
import { matchNewClaims } from '../library/links';

export interface CommitResult {
  /** The new document, or, when skipped as a duplicate, the one already in the workspace. */
  document: DocumentSummary;
  claimCount: number;
  duplicateOf: string | null;
  /** True when nothing was written: the same content was already there and duplicates were not allowed. */
  skipped: boolean;
}

export function findDuplicate(workspace: Workspace, hash: string): string | null {
  const row = workspace.db.prepare('SELECT id FROM documents WHERE content_hash = ? AND deleted = 0 LIMIT 1').get(hash) as
    { id: string } | undefined;
  return row?.id ?? null;
}

export function commitDocument(
  workspace: Workspace,
  input: {
    name: string | null;
    title?: string | null;
    doc: ExtractedDocument;
    sentences: ScoredSentence[];
    threshold: number;
    /** Store a second copy of content already in the workspace (the person said "import anyway"). */
    allowDuplicate?: boolean;
  },
): CommitResult {
  const { doc } = input;
  const hash = contentHash(doc.text);
  const duplicateOf = findDuplicate(workspace, hash);
  if (duplicateOf && !input.allowDuplicate) {
    return { document: loadDocumentSummary(workspace.db, duplicateOf), claimCount: 0, duplicateOf, skipped: true };
  }
  const documentId = newDocumentId();
  const title = input.title?.trim() || doc.title?.trim() || defaultTitle(doc.text, input.name);
  const textDate = documentDate(doc.text);
  const candidates = input.sentences.filter((s) => s.score >= input.threshold);
  const claimIds: string[] = [];
  workspace.undo.run(`Import “${title.slice(0, 60)}”`, (w) => {
    w.create('document', documentId, {
      title,
      origin: doc.canonicalUrl ?? input.name ?? null,
      publisher: doc.byline ?? null,
      publishedAt: doc.publishedAt ?? textDate,
      text: doc.text,
      contentHash: hash,
    });
    for (const c of candidates) {
      const claimId = randomUUID();
      claimIds.push(claimId);
      w.create('claim', claimId, {
        documentId,
        ordinal: c.anchor.start,
        text: c.text,
        anchor: c.anchor,
        claimant: c.claimant,
        score: c.score,
        reasons: c.reasons,
        verdict: null,
      });
    }
  });
  storeSentences(workspace.db, documentId, doc.text, input.sentences);
  matchNewClaims(workspace.db, claimIds);
  return { document: loadDocumentSummary(workspace.db, documentId), claimCount: candidates.length, duplicateOf, skipped: false };
}
