import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../../electron/core/store/apply-changes';
import type { DB } from '../../../electron/core/store/open';
import { mergeChanges } from '../../../electron/core/team/merge';
import { tempDir } from '../../helpers/workspace';
import { changeRows, person, pinnedKeys, snapshot, teammates, type TestContext } from './team-helpers';

const open = teammates();

/** New claims per person: more than one multi-row statement carries and than one fold query reads. */
const NEW_CLAIMS = 700;
const BASE_CLAIMS = 300;
const WORDS = ['inflation', 'harvest', 'pension', 'turbine', 'glacier', 'tariff', 'vaccine', 'subsidy'];

function claimText(i: number): string {
  return `Claim ${i} says the ${WORDS[i % WORDS.length]} figure rose by ${i % 97} percent in ${2000 + (i % 24)}.`;
}

/** Concurrent work on a shared base: verdicts, rationales, tags, deletions, new claims with evidence. */
function work(ctx: TestContext, baseIds: string[], seed: number): void {
  ctx.workspace.recorder.action('work', (w) => {
    baseIds.forEach((id, i) => {
      if (i % 3 === 0) w.set('claim', id, 'verdict', (['sourced', 'disputed', 'unverified'] as const)[(i + seed) % 3]);
      if (i % 4 === seed) w.set('claim', id, 'rationale', `${WORDS[(i + seed) % WORDS.length]} checked by person ${seed}`);
      if (i % 5 === 0) w.set('claim', id, 'tags', [`t${(i + seed) % 7}`, 'shared']);
      if (i % 41 === seed) w.set('claim', id, 'deleted', true);
    });
    for (let i = 0; i < NEW_CLAIMS; i++) {
      const claimId = randomUUID();
      const n = seed * 10_000 + i;
      w.create('claim', claimId, { text: claimText(n), ordinal: n, score: 0.1 + n / 7, tags: [`new${n % 3}`] });
      if (i % 10 === 0)
        w.create('source', randomUUID(), {
          claimId,
          title: `${WORDS[n % WORDS.length]} report ${n}`,
          url: `https://example.org/${n}`,
        });
      if (i % 15 === 0)
        w.create('note', randomUUID(), { claimId, text: `Asked the ${WORDS[(n + 3) % WORDS.length]} office about ${n}` });
    }
  });
}

/** What search, lists and counts read besides the entity tables: search results, tags, counts. */
function derived(db: DB): Record<string, unknown> {
  const search = (table: string, fts: string, term: string) =>
    db
      .prepare(`SELECT t.id FROM ${fts} f JOIN ${table} t ON t.rowid = f.rowid WHERE ${fts} MATCH ? ORDER BY t.id`)
      .pluck()
      .all(term);
  const out: Record<string, unknown> = {};
  for (const term of [...WORDS, 'checked', 'person', 'percent', 'report', 'office']) {
    out[`claims:${term}`] = search('claims', 'claims_fts', term);
    out[`sources:${term}`] = search('sources', 'sources_fts', term);
    out[`notes:${term}`] = search('notes', 'notes_fts', term);
  }
  out.tags = db.prepare('SELECT tag, claim_id FROM claim_tags ORDER BY tag, claim_id').all();
  out.counts = db.prepare('SELECT verdict, n FROM claim_counts ORDER BY verdict').all();
  return out;
}

/** FTS5's own check that each external-content index holds exactly its table's live rows. */
function ftsIntact(db: DB): void {
  for (const fts of ['claims_fts', 'sources_fts', 'notes_fts'])
    db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run();
}

describe('a large merge writes its rows in batches with the same outcome as one change at a time', () => {
  it('leaves the same tables, search results, tags, counts and conflicts as applying row by row', () => {
    const dir = tempDir();
    const ana = open(dir, 'Ana');
    const ben = open(dir, 'Ben');
    const baseIds = Array.from({ length: BASE_CLAIMS }, () => randomUUID());
    ana.workspace.recorder.action('base', (w) =>
      baseIds.forEach((id, i) => w.create('claim', id, { text: claimText(i), ordinal: i, score: i / 3 })),
    );
    mergeChanges(
      ben.workspace,
      { file: ana.file, rows: changeRows(ana.workspace.db), blobs: [], keys: pinnedKeys(ana.workspace.db) },
      true,
    );
    work(ana, baseIds, 1);
    work(ben, baseIds, 2);
    const incoming = changeRows(ben.workspace.db);

    // Two copies of Ana's workspace: one merges Ben's log in one go, the other takes it one change per apply.
    ana.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    const copies = ['batched', 'row-by-row'].map((name) => {
      fs.copyFileSync(ana.file, path.join(dir, `${name}.claimbench`));
      return open(dir, name);
    });
    const [batched, rowByRow] = copies as [TestContext, TestContext];
    const merged = mergeChanges(
      batched.workspace,
      { file: ben.file, rows: incoming, blobs: [], keys: pinnedKeys(ben.workspace.db) },
      true,
    );
    expect(merged.newChanges).toBeGreaterThan(NEW_CLAIMS);
    expect(merged.conflictCount).toBeGreaterThan(10);
    rowByRow.workspace.db.transaction(() => {
      for (const row of incoming) applyChanges(rowByRow.workspace.db, [row]);
    })();

    const { actor_keys: _keys, ...batchedState } = snapshot(batched.workspace.db);
    const { actor_keys: _keys2, ...rowState } = snapshot(rowByRow.workspace.db);
    expect(batchedState).toEqual(rowState);
    expect(derived(batched.workspace.db)).toEqual(derived(rowByRow.workspace.db));
    // The comparison is not vacuous: the merge brought searchable claims, evidence, tags and deletions.
    const d = derived(batched.workspace.db);
    expect((d['claims:harvest'] as string[]).length).toBeGreaterThan(NEW_CLAIMS / WORDS.length);
    expect((d['sources:report'] as string[]).length).toBeGreaterThan(NEW_CLAIMS / 10 - 2);
    expect((d['notes:office'] as string[]).length).toBeGreaterThan(NEW_CLAIMS / 15 - 2);
    expect(batched.workspace.db.prepare('SELECT count(*) FROM claims WHERE deleted = 1').pluck().get()).toBeGreaterThan(5);
    ftsIntact(batched.workspace.db);
    ftsIntact(rowByRow.workspace.db);
  });

  it('a batch that fails part-way leaves nothing queued for the next apply', () => {
    const dir = tempDir();
    const ana = person(dir, 'Ana');
    const ben = open(dir, 'Ben');
    ben.workspace.recorder.action('new', (w) => {
      for (let i = 0; i < 300; i++) w.create('claim', randomUUID(), { text: claimText(i), ordinal: i });
    });
    const rows = changeRows(ben.workspace.db);
    // A verdict outside the column's CHECK makes the batched write fail after rows were queued.
    const bad = { ...rows[rows.length - 1]!, hlc: rows[rows.length - 1]!.hlc.replace(/.$/, (c) => (c === '0' ? '1' : '0')) };
    bad.field = 'verdict';
    bad.value = JSON.stringify('maybe');
    const db = ana.workspace.db;
    expect(() => db.transaction(() => applyChanges(db, [...rows, bad]))()).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    db.transaction(() => applyChanges(db, rows.slice(0, 1)))();
    expect(db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(1);
    ana.workspace.close();
  });
});
