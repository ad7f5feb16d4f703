import type { Claim } from '../../../shared/domain';
import type { ClaimSort } from '../../../shared/evidence';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow } from '../claims/rows';
import type { DB } from '../store/open';
import { CLAIM_ORDER, claimConditions, type ClaimFilters } from './claim-filter';
import { prepared } from './statements';

export interface ClaimListInput extends ClaimFilters {
  sort?: ClaimSort;
  offset?: number;
  limit?: number;
}

/** Up to this many matches, the filters' own indexes find them and they are sorted in memory. */
export const NARROW_LIMIT = 5_000;

export function claimListSql(
  input: ClaimListInput,
  orderDriven = false,
): { page: string; count: string; probe: string; params: unknown[] } {
  const { parts, params } = claimConditions(input, orderDriven);
  const where = parts.join(' AND ');
  return {
    page: `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE ${where} ORDER BY ${CLAIM_ORDER[input.sort ?? 'document']} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) AS n FROM claims c WHERE ${where}`,
    probe: `SELECT count(*) AS n FROM (SELECT 1 FROM claims c WHERE ${where} LIMIT ${NARROW_LIMIT + 1})`,
    params,
  };
}

function hasFilter(input: ClaimListInput): boolean {
  return !!(
    input.documentId ||
    input.verdict ||
    input.query?.trim() ||
    input.claimant?.trim() ||
    input.assignee !== undefined ||
    input.tag ||
    input.noSource
  );
}

/**
 * Which plan is fast depends on how many claims match, so a capped count decides: few matches
 * are fetched through the filters' indexes and sorted; many are found by walking the sort index.
 * Returns the chosen SQL and, when the probe already counted every match, the total.
 */
export function planClaimList(
  db: DB,
  input: ClaimListInput,
  narrowLimit = NARROW_LIMIT,
): { sql: ReturnType<typeof claimListSql>; total: number | null } {
  const narrow = claimListSql(input);
  if (!hasFilter(input)) return { sql: narrow, total: null };
  const probed = (prepared(db, narrow.probe).get(...narrow.params) as { n: number }).n;
  return probed <= narrowLimit ? { sql: narrow, total: probed } : { sql: claimListSql(input, true), total: null };
}

/** One page of the claim list plus the exact number of matching claims (the UI's "N of M"). */
export function listClaims(db: DB, input: ClaimListInput, narrowLimit = NARROW_LIMIT): { items: Claim[]; total: number } {
  const { sql, total } = planClaimList(db, input, narrowLimit);
  const items = (prepared(db, sql.page).all(...sql.params, input.limit ?? 200, input.offset ?? 0) as ClaimRow[]).map(
    claimFromRow,
  );
  return { items, total: total ?? countClaims(db, input) };
}

/** The exact number of matching claims, always through the filters' indexes. */
export function countClaims(db: DB, input: ClaimListInput): number {
  const { count, params } = claimListSql(input);
  return (prepared(db, count).get(...params) as { n: number }).n;
}
