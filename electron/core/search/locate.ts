import type { ClaimSort } from '../../../shared/evidence';
import type { DB } from '../store/open';
import { CLAIM_ORDER, claimConditions, type ClaimFilters } from './claim-filter';
import { prepared } from '../store/statements';

/**
 * The position of one claim in the list the filters and sort give, or null when it is not listed.
 * One pass over the matches (row_number over the sort order): fine for a click or a restart,
 * not meant for every render.
 */
export function locateClaim(db: DB, id: string, filters: ClaimFilters, sort: ClaimSort = 'document'): number | null {
  const { parts, params } = claimConditions(filters);
  const sql = `SELECT idx FROM (SELECT c.id AS id, row_number() OVER (ORDER BY ${CLAIM_ORDER[sort]}) - 1 AS idx
    FROM claims c WHERE ${parts.join(' AND ')}) WHERE id = ?`;
  const row = prepared(db, sql).get(...params, id) as { idx: number } | undefined;
  return row ? row.idx : null;
}
