import type { Migration } from './types';

/**
 * Cheap totals for the claim list ("N of M"), which every verdict change reloads.
 *
 * `claim_counts` holds the number of live claims per verdict, kept by triggers on `claims`, so
 * the unfiltered and verdict-only totals are a lookup instead of a count over a million rows.
 * Triggers rather than recorder code because a merge writes the entity tables directly.
 *
 * `claim_tags` now holds live claims only (migration 2 kept tombstoned claims' tags), so a
 * tag-only total is a count over one index range with no join back to `claims`.
 */
export const migration004: Migration = {
  version: 4,
  name: 'list-counts',
  up: `
    CREATE TABLE claim_counts (
      verdict TEXT PRIMARY KEY,
      n INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO claim_counts (verdict, n) VALUES ('sourced', 0), ('disputed', 0), ('unverified', 0);
    UPDATE claim_counts SET n = (SELECT count(*) FROM claims WHERE deleted = 0 AND verdict = claim_counts.verdict);
    CREATE TRIGGER claim_counts_ai AFTER INSERT ON claims WHEN new.deleted = 0 BEGIN
      UPDATE claim_counts SET n = n + 1 WHERE verdict = new.verdict;
    END;
    CREATE TRIGGER claim_counts_au AFTER UPDATE OF verdict, deleted ON claims BEGIN
      UPDATE claim_counts SET n = n - 1 WHERE verdict = old.verdict AND old.deleted = 0;
      UPDATE claim_counts SET n = n + 1 WHERE verdict = new.verdict AND new.deleted = 0;
    END;
    CREATE TRIGGER claim_counts_ad AFTER DELETE ON claims WHEN old.deleted = 0 BEGIN
      UPDATE claim_counts SET n = n - 1 WHERE verdict = old.verdict;
    END;

    DROP TRIGGER claim_tags_ai;
    DROP TRIGGER claim_tags_au;
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
    DELETE FROM claim_tags WHERE claim_id IN (SELECT id FROM claims WHERE deleted <> 0)
      OR claim_id NOT IN (SELECT id FROM claims);
  `,
};
