import type { DB } from '../../electron/core/store/open';

/** The EXPLAIN QUERY PLAN lines of a statement, for asserting which indexes it uses. */
export function queryPlan(db: DB, sql: string, params: unknown[]): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}
