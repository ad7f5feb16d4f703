import type { ClaimSort } from '../../../shared/evidence';
import type { DB } from '../store/open';
import { CLAIM_ORDER, claimConditions, type ClaimFilters } from './claim-filter';
import { prepared } from '../store/statements';

/** Where a claim sits in a list: its own row, or (not listed) the listed claim nearest to where it would sit. */
export interface ClaimPlace {
  index: number | null;
  listed: boolean;
}

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

/**
 * Like locateClaim, but a claim the filters leave out gives the listed claim that follows it in the
 * sort order (the last listed one when none follows): the checker's place when a filter drops the
 * claim they were on. The claim is ranked among the listed ones as if it were listed, so the
 * count of listed claims before it is that neighbour's index. Null when nothing is listed or the
 * claim does not exist.
 */
export function placeOfClaim(db: DB, id: string, filters: ClaimFilters, sort: ClaimSort = 'document'): ClaimPlace {
  const listed = locateClaim(db, id, filters, sort);
  if (listed !== null) return { index: listed, listed: true };
  const { parts, params } = claimConditions(filters);
  const sql = `SELECT idx, others FROM (SELECT c.id AS id, row_number() OVER (ORDER BY ${CLAIM_ORDER[sort]}) - 1 AS idx,
    count(*) OVER () - 1 AS others FROM claims c WHERE (${parts.join(' AND ')}) OR c.id = ?) WHERE id = ?`;
  const row = prepared(db, sql).get(...params, id, id) as { idx: number; others: number } | undefined;
  if (!row || row.others === 0) return { index: null, listed: false };
  return { index: Math.min(row.idx, row.others - 1), listed: false };
}
