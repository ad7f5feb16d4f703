import type { Migration } from './types';

/**
 * Checking sessions and live capture.
 *
 * `check_sessions` and `transcript_chunks` are entities: they go through the change log, so a
 * session's start, pauses and end (with its summary) are in the workspace history and reach
 * teammates by merge. A live transcript's text is the concatenation of its chunks in `seq` order
 * (each chunk's `prefix` is the separator or speaker label before it); chunks are immutable, so a
 * three-hour transcript costs its own size in the log instead of a growing copy per chunk, and
 * each chunk costs the same to store at the end of a debate as at its start: the transcript's
 * `documents.text` stays empty, its text is assembled from the chunks when read
 * (electron/core/capture/transcript-text.ts), and `transcript_fts` indexes the chunks for search.
 *
 * The rest is local to one person's copy, like `view_state`: not in the change log, not merged,
 * stripped from share files.
 * - `session_items`: the queue (which claims, in what state, time spent on each). The sort keys
 *   are copied in so the queue is read in order through one index.
 * - `session_cursor`: the claim the checker is on, since when, and when the app was last seen
 *   working on the session (a session left active by a killed app is paused at that moment).
 * - `capture_state`: how far the transcript has been segmented, its length, and a window of its
 *   end (`window_text` from offset `window_start`: the open tail plus a little closed text before
 *   it for anchor context), so capturing a chunk never reads the whole transcript.
 * - `capture_sentences`: every sentence the capture has closed, scored, for the capture feed.
 * - `capture_drafts`: what is typed in the capture box, saved on every keystroke.
 * - `capture_inputs`: how many bytes of each transcript file the CLI has consumed, committed with
 *   the chunks made from them, so a killed capture resumes exactly where it stopped.
 */
export const migration005: Migration = {
  version: 5,
  name: 'sessions',
  up: `
    CREATE TABLE check_sessions (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL DEFAULT '',
      scope TEXT,
      status TEXT NOT NULL DEFAULT 'active',
      owner TEXT NOT NULL DEFAULT '',
      started_at TEXT,
      ended_at TEXT,
      elapsed_ms REAL NOT NULL DEFAULT 0,
      resumed_at TEXT,
      capture_document_id TEXT,
      summary TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE transcript_chunks (
      id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL DEFAULT '',
      seq INTEGER NOT NULL DEFAULT 0,
      speaker TEXT,
      prefix TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL DEFAULT '',
      captured_at TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX transcript_chunks_by_document ON transcript_chunks (document_id, seq);
    CREATE VIRTUAL TABLE transcript_fts USING fts5(
      text,
      content = 'transcript_chunks', content_rowid = 'rowid',
      tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER transcript_fts_ai AFTER INSERT ON transcript_chunks WHEN new.deleted = 0 BEGIN
      INSERT INTO transcript_fts (rowid, text) VALUES (new.rowid, new.text);
    END;
    CREATE TRIGGER transcript_fts_au AFTER UPDATE OF text, deleted ON transcript_chunks BEGIN
      INSERT INTO transcript_fts (transcript_fts, rowid, text) SELECT 'delete', old.rowid, old.text WHERE old.deleted = 0;
      INSERT INTO transcript_fts (rowid, text) SELECT new.rowid, new.text WHERE new.deleted = 0;
    END;
    CREATE TRIGGER transcript_fts_ad AFTER DELETE ON transcript_chunks WHEN old.deleted = 0 BEGIN
      INSERT INTO transcript_fts (transcript_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    END;

    CREATE TABLE session_items (
      session_id TEXT NOT NULL,
      claim_id TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'skipped', 'later')),
      rank_score REAL NOT NULL,
      doc_rank TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      added_at TEXT NOT NULL,
      decided_at TEXT,
      verdict TEXT,
      time_ms REAL NOT NULL DEFAULT 0,
      speaker TEXT,
      captured_at TEXT,
      PRIMARY KEY (session_id, claim_id)
    ) STRICT;
    CREATE INDEX session_items_order ON session_items (session_id, rank_score DESC, doc_rank, ordinal, claim_id);
    CREATE INDEX session_items_by_state ON session_items (session_id, state, rank_score DESC, doc_rank, ordinal, claim_id);

    CREATE TABLE session_cursor (
      session_id TEXT PRIMARY KEY,
      claim_id TEXT,
      since TEXT,
      last_seen TEXT NOT NULL
    ) STRICT;

    CREATE TABLE capture_state (
      document_id TEXT PRIMARY KEY,
      segmented_to INTEGER NOT NULL DEFAULT 0,
      last_speaker TEXT,
      text_length INTEGER NOT NULL DEFAULT 0,
      window_start INTEGER NOT NULL DEFAULT 0,
      window_text TEXT NOT NULL DEFAULT ''
    ) STRICT;

    CREATE TABLE capture_sentences (
      document_id TEXT NOT NULL,
      start INTEGER NOT NULL,
      end INTEGER NOT NULL,
      text TEXT NOT NULL,
      score REAL NOT NULL,
      check_worthy INTEGER NOT NULL,
      speaker TEXT,
      captured_at TEXT NOT NULL,
      claim_id TEXT,
      by_hand INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (document_id, start)
    ) STRICT;

    CREATE TABLE capture_drafts (
      session_id TEXT PRIMARY KEY,
      text TEXT NOT NULL,
      speaker TEXT NOT NULL,
      saved_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE capture_inputs (
      session_id TEXT NOT NULL,
      source TEXT NOT NULL,
      consumed INTEGER NOT NULL,
      PRIMARY KEY (session_id, source)
    ) STRICT;
  `,
};

/** Tables that belong to one person's copy only; a share file leaves them out. */
export const LOCAL_SESSION_TABLES = [
  'session_items',
  'session_cursor',
  'capture_state',
  'capture_sentences',
  'capture_drafts',
  'capture_inputs',
] as const;
