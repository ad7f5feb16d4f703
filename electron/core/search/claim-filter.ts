import type { ClaimSort } from '../../../shared/evidence';
import { NOT_REVIEWED } from '../../../shared/domain';
import type { ClaimFilters } from '../../../shared/evidence-api';
import { toFtsQuery } from './fts-query';
import { ofDocument } from '../claims/of-document';

export type { ClaimFilters };

/**
 * SQL conditions on claims (alias `c`) for the list's filters; every filter has an index behind it.
 * `orderDriven` writes them so SQLite cannot use those indexes (the unary `+`, EXISTS instead of
 * IN) and must walk the sort order's index, testing each row: the fast plan when the filters
 * match many claims, since the first page is then found after a few hundred rows.
 */
export function claimConditions(f: ClaimFilters, orderDriven = false): { parts: string[]; params: unknown[] } {
  const p = orderDriven ? '+' : '';
  const parts = ['c.deleted = 0'];
  const params: unknown[] = [];
  if (f.documentId) {
    parts.push(orderDriven ? '+c.document_id = ?' : ofDocument('c.document_id'));
    params.push(f.documentId);
  }
  if (f.verdict === NOT_REVIEWED) parts.push(`${p}c.verdict IS NULL`);
  else if (f.verdict) {
    parts.push(`${p}c.verdict = ?`);
    params.push(f.verdict);
  }
  const fts = f.query ? toFtsQuery(f.query) : null;
  if (fts) {
    parts.push(`${p}c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`);
    params.push(fts);
  }
  if (f.claimant?.trim()) {
    parts.push(`${p}c.claimant = ? COLLATE NOCASE`);
    params.push(f.claimant.trim());
  }
  if (f.assignee === null) parts.push(`${p}c.assignee IS NULL`);
  else if (f.assignee?.trim()) {
    parts.push(`${p}c.assignee = ?`);
    params.push(f.assignee.trim());
  }
  if (f.tag) {
    parts.push(
      orderDriven
        ? 'EXISTS (SELECT 1 FROM claim_tags t WHERE t.tag = ? AND t.claim_id = c.id)'
        : 'c.id IN (SELECT claim_id FROM claim_tags WHERE tag = ?)',
    );
    params.push(f.tag.trim());
  }
  if (f.noSource) parts.push('NOT EXISTS (SELECT 1 FROM sources s WHERE s.claim_id = c.id AND s.deleted = 0)');
  return { parts, params };
}

/** ORDER BY clauses written to match the expression indexes of migration 2 exactly. */
export const CLAIM_ORDER: Record<ClaimSort, string> = {
  document: 'c.document_id IS NULL, c.document_id, c.ordinal, c.id',
  score: 'c.score IS NULL, c.score DESC, c.id',
  date: 'c.created_at DESC, c.id DESC',
};
