import type { Migration } from './types';

/**
 * The claims of a document are found through the indexes in document order alone.
 * `claims_by_document` (document_id, ordinal) and `claims_by_verdict` (verdict, document_id,
 * ordinal) repeated the leading columns of `claims_in_document_order` and
 * `claims_by_verdict_in_order`, which add only `document_id IS NULL` before the document and the id
 * after the ordinal; every claim created or merged paid two more b-tree inserts for them, and every
 * verdict change one more. A query picks one document's claims with `claims/of-document.ts`, which
 * states `document_id IS NULL` so SQLite searches the wider index by document (and gets the claims
 * in ordinal and id order from it, with no sort).
 *
 * A claim created without tags (most are: spotted, added or merged) no longer runs the tags
 * trigger's JSON walk, which found nothing in '[]'.
 */
export const migration017: Migration = {
  version: 17,
  name: 'cheaper-claim-writes',
  up: `
    DROP INDEX claims_by_document;
    DROP INDEX claims_by_verdict;

    DROP TRIGGER claim_tags_ai;
    CREATE TRIGGER claim_tags_ai AFTER INSERT ON claims WHEN new.deleted = 0 AND new.tags <> '[]' BEGIN
      INSERT OR IGNORE INTO claim_tags (tag, claim_id)
        SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
        WHERE type = 'text';
    END;
  `,
};
