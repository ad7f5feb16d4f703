import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { exactCount } from '../../../electron/core/search/claim-list';
import type { Verdict } from '../../../shared/domain';
import { exchange, person, type TestContext } from '../team/team-helpers';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { skipTablesCheck } from '../../helpers/check-tables';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext('Ann');
});
afterEach(() => ctx.workspace.close());

const total = async (c: TestContext, input: object) => (await call(c, 'claims.list', { limit: 1, ...input })).total;
const add = async (text: string) => (await call(ctx, 'claims.add', { text })).id;

/** Every filter whose total comes from counters, the tag table or the cache, against a fresh count. */
const FILTERS: object[] = [
  {},
  { verdict: 'sourced' },
  { verdict: 'disputed' },
  { verdict: 'unverified' },
  { verdict: 'unreviewed' },
  { tag: 'economy' },
  { noSource: true },
  { noSource: true, verdict: 'unreviewed' },
  { query: 'exports' },
  { tag: 'economy', verdict: 'disputed' },
];

async function expectTotalsExact(c: TestContext): Promise<void> {
  for (const f of FILTERS) {
    expect(await total(c, f), JSON.stringify(f)).toBe(exactCount(c.workspace.db, f));
  }
}

describe('claims.list totals', () => {
  it('stay exact through adds, verdicts, tags, sources, deletes and undo', async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await add(`Exports grew ${i} percent.`));
    await expectTotalsExact(ctx);
    expect(await total(ctx, {})).toBe(6);

    await call(ctx, 'claims.setVerdict', { ids: ids.slice(0, 2), verdict: 'disputed' });
    await call(ctx, 'claims.tag', { ids: ids.slice(1, 4), add: ['economy'] });
    const source = await call(ctx, 'sources.add', { claimId: ids[4]!, url: 'https://example.org/a' });
    await expectTotalsExact(ctx);
    expect(await total(ctx, { noSource: true })).toBe(5);
    expect(await total(ctx, { tag: 'economy', verdict: 'disputed' })).toBe(1);

    await call(ctx, 'claims.delete', { ids: [ids[1]!, ids[2]!] });
    await expectTotalsExact(ctx);
    expect(await total(ctx, { tag: 'economy' })).toBe(1);
    expect(await total(ctx, { verdict: 'disputed' })).toBe(1);

    await call(ctx, 'edit.undo', {});
    await expectTotalsExact(ctx);
    expect(await total(ctx, { tag: 'economy' })).toBe(3);

    await call(ctx, 'sources.delete', { id: source.id });
    await expectTotalsExact(ctx);
    expect(await total(ctx, { noSource: true })).toBe(6);
  });

  it('see writes made by another connection to the same file', async () => {
    const a = await add('Exports grew 4 percent.');
    await add('Exports fell.');
    expect(await total(ctx, { noSource: true, verdict: 'unreviewed' })).toBe(2);
    expect(await total(ctx, { query: 'exports' })).toBe(2);
    // Another program's writes bypass the change log on purpose: the tables no longer replay it.
    skipTablesCheck(ctx.workspace);
    const other = new Database(ctx.file);
    try {
      other.prepare("UPDATE claims SET verdict = 'sourced' WHERE id = ?").run(a);
      other.prepare("UPDATE claims SET text = 'Imports fell.' WHERE id <> ?").run(a);
    } finally {
      other.close();
    }
    expect(await total(ctx, { noSource: true, verdict: 'unreviewed' })).toBe(1);
    expect(await total(ctx, { verdict: 'sourced' })).toBe(1);
    expect(await total(ctx, { query: 'exports' })).toBe(1);
    await expectTotalsExact(ctx);
  });

  it('stay exact after a merge writes the tables directly', async () => {
    const dir = tempDir();
    const ben = person(dir, 'Ben');
    const cleo = person(dir, 'Cleo');
    try {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await call(ben, 'claims.add', { text: `Exports rose ${i}.` })).id);
      await call(ben, 'claims.tag', { ids: ids.slice(0, 2), add: ['economy'] });
      expect(await total(cleo, { noSource: true })).toBe(0);
      exchange(ben, cleo);
      expect(await total(cleo, {})).toBe(4);
      expect(await total(cleo, { noSource: true })).toBe(4);
      await call(ben, 'claims.setVerdict', { ids: [ids[0]!], verdict: 'disputed' as Verdict });
      await call(ben, 'claims.delete', { ids: [ids[1]!] });
      exchange(ben, cleo);
      expect(await total(cleo, { verdict: 'disputed' })).toBe(1);
      expect(await total(cleo, { tag: 'economy' })).toBe(1);
      await expectTotalsExact(cleo);
    } finally {
      ben.workspace.close();
      cleo.workspace.close();
    }
  });

  it('come from trigger-kept tables that hold live claims only', async () => {
    const ids = [await add('Exports grew.'), await add('Exports fell.')];
    await call(ctx, 'claims.tag', { ids, add: ['economy'] });
    await call(ctx, 'claims.delete', { ids: [ids[0]!] });
    const db = ctx.workspace.db;
    // The triggers are tested by writing the table directly, outside the change log.
    skipTablesCheck(ctx.workspace);
    expect(db.prepare("SELECT claim_id FROM claim_tags WHERE tag = 'economy'").pluck().all()).toEqual([ids[1]]);
    expect(db.prepare("SELECT n FROM claim_counts WHERE verdict = 'unreviewed'").pluck().get()).toBe(1);
    db.prepare('DELETE FROM claims WHERE id = ?').run(ids[1]);
    expect(db.prepare('SELECT count(*) FROM claim_tags').pluck().get()).toBe(0);
    expect(db.prepare('SELECT sum(n) FROM claim_counts').pluck().get()).toBe(0);
  });
});
