import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../helpers/workspace';
import { queryPlan } from '../../helpers/query-plan';

/** The lookups the apply path, history and activity make on the change log, as they are written in the code. */
const LOOKUPS: { name: string; sql: string; params: unknown[] }[] = [
  {
    name: "a field's changes (causal heads)",
    sql: 'SELECT hlc, supersedes, value FROM changes WHERE entity = ? AND entity_id = ? AND field = ?',
    params: ['claim', 'c1', 'verdict'],
  },
  {
    name: "a field's value before a time (activity)",
    sql: 'SELECT hlc, value FROM changes WHERE entity = ? AND entity_id = ? AND field = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1',
    params: ['claim', 'c1', 'verdict', 'z'],
  },
  {
    name: "some entities' whole logs (refold)",
    sql:
      'SELECT entity_id, field, hlc, value FROM changes ' +
      'WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ORDER BY entity_id, field, hlc',
    params: ['claim', '["c1","c2"]'],
  },
  {
    name: 'whether a claim was spotted by its document’s import (re-applying the threshold)',
    sql:
      "SELECT 1 FROM changes k WHERE k.entity = 'claim' AND k.entity_id = ? AND k.field = '$create' AND k.action_id = " +
      "(SELECT d.action_id FROM changes d WHERE d.entity = 'document' AND d.entity_id = ? AND d.field = '$create' LIMIT 1)",
    params: ['c1', 'd1'],
  },
  {
    name: 'the activity of a claim and its evidence',
    sql: 'SELECT hlc FROM changes WHERE entity_id IN (SELECT value FROM json_each(?)) AND hlc < ? ORDER BY hlc DESC LIMIT ?',
    params: ['["c1","s1"]', 'z', 20],
  },
];

describe('the change log has one index over its entities', () => {
  it('serves every per-entity lookup from it, never by scanning the log', () => {
    const ctx = createTestContext();
    const db = ctx.workspace.db;
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'changes' AND sql IS NOT NULL ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual(['changes_by_actor', 'changes_by_entity_field']);
    for (const lookup of LOOKUPS) {
      const plan = queryPlan(db, lookup.sql, lookup.params).join('\n');
      // (The change log may be aliased, as k and d, in a query.)
      expect(plan, lookup.name).toMatch(/SEARCH (?:changes|k|d) USING (COVERING )?INDEX changes_by_entity_field/);
      expect(plan, lookup.name).not.toMatch(/SCAN (?:changes|k|d)\b/);
    }
    ctx.workspace.close();
  });
});
