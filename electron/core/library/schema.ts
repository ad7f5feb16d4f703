/**
 * The library file (`*.claimbench-library`): published fact-checks, one row per review URL, with the analysed
 * terms that the FTS5 index ranks. Its own application_id and version line, separate from workspaces.
 */

import { reRateHalfTrue, reRateMostlyTrue } from './rating-fixes';

/** 'CBLB': marks a SQLite file as a Claimbench fact-check library. */
export const LIBRARY_APPLICATION_ID = 0x43424c42;
export const LIBRARY_EXTENSION = '.claimbench-library';

export interface LibraryMigration {
  version: number;
  up: string;
}

export const LIBRARY_MIGRATIONS: readonly LibraryMigration[] = [
  {
    version: 1,
    up: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  claim_reviewed TEXT NOT NULL,
  headline TEXT NOT NULL DEFAULT '',
  rating_text TEXT NOT NULL DEFAULT '',
  verdict TEXT NOT NULL CHECK (verdict IN ('false', 'misleading', 'mixed', 'true', 'unproven', 'unrated')),
  publisher TEXT NOT NULL DEFAULT '',
  date_published TEXT,
  language TEXT NOT NULL,
  claimant TEXT NOT NULL DEFAULT '',
  claim_terms TEXT NOT NULL,
  headline_terms TEXT NOT NULL,
  imported_at TEXT NOT NULL
) STRICT;
-- The columns hold terms the analyser already stemmed and normalised; '.' keeps "1.5" one token.
CREATE VIRTUAL TABLE reviews_fts USING fts5(
  claim_terms, headline_terms, content = 'reviews', content_rowid = 'id',
  tokenize = "unicode61 remove_diacritics 0 tokenchars '.'"
);
CREATE VIRTUAL TABLE reviews_vocab USING fts5vocab(reviews_fts, 'row');
CREATE TRIGGER reviews_ai AFTER INSERT ON reviews BEGIN
  INSERT INTO reviews_fts (rowid, claim_terms, headline_terms) VALUES (new.id, new.claim_terms, new.headline_terms);
END;
CREATE TRIGGER reviews_ad AFTER DELETE ON reviews BEGIN
  INSERT INTO reviews_fts (reviews_fts, rowid, claim_terms, headline_terms) VALUES ('delete', old.id, old.claim_terms, old.headline_terms);
END;
CREATE TRIGGER reviews_au AFTER UPDATE OF claim_terms, headline_terms ON reviews BEGIN
  INSERT INTO reviews_fts (reviews_fts, rowid, claim_terms, headline_terms) VALUES ('delete', old.id, old.claim_terms, old.headline_terms);
  INSERT INTO reviews_fts (rowid, claim_terms, headline_terms) VALUES (new.id, new.claim_terms, new.headline_terms);
END;
`,
  },
  { version: 2, up: reRateMostlyTrue('reviews') },
  { version: 3, up: reRateHalfTrue('reviews') },
];

export const LIBRARY_SCHEMA_VERSION = LIBRARY_MIGRATIONS[LIBRARY_MIGRATIONS.length - 1]!.version;
