import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import { MIGRATIONS } from '../../../electron/core/store/migrations/index';
import { openDatabase } from '../../../electron/core/store/sqlite';
import { isDeclaredTable, LOCAL_TABLES, OTHER_TABLES } from '../../../electron/core/store/tables';
import { SYNC_SUFFIX } from '../../../electron/core/team/sync-file';
import { ChangeRejected, validateChangeRow } from '../../../electron/core/team/validate-change';
import { shareContentHash } from '../../../electron/core/team/write-share';
import { ENTITY_REGISTRY, ROW_BOOKKEEPING_COLUMNS, type EntityDecl } from '../../../shared/entities/registry';
import { DATA_KINDS, LOGGED_KINDS } from '../../../shared/touched';
import { tempDir } from '../../helpers/workspace';
import { malloryChange, snapshot, teammates, type TestContext } from './team-helpers';

const teammate = teammates();

function freshSchema() {
  const db = openDatabase(':memory:');
  for (const m of MIGRATIONS) db.exec(m.up);
  return db;
}

describe('the entity registry declares every stored table and field', () => {
  it('every table of a fresh workspace is an entity table or listed with its role, and every listed one exists', () => {
    const db = freshSchema();
    try {
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
      expect(tables.filter((t) => !isDeclaredTable(t))).toEqual([]);
      const declared = [...Object.values(ENTITY_REGISTRY).map((e) => e.table), ...Object.keys(OTHER_TABLES)];
      expect(declared.filter((t) => !tables.includes(t))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('each entity table has exactly its declared fields’ columns plus the bookkeeping columns', () => {
    const db = freshSchema();
    try {
      for (const spec of Object.values(ENTITY_REGISTRY as Record<string, EntityDecl>)) {
        const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(spec.table) as string[];
        const declared = [...ROW_BOOKKEEPING_COLUMNS, ...Object.values(spec.fields).map((f) => f.column)];
        expect([...columns].sort(), spec.table).toEqual([...declared].sort());
      }
    } finally {
      db.close();
    }
  });

  it('the kinds the renderer refreshes after a logged change are exactly the registry’s entities', () => {
    expect([...LOGGED_KINDS].sort()).toEqual(Object.keys(ENTITY_REGISTRY).sort());
    expect(DATA_KINDS.slice(0, LOGGED_KINDS.length)).toEqual([...LOGGED_KINDS]);
  });

  it('a local table is never an entity table: what a share file leaves out is not part of the log', () => {
    const entityTables = new Set(Object.values(ENTITY_REGISTRY).map((e) => e.table));
    expect(LOCAL_TABLES.filter((t) => entityTables.has(t))).toEqual([]);
    expect(LOCAL_TABLES).toEqual(expect.arrayContaining(['view_state', 'session_items', 'change_origins', 'merge_origins']));
  });

  it('every JSON field refuses a number where its declaration says what it holds', () => {
    for (const [entity, spec] of Object.entries(ENTITY_REGISTRY as Record<string, EntityDecl>)) {
      for (const [field, f] of Object.entries(spec.fields)) {
        if (f.kind !== 'json' || (entity === 'setting' && field === 'value')) continue;
        const row = malloryChange(entity, field, '5');
        expect(() => validateChangeRow(row), `${entity}.${field}`).toThrow(ChangeRejected);
        expect(() => validateChangeRow(row)).toThrow(new RegExp(`${entity} x1 ${field} by Mallory: ${field}`));
      }
    }
  });
});

const SPEECH = 'Unemployment fell to 4.2 percent in March, the minister said. Exports grew by 12 percent last year.';

/** Byte-for-byte state of a workspace file and its journal, and every table's row count. */
function fileState(ctx: TestContext): { bytes: string; counts: Record<string, number> } {
  const hash = createHash('sha256');
  for (const f of [ctx.file, `${ctx.file}-wal`]) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  const counts: Record<string, number> = {};
  const tables = ctx.workspace.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
  for (const t of tables) counts[t] = ctx.workspace.db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
  return { bytes: hash.digest('hex'), counts };
}

describe('a teammate’s wrong-typed value is refused whole, naming entity, field and person', () => {
  it('share file with reasons: 5 — merge and preview refused, the workspace file byte-identical', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    const doc = await call(ana, 'documents.createFromText', { text: SPEECH, title: 'Speech' });
    const claimId = (await call(ana, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
    await call(ana, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced' });
    const file = (await call(ana, 'team.share', { target: path.join(dir, 'ana.claimbench-share') })).path;
    const db = new Database(file);
    let contentHash: string;
    try {
      const create = db
        .prepare("SELECT hlc, value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = '$create'")
        .get(claimId) as { hlc: string; value: string };
      const fields = { ...(JSON.parse(create.value) as Record<string, unknown>), reasons: 5 };
      db.prepare('UPDATE changes SET value = ? WHERE hlc = ?').run(JSON.stringify(fields), create.hlc);
      contentHash = shareContentHash(db);
      db.prepare("UPDATE share_meta SET value = ? WHERE key = 'content_hash'").run(contentHash);
    } finally {
      db.close();
    }

    const ben = teammate(dir, 'Ben');
    await call(ben, 'claims.add', { text: 'Ben was here first' });
    const before = fileState(ben);
    for (const [op, input] of [
      ['team.mergePreview', { path: file }],
      ['team.merge', { path: file, expectHash: contentHash }],
    ] as const) {
      const r = await invoke(ben, op, input);
      expect(r.ok, op).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain(`claim ${claimId} $create by Ana`);
      expect(r.error.message).toMatch(/reasons/);
      expect(r.error.message).toMatch(/Nothing was changed/);
    }
    expect(fileState(ben)).toEqual(before);
  });

  it('sync file with tags: 5 — that file is skipped whole with the reason, nothing of it merged', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'team');
    fs.mkdirSync(folder);
    const ana = teammate(dir, 'Ana');
    const ben = teammate(dir, 'Ben');
    for (const p of [ana, ben]) await call(p, 'team.sync.link', { folder });
    await call(ana, 'claims.add', { text: 'Exports grew by 12 percent last year.' });
    await call(ana, 'claims.add', { text: 'The new bridge cost 3 billion euros.' });
    await call(ana, 'team.sync.now', {});

    // Ana's file, one line rewritten to carry tags: 5, its checksum made to fit: only the value is wrong.
    const anaFile = path.join(folder, `${ana.identity.get().actorId}${SYNC_SUFFIX}`);
    const lines = fs.readFileSync(anaFile, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('\\"field\\":\\"$create\\"') && l.includes('\\"entity\\":\\"claim\\"'));
    expect(at).toBeGreaterThan(0);
    const row = JSON.parse((JSON.parse(lines[at]!) as { c: string }).c) as Record<string, unknown>;
    row.value = JSON.stringify({ ...(JSON.parse(row.value as string) as Record<string, unknown>), tags: 5 });
    const body = JSON.stringify(row);
    lines[at] = JSON.stringify({ s: createHash('sha256').update(body).digest('hex').slice(0, 16), c: body });
    fs.writeFileSync(anaFile, lines.join('\n'));

    const before = snapshot(ben.workspace.db);
    const counts = fileState(ben).counts;
    const r = await call(ben, 'team.sync.now', {});
    expect(r.imported).toBe(0);
    const problem = r.peers.find((p) => p.file === anaFile)?.problem ?? '';
    expect(problem).toContain(`claim ${String(row.entity_id)} $create by Ana`);
    expect(problem).toMatch(/tags/);
    const after = snapshot(ben.workspace.db);
    for (const table of Object.values(ENTITY_REGISTRY).map((e) => e.table)) expect(after[table], table).toEqual(before[table]);
    expect(after.changes).toEqual(before.changes);
    const nowCounts = fileState(ben).counts;
    for (const table of Object.keys(counts).filter((t) => t !== 'meta')) expect(nowCounts[table], table).toBe(counts[table]);
  });
});
