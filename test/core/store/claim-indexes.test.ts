import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { claimListSql } from '../../../electron/core/search/claim-list';
import type { DB } from '../../../electron/core/store/open';
import { queryPlan } from '../../helpers/query-plan';
import { createTestContext } from '../../helpers/workspace';

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext('Ann');
});
afterEach(() => ctx.workspace.close());

const claimIndexes = (db: DB) =>
  db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'claims' AND sql IS NOT NULL ORDER BY name")
    .pluck()
    .all();

/** Every statement the workspace's connection prepares while `run` runs, with a value for each parameter. */
async function statementsOf(db: DB, run: () => Promise<unknown>): Promise<{ sql: string; params: string[] }[]> {
  const seen: { sql: string; params: string[] }[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    seen.push({ sql, params: Array.from(sql.matchAll(/\?/g), () => 'x') });
    return prepare(sql);
  }) as DB['prepare'];
  try {
    await run();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}

describe('the claims indexes', () => {
  it('keep one index per list order and filter', () => {
    expect(claimIndexes(ctx.workspace.db)).toEqual([
      'claims_by_assignee',
      'claims_by_claimant',
      'claims_by_created',
      'claims_by_score',
      'claims_by_verdict_in_order',
      'claims_in_document_order',
    ]);
  });

  it('each serve a first page of the list they are for, without sorting', () => {
    const db = ctx.workspace.db;
    // One document's claims are few: they are found by the document and sorted (search/claim-list.ts).
    const cases: { input: Parameters<typeof claimListSql>[0]; index: string; sorts?: true }[] = [
      { input: {}, index: 'claims_in_document_order' },
      { input: { documentId: 'd1' }, index: 'claims_in_document_order', sorts: true },
      { input: { sort: 'score' }, index: 'claims_by_score' },
      { input: { sort: 'date' }, index: 'claims_by_created' },
      { input: { verdict: 'unreviewed' }, index: 'claims_by_verdict_in_order' },
      { input: { verdict: 'disputed', documentId: 'd1' }, index: 'claims_by_verdict_in_order', sorts: true },
      { input: { assignee: 'Bob' }, index: 'claims_by_assignee' },
      { input: { claimant: 'Jane' }, index: 'claims_by_claimant' },
    ];
    for (const { input, index, sorts } of cases) {
      const { page, params } = claimListSql(input);
      const plan = queryPlan(db, page, [...params, 50, 0]).join('\n');
      // A filter searches its index; a sort alone walks its index in order.
      const way = Object.keys(input).some((k) => k !== 'sort') ? 'SEARCH' : 'SCAN';
      expect(plan, JSON.stringify(input)).toMatch(new RegExp(`${way} c USING (COVERING )?INDEX ${index}\\b`));
      if (!sorts) expect(plan, JSON.stringify(input)).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("find one document's claims by searching an index, wherever they are read", async () => {
    const db = ctx.workspace.db;
    // Written directly: spotting claims in an imported text is not what this is about.
    const documentId = 'd1';
    const text = 'The mayor said 4,000 homes were built in 2023. Critics claimed that only 1,200 were finished.';
    ctx.workspace.recorder.action('seed', (w) => {
      w.create('document', documentId, { title: 'Homes', text });
      w.create('claim', 'c1', { documentId, ordinal: 1, text: text.slice(0, 46), claimant: 'The mayor' });
      w.create('claim', 'c2', { documentId, ordinal: 2, text: text.slice(47) });
    });
    const statements = await statementsOf(db, async () => {
      await call(ctx, 'claims.list', { documentId, limit: 1 });
      await call(ctx, 'claims.list', { documentId, verdict: 'unreviewed' });
      await call(ctx, 'stats.get', { documentId });
      await call(ctx, 'claims.claimants', { documentId });
      await call(ctx, 'claims.renameClaimant', { from: 'Nobody', to: 'Someone', documentId });
      await call(ctx, 'claims.add', { documentId, text: 'A claim added by hand.' });
      await call(ctx, 'documents.list', {});
      await call(ctx, 'documents.get', { id: documentId });
      await call(ctx, 'ingest.sentences', { documentId });
      await call(ctx, 'sessions.start', { scope: { documentIds: [documentId] } });
      await call(ctx, 'report.preview', { options: { scope: { documentIds: [documentId] } } });
      await call(ctx, 'documents.deletionImpact', { id: documentId });
      await call(ctx, 'documents.delete', { id: documentId });
    });
    // Statements that pick claims by their document (the claims table as c, k or itself).
    const byDocument = statements.filter(
      ({ sql }) =>
        /\b(?:FROM|JOIN) claims\b/.test(sql) &&
        /(?:\bc\.|\bk\.|\s)document_id (?:= |IN \(|IS \?)/.test(sql) &&
        !/\+c\.document_id/.test(sql),
    );
    expect(byDocument.length).toBeGreaterThanOrEqual(12);
    for (const { sql, params } of byDocument) {
      const plan = queryPlan(db, sql, params).join('\n');
      expect(plan, sql).toMatch(/SEARCH (?:c|k|claims) USING (?:COVERING )?INDEX claims_\w+ \([^)]*document_id[=>]/);
      expect(plan, sql).not.toMatch(/SCAN (?:c|k|claims)\b/);
    }
  });
});
