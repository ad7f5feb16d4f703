import type { Migration } from './types';

/**
 * "Not reviewed" becomes its own state: a claim's verdict is null until a person decides.
 *
 * Until now every claim was created 'unverified' (a NOT NULL column with a CHECK), so the column
 * could not tell “nobody looked” apart from “checked, could not verify”. SQLite cannot relax a NOT NULL
 * constraint in place, so `claims` is rebuilt: copied with its rowids (the full-text index is keyed
 * by rowid, so it stays valid without a rebuild), dropped, renamed back, and every index and
 * trigger on it recreated exactly as migrations 1, 2 and 4 left them. No other table refers to
 * `claims` by foreign key.
 *
 * A claim whose verdict no person ever set (no `verdict` change, only the creation's default)
 * becomes null; every verdict a person set is kept, whatever its value. The merge reads an old
 * creation's 'unverified' the same way (store/entities.ts `creationValue`), so share files from
 * the previous version agree with this migration.
 *
 * `claim_counts` gains an 'unreviewed' row; its triggers count a null verdict under that key.
 */
export const migration006: Migration = {
  version: 6,
  name: 'not-reviewed',
  up: `
    CREATE TABLE claims_v6 (
      id TEXT PRIMARY KEY,
      document_id TEXT,
      ordinal REAL NOT NULL DEFAULT 0,
      text TEXT NOT NULL DEFAULT '',
      anchor TEXT,
      claimant TEXT,
      score REAL,
      reasons TEXT NOT NULL DEFAULT '[]',
      verdict TEXT CHECK (verdict IS NULL OR verdict IN ('sourced', 'disputed', 'unverified')),
      rationale TEXT NOT NULL DEFAULT '',
      assignee TEXT,
      tags TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO claims_v6 (rowid, id, document_id, ordinal, text, anchor, claimant, score, reasons, verdict, rationale,
                           assignee, tags, created_at, created_by, updated_at, updated_by, deleted)
      SELECT rowid, id, document_id, ordinal, text, anchor, claimant, score, reasons,
             CASE WHEN verdict = 'unverified' AND NOT EXISTS (
                    SELECT 1 FROM changes ch WHERE ch.entity = 'claim' AND ch.entity_id = claims.id AND ch.field = 'verdict')
                  THEN NULL ELSE verdict END,
             rationale, assignee, tags, created_at, created_by, updated_at, updated_by, deleted
      FROM claims;
    DROP TABLE claims;
    ALTER TABLE claims_v6 RENAME TO claims;

    CREATE INDEX claims_by_document ON claims (document_id, ordinal) WHERE deleted = 0;
    CREATE INDEX claims_by_verdict ON claims (verdict, document_id, ordinal) WHERE deleted = 0;
    CREATE INDEX claims_in_document_order ON claims (document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX claims_by_verdict_in_order ON claims (verdict, document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX claims_by_score ON claims (score IS NULL, score DESC, id) WHERE deleted = 0;
    CREATE INDEX claims_by_created ON claims (created_at DESC, id DESC) WHERE deleted = 0;
    CREATE INDEX claims_by_assignee ON claims (assignee, document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;
    CREATE INDEX claims_by_claimant ON claims (claimant COLLATE NOCASE, document_id IS NULL, document_id, ordinal, id) WHERE deleted = 0;

    CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims WHEN new.deleted = 0 BEGIN
      INSERT INTO claims_fts (rowid, text, claimant, rationale) VALUES (new.rowid, new.text, new.claimant, new.rationale);
    END;
    CREATE TRIGGER claims_fts_au AFTER UPDATE OF text, claimant, rationale, deleted ON claims BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, text, claimant, rationale) SELECT 'delete', old.rowid, old.text, old.claimant, old.rationale WHERE old.deleted = 0;
      INSERT INTO claims_fts (rowid, text, claimant, rationale) SELECT new.rowid, new.text, new.claimant, new.rationale WHERE new.deleted = 0;
    END;
    CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims WHEN old.deleted = 0 BEGIN
      INSERT INTO claims_fts (claims_fts, rowid, text, claimant, rationale)
        VALUES ('delete', old.rowid, old.text, old.claimant, old.rationale);
    END;

    CREATE TRIGGER claim_tags_ai AFTER INSERT ON claims WHEN new.deleted = 0 BEGIN
      INSERT OR IGNORE INTO claim_tags (tag, claim_id)
        SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
        WHERE type = 'text';
    END;
    CREATE TRIGGER claim_tags_au AFTER UPDATE OF tags, deleted ON claims BEGIN
      DELETE FROM claim_tags WHERE claim_id = old.id;
      INSERT OR IGNORE INTO claim_tags (tag, claim_id)
        SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
        WHERE type = 'text' AND new.deleted = 0;
    END;
    CREATE TRIGGER claim_tags_ad AFTER DELETE ON claims BEGIN
      DELETE FROM claim_tags WHERE claim_id = old.id;
    END;

    INSERT OR IGNORE INTO claim_counts (verdict, n) VALUES ('unreviewed', 0);
    UPDATE claim_counts SET n = (SELECT count(*) FROM claims
      WHERE deleted = 0 AND coalesce(verdict, 'unreviewed') = claim_counts.verdict);
    CREATE TRIGGER claim_counts_ai AFTER INSERT ON claims WHEN new.deleted = 0 BEGIN
      UPDATE claim_counts SET n = n + 1 WHERE verdict = coalesce(new.verdict, 'unreviewed');
    END;
    CREATE TRIGGER claim_counts_au AFTER UPDATE OF verdict, deleted ON claims BEGIN
      UPDATE claim_counts SET n = n - 1 WHERE verdict = coalesce(old.verdict, 'unreviewed') AND old.deleted = 0;
      UPDATE claim_counts SET n = n + 1 WHERE verdict = coalesce(new.verdict, 'unreviewed') AND new.deleted = 0;
    END;
    CREATE TRIGGER claim_counts_ad AFTER DELETE ON claims WHEN old.deleted = 0 BEGIN
      UPDATE claim_counts SET n = n - 1 WHERE verdict = coalesce(old.verdict, 'unreviewed');
    END;
  `,
};
