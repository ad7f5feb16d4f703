import type { Claim } from '../../../shared/domain';
import type { ClaimSort } from '../../../shared/evidence';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow } from '../claims/rows';
import type { DB } from '../store/open';
import { CLAIM_ORDER, claimConditions, type ClaimFilters } from './claim-filter';

export interface ClaimListInput extends ClaimFilters {
  sort?: ClaimSort;
  offset?: number;
  limit?: number;
}

export function claimListSql(input: ClaimListInput): { page: string; count: string; params: unknown[] } {
  const { parts, params } = claimConditions(input);
  const where = parts.join(' AND ');
  return {
    page: `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE ${where} ORDER BY ${CLAIM_ORDER[input.sort ?? 'document']} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) AS n FROM claims c WHERE ${where}`,
    params,
  };
}

/** One page of the claim list plus the exact number of matching claims (the UI's "N of M"). */
export function listClaims(db: DB, input: ClaimListInput): { items: Claim[]; total: number } {
  const { page, count, params } = claimListSql(input);
  const items = (db.prepare(page).all(...params, input.limit ?? 200, input.offset ?? 0) as ClaimRow[]).map(claimFromRow);
  const total = (db.prepare(count).get(...params) as { n: number }).n;
  return { items, total };
}
