import type { Claim } from '../../../shared/domain';
import type { ClaimSort } from '../../../shared/evidence';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow } from '../claims/rows';
import type { DB } from '../store/open';
import { CLAIM_ORDER, claimConditions, type ClaimFilters } from './claim-filter';
import { cachedBetweenWrites, peekBetweenWrites } from './count-cache';
import { prepared } from '../store/statements';

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

/** The filters alone, as a cache key (the sort and the page do not change a count). */
function filterKey(input: ClaimListInput): string {
  const { documentId, verdict, query, claimant, assignee, tag, noSource } = input;
  return JSON.stringify([documentId, verdict, query?.trim(), claimant?.trim(), assignee, tag, noSource]);
}

/**
 * The total when a trigger-kept table answers it at once (migration 4): no filter or only a
 * verdict (claim_counts), or only a tag (claim_tags, which holds live claims only).
 */
function instantCount(db: DB, input: ClaimListInput): number | null {
  const { verdict, tag, ...rest } = input;
  if (hasFilter({ ...rest, verdict: undefined, tag: undefined })) return null;
  if (!tag) {
    const sql = verdict ? 'SELECT n FROM claim_counts WHERE verdict = ?' : 'SELECT coalesce(sum(n), 0) FROM claim_counts';
    return (
      (prepared(db, sql)
        .pluck()
        .get(...(verdict ? [verdict] : [])) as number | undefined) ?? 0
    );
  }
  if (verdict) return null;
  return prepared(db, 'SELECT count(*) FROM claim_tags WHERE tag = ?').pluck().get(tag.trim()) as number;
}

/**
 * Which plan is fast depends on how many claims match, so the count decides: few matches are
 * fetched through the filters' indexes and sorted; many are found by walking the sort index.
 * The count comes from the counters, from the cache (nothing written since it was counted) or
 * from a probe capped at `narrowLimit + 1`. Returns the chosen SQL and the total when known.
 */
export function planClaimList(
  db: DB,
  input: ClaimListInput,
  narrowLimit = NARROW_LIMIT,
): { sql: ReturnType<typeof claimListSql>; total: number | null } {
  const narrow = claimListSql(input);
  const known = instantCount(db, input) ?? peekBetweenWrites(db, filterKey(input)) ?? null;
  if (!hasFilter(input)) return { sql: narrow, total: known };
  if (known !== null) return { sql: known <= narrowLimit ? narrow : claimListSql(input, true), total: known };
  const probed = (prepared(db, narrow.probe).get(...narrow.params) as { n: number }).n;
  if (probed > narrowLimit) return { sql: claimListSql(input, true), total: null };
  // Below the probe's cap the probe counted every match; keep it for the next pages.
  return { sql: narrow, total: probed > NARROW_LIMIT ? null : cachedBetweenWrites(db, filterKey(input), () => probed) };
}

/** One page of the claim list plus the exact number of matching claims (the UI's "N of M"). */
export function listClaims(db: DB, input: ClaimListInput, narrowLimit = NARROW_LIMIT): { items: Claim[]; total: number } {
  const { sql, total } = planClaimList(db, input, narrowLimit);
  const items = (prepared(db, sql.page).all(...sql.params, input.limit ?? 200, input.offset ?? 0) as ClaimRow[]).map(
    claimFromRow,
  );
  return { items, total: total ?? countClaims(db, input) };
}

/**
 * The exact number of matching claims: from the counters when they can say, else counted
 * through the filters' indexes once per write and kept until the next one.
 */
export function countClaims(db: DB, input: ClaimListInput): number {
  return instantCount(db, input) ?? cachedBetweenWrites(db, filterKey(input), () => exactCount(db, input));
}

/** Counted now, always through the filters' indexes (no counters, no cache). */
export function exactCount(db: DB, input: ClaimListInput): number {
  const { count, params } = claimListSql(input);
  return (prepared(db, count).get(...params) as { n: number }).n;
}
