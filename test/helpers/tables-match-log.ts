import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { applyChangeRows, type BlobRow } from '../../electron/core/team/apply';
import { CHANGE_COLUMNS, type ChangeRow } from '../../electron/core/store/change-row';
import { ENTITIES, type EntitySpec } from '../../electron/core/store/entities';
import type { DB } from '../../electron/core/store/open';
import { Workspace } from '../../electron/core/store/workspace';
import { tempDir } from './workspace';

/** Every entity table's rows, by id, restricted to the columns the change log decides. */
function materialised(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const spec of Object.values(ENTITIES as Record<string, EntitySpec>)) {
    const columns = ['id', ...Object.values(spec.fields).map((f) => f.column)];
    out[spec.table] = db
      .prepare(`SELECT ${columns.join(', ')} FROM ${spec.table} ORDER BY id`)
      .raw()
      .all();
  }
  out.conflicts = db.prepare('SELECT entity, entity_id, field FROM conflicts ORDER BY 1, 2, 3').raw().all();
  return out;
}

const REPLAYER = { actorId: '0000000000000000', author: 'Replay' };
let template: Buffer | null = null;

/**
 * An empty current-version workspace in memory: the bytes of a file the real Workspace.open created
 * (migrating is the slow part), made once per process. The replay needs the schema and the pragma that
 * changes what a write does (foreign keys); the file's journal and sync settings change no row.
 */
function emptyWorkspace(open: typeof Workspace.open): DB {
  if (!template) {
    const dir = tempDir('claimbench-replay-template-');
    const file = path.join(dir, 'empty.claimbench');
    open(file, () => REPLAYER, { create: true }).close();
    // An in-memory copy cannot keep the file's write-ahead log mode.
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    template = db.serialize();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const db = new Database(template);
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * Throw unless the workspace's tables equal what replaying its whole `changes` log into an empty
 * workspace produces: the proof that no write reached a table without its change row, or the reverse.
 * `open` is Workspace.open unless the caller wraps it (the per-test check passes the unwrapped one).
 */
export function assertTablesMatchLog(ws: Workspace, open: typeof Workspace.open = Workspace.open.bind(Workspace)): void {
  const scratch = emptyWorkspace(open);
  try {
    const rows = ws.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[];
    const blobs = ws.db.prepare('SELECT sha256, size, bytes FROM blobs').all() as BlobRow[];
    scratch.transaction(() => applyChangeRows(scratch, rows, blobs))();
    const actual = materialised(ws.db);
    const expected = materialised(scratch);
    for (const table of Object.keys(expected)) {
      const a = JSON.stringify(actual[table]);
      const e = JSON.stringify(expected[table]);
      if (a !== e) {
        throw new Error(
          `${table} in ${path.basename(ws.path)} differs from a replay of the change log (${actual[table]!.length} vs ${expected[table]!.length} rows)${firstDifference(actual[table]!, expected[table]!)}`,
        );
      }
    }
  } finally {
    scratch.close();
  }
}

function firstDifference(actual: unknown[], expected: unknown[]): string {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = JSON.stringify(actual[i]);
    const e = JSON.stringify(expected[i]);
    if (a !== e) return `: table has ${a?.slice(0, 300)}, replay has ${e?.slice(0, 300)}`;
  }
  return '';
}
