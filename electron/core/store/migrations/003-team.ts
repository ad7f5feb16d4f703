import type { Migration } from './types';

/**
 * Team merge: causal context on every change and the open-conflict index.
 *
 * `changes.supersedes` is a JSON array of the HLCs of the changes to the same field that the
 * writer had as current "heads" when writing (the changes it knowingly replaced). The clock alone
 * cannot tell whether a writer had seen a teammate's change; this can. A field's heads are its
 * changes that no other change supersedes; two or more heads with different values are a
 * concurrent clash. Changes recorded before this migration were made in one file without merges,
 * so each simply superseded the previous change to its field, which is what the backfill writes.
 *
 * `conflicts` is derived from the log (recomputed after every merge and every write to a
 * conflict-tracked field); it only makes "is this claim conflicted" an index lookup.
 */
export const migration003: Migration = {
  version: 3,
  name: 'team',
  up: `
    ALTER TABLE changes ADD COLUMN supersedes TEXT NOT NULL DEFAULT '[]';
    UPDATE changes SET supersedes = coalesce(
      (SELECT json_array(p.hlc) FROM changes p
        WHERE p.entity = changes.entity AND p.entity_id = changes.entity_id AND p.field = changes.field AND p.hlc < changes.hlc
        ORDER BY p.hlc DESC LIMIT 1),
      '[]')
    WHERE field <> '$create';
    CREATE INDEX changes_by_actor ON changes (actor_id, hlc);

    CREATE TABLE conflicts (
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      PRIMARY KEY (entity, entity_id, field)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX conflicts_by_id ON conflicts (entity_id);
  `,
};
