import type { Migration } from './types';

/**
 * Evidence (sources, attachments, notes), full-text search and the indexes behind the claim
 * list's filters.
 *
 * Why the FTS tables are external-content tables fed by triggers: the change recorder writes the
 * materialised entity tables, so triggers on those tables keep the indexes in step inside the very
 * same transaction, and neither the recorder nor the merge needs to know search exists. Only live
 * rows are indexed (the triggers skip `deleted = 1`), so a tombstone vanishes from search at once.
 * The FTS rows point at the entity rows by rowid; SQLite keeps rowids through VACUUM and
 * VACUUM INTO (checked by a test), and `rebuildSearchIndexes()` repairs the indexes if a tool ever
 * renumbers them.
 *
 * `blobs` holds attachment bytes addressed by SHA-256: immutable, so it is not an entity and its
 * rows never go through the change log; a merge copies the blobs it is missing.
 *
 * `view_state` holds one person's view of this file (filters, sort, selection). It is local: not
 * in the change log, not undoable and not merged.
 */
export const migration002: Migration = {
  version: 2,
  name: 'evidence',
  up: `
    CREATE TABLE sources (
      id TEXT PRIMARY KEY,
      claim_id TEXT NOT NULL,
      url TEXT,
      title TEXT NOT NULL DEFAULT '',
      publisher TEXT,
      published_at TEXT,
      excerpt TEXT NOT NULL DEFAULT '',
      stance TEXT NOT NULL DEFAULT 'context' CHECK (stance IN ('supports', 'contradicts', 'context')),
      attachment_id TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX sources_by_claim ON sources (claim_id, stance) WHERE deleted = 0;

    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      -- What the bytes are, sniffed from their content: decides whether they may be opened.
      kind TEXT NOT NULL,
      bytes BLOB NOT NULL
    ) STRICT;

    CREATE TABLE attachments (
      id TEXT PRIMARY KEY,
      claim_id TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      mime TEXT NOT NULL DEFAULT 'application/octet-stream',
      size INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX attachments_by_claim ON attachments (claim_id) WHERE deleted = 0;
    CREATE INDEX attachments_by_hash ON attachments (sha256);

    CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      claim_id TEXT NOT NULL,
      text TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX notes_by_claim ON notes (claim_id, created_at) WHERE deleted = 0;

    CREATE TABLE view_state (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- Tags as rows, derived from claims.tags by triggers, so "tag = x" is an index lookup.
    CREATE TABLE claim_tags (
      tag TEXT NOT NULL,
      claim_id TEXT NOT NULL,
      PRIMARY KEY (tag, claim_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX claim_tags_by_claim ON claim_tags (claim_id);
    CREATE TRIGGER claim_tags_ai AFTER INSERT ON claims BEGIN
      INSERT OR IGNORE INTO claim_tags (tag, claim_id)
        SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
        WHERE type = 'text';
    END;
    CREATE TRIGGER claim_tags_au AFTER UPDATE OF tags ON claims BEGIN
      DELETE FROM claim_tags WHERE claim_id = old.id;
      INSERT OR IGNORE INTO claim_tags (tag, claim_id)
        SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
        WHERE type = 'text';
    END;
    INSERT OR IGNORE INTO claim_tags (tag, claim_id)
      SELECT j.value, c.id FROM claims c, json_each(CASE WHEN json_valid(c.tags) THEN c.tags ELSE '[]' END) j
      WHERE j.type = 'text';

    -- Indexes behind the claim list's filters and sorts (live rows only).
    -- The expressions match the list's ORDER BY clauses (search/claim-filter.ts) exactly, so a
    -- first page is read in index order instead of sorting every claim.
    CREATE INDEX claims_in_document_order ON claims (document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX claims_by_verdict_in_order ON claims (verdict, document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX claims_by_score ON claims (score IS NULL, score DESC, id) WHERE deleted = 0;
    CREATE INDEX claims_by_created ON claims (created_at DESC, id DESC) WHERE deleted = 0;
    CREATE INDEX claims_by_assignee ON claims (assignee, document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX claims_by_claimant ON claims (claimant COLLATE NOCASE, document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX changes_by_entity ON changes (entity_id, hlc);

    CREATE VIRTUAL TABLE claims_fts USING fts5(
      text, claimant, rationale,
      content = 'claims', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims WHEN new.deleted = 0 BEGIN
      INSERT INTO claims_fts (rowid, text, claimant, rationale) VALUES (new.rowid, new.text, new.claimant, new.rationale);
    END;
    -- One trigger, two statements: the old entry must leave the index before the new one enters.
    CREATE TRIGGER claims_fts_au AFTER UPDATE OF text, claimant, rationale, deleted ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, text, claimant, rationale) SELECT 'delete', old.rowid, old.text, old.claimant, old.rationale WHERE old.deleted = 0;
      INSERT INTO claims_fts (rowid, text, claimant, rationale) SELECT new.rowid, new.text, new.claimant, new.rationale WHERE new.deleted = 0;
    END;
    CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims WHEN old.deleted = 0 BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, text, claimant, rationale)
        VALUES ('delete', old.rowid, old.text, old.claimant, old.rationale);
    END;

    CREATE VIRTUAL TABLE documents_fts USING fts5(
      title, text,
      content = 'documents', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents WHEN new.deleted = 0 BEGIN
      INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    -- One trigger, two statements: the old entry must leave the index before the new one enters.
    CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text, deleted ON documents BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text) SELECT 'delete', old.rowid, old.title, old.text WHERE old.deleted = 0;
      INSERT INTO documents_fts (rowid, title, text) SELECT new.rowid, new.title, new.text WHERE new.deleted = 0;
    END;
    CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents WHEN old.deleted = 0 BEGIN
      INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;

    CREATE VIRTUAL TABLE sources_fts USING fts5(
      title, publisher, excerpt, url,
      content = 'sources', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER sources_fts_ai AFTER INSERT ON sources WHEN new.deleted = 0 BEGIN
      INSERT INTO sources_fts (rowid, title, publisher, excerpt, url)
        VALUES (new.rowid, new.title, new.publisher, new.excerpt, new.url);
    END;
    -- One trigger, two statements: the old entry must leave the index before the new one enters.
    CREATE TRIGGER sources_fts_au AFTER UPDATE OF title, publisher, excerpt, url, deleted ON sources BEGIN
      INSERT INTO sources_fts (sources_fts, rowid, title, publisher, excerpt, url) SELECT 'delete', old.rowid, old.title, old.publisher, old.excerpt, old.url WHERE old.deleted = 0;
      INSERT INTO sources_fts (rowid, title, publisher, excerpt, url) SELECT new.rowid, new.title, new.publisher, new.excerpt, new.url WHERE new.deleted = 0;
    END;
    CREATE TRIGGER sources_fts_ad AFTER DELETE ON sources WHEN old.deleted = 0 BEGIN
      INSERT INTO sources_fts (sources_fts, rowid, title, publisher, excerpt, url)
        VALUES ('delete', old.rowid, old.title, old.publisher, old.excerpt, old.url);
    END;

    CREATE VIRTUAL TABLE notes_fts USING fts5(
      text,
      content = 'notes', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes WHEN new.deleted = 0 BEGIN
      INSERT INTO notes_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    -- One trigger, two statements: the old entry must leave the index before the new one enters.
    CREATE TRIGGER notes_fts_au AFTER UPDATE OF text, deleted ON notes BEGIN
      INSERT INTO notes_fts (notes_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.deleted = 0;
      INSERT INTO notes_fts (rowid, text) SELECT new.rowid, new.text WHERE new.deleted = 0;
    END;
    CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes WHEN old.deleted = 0 BEGIN
      INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;

    -- Index what a version-1 file already holds.
    INSERT INTO claims_fts (rowid, text, claimant, rationale)
      SELECT rowid, text, claimant, rationale FROM claims WHERE deleted = 0;
    INSERT INTO documents_fts (rowid, title, text) SELECT rowid, title, text FROM documents WHERE deleted = 0;
  `,
};
