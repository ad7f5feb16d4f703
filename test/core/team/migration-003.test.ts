import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { applyPragmas, migrate } from '../../../electron/core/store/open';
import { fieldHeads } from '../../../electron/core/store/causal';
import { tempDir } from '../../helpers/workspace';
import { person } from './team-helpers';

describe('migration 003 (team)', () => {
  it('gives a version-2 log its causal links: each change superseded the one before it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'ana.claimbench');
    const old = new Database(file);
    applyPragmas(old);
    migrate(old, 0, 2);
    const insert = old.prepare(
      'INSERT INTO changes (hlc, entity, entity_id, field, value, actor_id, author) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const actor = 'ab'.repeat(8);
    const hlc = (s: number) => `2026-01-01T00:00:0${s}.000Z-0000-${'1'.repeat(16)}`;
    insert.run(hlc(1), 'claim', 'c1', '$create', JSON.stringify({ text: 'Old claim', verdict: 'unverified' }), actor, 'Ana');
    insert.run(hlc(2), 'claim', 'c1', 'verdict', '"sourced"', actor, 'Ana');
    insert.run(hlc(3), 'claim', 'c1', 'verdict', '"disputed"', actor, 'Ana');
    old
      .prepare(
        "INSERT INTO claims (id, text, verdict, created_at, created_by, updated_at, updated_by) VALUES ('c1', 'Old claim', 'disputed', ?, 'Ana', ?, 'Ana')",
      )
      .run(hlc(1).slice(0, 24), hlc(3).slice(0, 24));
    old.close();

    const ana = person(dir, 'Ana');
    try {
      const rows = ana.workspace.db.prepare('SELECT hlc, supersedes FROM changes ORDER BY hlc').all();
      expect(rows).toEqual([
        { hlc: hlc(1), supersedes: '[]' },
        { hlc: hlc(2), supersedes: '[]' },
        { hlc: hlc(3), supersedes: JSON.stringify([hlc(2)]) },
      ]);
      expect(fieldHeads(ana.workspace.db, 'claim', 'c1', 'verdict').map((h) => h.hlc)).toEqual([hlc(3)]);
      expect(await call(ana, 'conflicts.list', {})).toEqual([]);
      await call(ana, 'claims.setVerdict', { ids: ['c1'], verdict: 'sourced' });
      const latest = ana.workspace.db.prepare('SELECT supersedes FROM changes ORDER BY hlc DESC LIMIT 1').pluck().get();
      expect(latest).toBe(JSON.stringify([hlc(3)]));
    } finally {
      ana.workspace.close();
    }
  });
});
