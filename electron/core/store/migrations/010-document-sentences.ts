import type { Migration } from './types';

/**
 * A document's sentences, stored when it is imported so the document view reads them instead of
 * segmenting, scoring and attributing the whole text on every open.
 *
 * Both tables are derived and local: they are computed from a document's text by this app's
 * segmenter, spotter and attribution, never written through the change log, and a copy that lacks
 * them (an older workspace, a teammate's document arriving by merge) fills them on the document's
 * first open. `document_analysis` says which text (its content hash) and which analysis (the
 * spotter's weights and the segmenter's version) the rows describe; a mismatch means recompute.
 * A sentence's text is not stored: it is the document's text between `start` and `end`.
 */
export const migration010: Migration = {
  version: 10,
  name: 'document-sentences',
  up: `
    CREATE TABLE document_analysis (
      document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
      content_hash TEXT NOT NULL,
      analysis TEXT NOT NULL,
      sentence_count INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE document_sentences (
      document_id TEXT NOT NULL REFERENCES document_analysis (document_id) ON DELETE CASCADE,
      ordinal INTEGER NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      score REAL NOT NULL,
      reasons TEXT NOT NULL,
      claimant TEXT,
      PRIMARY KEY (document_id, ordinal)
    ) STRICT, WITHOUT ROWID;
  `,
};

/** Tables computed from documents in this copy only; a share file may leave them out. */
export const DERIVED_DOCUMENT_TABLES = ['document_sentences', 'document_analysis'] as const;
