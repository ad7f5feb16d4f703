import type { Migration } from './types';

/**
 * Where merged changes came from, so a claim's history can say "from Ben's share file, merged by
 * Mara on 6 Dec". A change row keeps its author (the person who made it); these tables add what
 * only the receiving workspace knows: which file brought it, whose file that was, and who merged
 * it when. One `merge_origins` row per share file merged, or per peer file in a folder sync round;
 * `change_origins` maps each change that arrived that way to it (changes made here have none).
 *
 * Local to this copy, like `view_state`: not in the change log, and stripped from share files.
 */
export const migration007: Migration = {
  version: 7,
  name: 'merge-origins',
  up: `
    CREATE TABLE merge_origins (
      id INTEGER PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('share', 'sync')),
      file TEXT NOT NULL,
      from_actor_id TEXT,
      from_name TEXT,
      merged_by TEXT NOT NULL,
      merged_by_actor_id TEXT NOT NULL,
      merged_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE change_origins (
      hlc TEXT PRIMARY KEY,
      origin_id INTEGER NOT NULL REFERENCES merge_origins (id)
    ) STRICT, WITHOUT ROWID;
  `,
};

/** Tables no share file carries (child first, for deletion order). */
export const LOCAL_MERGE_TABLES = ['change_origins', 'merge_origins'] as const;
