import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { applyPragmas, migrate } from '../../../electron/core/store/open';
import { applyChangeRows } from '../../../electron/core/team/apply';
import type { ChangeRow } from '../../../electron/core/store/change-row';
import { tempDir } from '../../helpers/workspace';
import { person } from '../team/team-helpers';

const ACTOR = 'ab'.repeat(8);
const hlc = (s: number) => `2026-01-01T00:00:${String(s).padStart(2, '0')}.000Z-0000-${'1'.repeat(16)}`;

/**
 * A version-5 workspace as the previous release wrote it: every claim created 'unverified', a
 * verdict change only where a person chose one.
 */
function writeVersion5(file: string): void {
  const old = new Database(file);
  applyPragmas(old);
  migrate(old, 0, 5);
  const change = old.prepare(
    "INSERT INTO changes (hlc, entity, entity_id, field, value, actor_id, author, supersedes) VALUES (?, 'claim', ?, ?, ?, ?, 'Ana', ?)",
  );
  const claim = old.prepare(
    `INSERT INTO claims (id, text, verdict, tags, deleted, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, 'Ana', ?, 'Ana')`,
  );
  const t = (s: number) => hlc(s).slice(0, 24);
  const create = (s: number, id: string, text: string, tags: string[] = []) =>
    change.run(hlc(s), id, '$create', JSON.stringify({ text, verdict: 'unverified', tags }), ACTOR, '[]');
  // Never touched: the default 'unverified' is no decision.
  create(1, 'untouched', 'Drone strikes rose by 40 percent in May', ['economy']);
  claim.run('untouched', 'Drone strikes rose by 40 percent in May', 'unverified', '["economy"]', 0, t(1), t(1));
  // Sourced by a person.
  create(2, 'sourced', 'The ministry reported 157 drones');
  change.run(hlc(3), 'sourced', 'verdict', '"sourced"', ACTOR, '[]');
  claim.run('sourced', 'The ministry reported 157 drones', 'sourced', '[]', 0, t(2), t(3));
  // Sourced, then set back to Unverified by a person: a decision, kept.
  create(4, 'decided-unverified', 'Seven missiles were launched');
  change.run(hlc(5), 'decided-unverified', 'verdict', '"sourced"', ACTOR, '[]');
  // The app recorded each change as superseding the field's previous one.
  change.run(hlc(6), 'decided-unverified', 'verdict', '"unverified"', ACTOR, JSON.stringify([hlc(5)]));
  claim.run('decided-unverified', 'Seven missiles were launched', 'unverified', '[]', 0, t(4), t(6));
  // Deleted and never reviewed.
  create(7, 'deleted', 'Gone claim about 12 percent');
  change.run(hlc(8), 'deleted', 'deleted', 'true', ACTOR, '[]');
  claim.run('deleted', 'Gone claim about 12 percent', 'unverified', '[]', 1, t(7), t(8));
  old.exec(
    'INSERT INTO claims_fts (rowid, text, claimant, rationale) SELECT rowid, text, claimant, rationale FROM claims WHERE deleted = 0',
  );
  old.exec('UPDATE claim_counts SET n = (SELECT count(*) FROM claims WHERE deleted = 0 AND verdict = claim_counts.verdict)');
  old.exec("INSERT OR IGNORE INTO claim_tags (tag, claim_id) VALUES ('economy', 'untouched')");
  old.close();
}

describe('migration 006 (not reviewed)', () => {
  it('turns claims nobody decided into Not reviewed and keeps every verdict a person set', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ana.claimbench');
    writeVersion5(file);
    const ana = person(dir, 'Ana');
    try {
      const db = ana.workspace.db;
      const verdicts = Object.fromEntries(
        (db.prepare('SELECT id, verdict FROM claims ORDER BY id').all() as { id: string; verdict: string | null }[]).map((r) => [
          r.id,
          r.verdict,
        ]),
      );
      expect(verdicts).toEqual({ untouched: null, sourced: 'sourced', 'decided-unverified': 'unverified', deleted: null });

      // The counters, the full-text index and the tag table survived the rebuild.
      expect(await call(ana, 'stats.get', {})).toEqual({
        total: 3,
        reviewed: 2,
        unreviewed: 1,
        sourced: 1,
        disputed: 0,
        unverified: 1,
      });
      expect((await call(ana, 'claims.list', { verdict: 'unreviewed' })).items.map((c) => c.id)).toEqual(['untouched']);
      expect((await call(ana, 'claims.list', { verdict: 'unreviewed' })).total).toBe(1);
      expect((await call(ana, 'claims.list', { query: 'missiles' })).items.map((c) => c.id)).toEqual(['decided-unverified']);
      expect((await call(ana, 'claims.list', { tag: 'economy' })).items.map((c) => c.id)).toEqual(['untouched']);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);

      // The triggers were recreated: a first decision moves the counters and the index follows edits.
      await call(ana, 'claims.setVerdict', { ids: ['untouched'], verdict: 'unverified' });
      expect(await call(ana, 'stats.get', {})).toMatchObject({ reviewed: 3, unreviewed: 0, unverified: 2 });
      await call(ana, 'claims.update', { id: 'sourced', patch: { text: 'The ministry reported 160 drones' } });
      expect((await call(ana, 'claims.list', { query: '160' })).items.map((c) => c.id)).toEqual(['sourced']);
      expect((await call(ana, 'claims.list', { query: '157' })).total).toBe(0);

      // History reads the old default as no verdict: the first decision goes from nothing to Unverified.
      const history = await call(ana, 'claims.history', { id: 'untouched' });
      expect(history.filter((h) => h.field === 'verdict').map((h) => [h.from, h.to])).toEqual([[null, 'unverified']]);
    } finally {
      ana.workspace.close();
    }
  });

  it('merges a share file from the previous version the way the migration reads it', () => {
    const dir = tempDir();
    const ben = person(dir, 'Ben');
    try {
      const row = (s: number, id: string, field: string, value: unknown): ChangeRow => ({
        hlc: hlc(s),
        entity: 'claim',
        entity_id: id,
        field,
        value: JSON.stringify(value),
        actor_id: ACTOR,
        author: 'Ana',
        action_id: null,
        action_label: null,
        supersedes: '[]',
        signature: null,
      });
      const old = (s: number, id: string) => row(s, id, '$create', { text: `Claim ${id}`, verdict: 'unverified', tags: [] });
      ben.workspace.db.transaction(() =>
        applyChangeRows(ben.workspace.db, [
          old(1, 'a'),
          old(2, 'b'),
          row(3, 'b', 'verdict', 'unverified'),
          old(4, 'c'),
          row(5, 'c', 'verdict', 'disputed'),
        ]),
      )();
      const verdict = ben.workspace.db.prepare('SELECT verdict FROM claims WHERE id = ?').pluck();
      expect([verdict.get('a'), verdict.get('b'), verdict.get('c')]).toEqual([null, 'unverified', 'disputed']);
      const counts = ben.workspace.db.prepare('SELECT verdict, n FROM claim_counts ORDER BY verdict').all();
      expect(counts).toEqual([
        { verdict: 'disputed', n: 1 },
        { verdict: 'sourced', n: 0 },
        { verdict: 'unreviewed', n: 1 },
        { verdict: 'unverified', n: 1 },
      ]);
    } finally {
      ben.workspace.close();
    }
  });
});
