import { afterEach } from 'vitest';
import path from 'node:path';
import type { CoreContext } from '../../../electron/core/context';
import { ENTITIES, type EntitySpec } from '../../../electron/core/store/entities';
import type { DB } from '../../../electron/core/store/open';
import { CHANGE_COLUMNS, type ChangeRow } from '../../../electron/core/store/change-row';
import { mergeChanges } from '../../../electron/core/team/merge';
import { createTestContext } from '../../helpers/workspace';

export type TestContext = CoreContext & { dir: string; file: string };

export function person(dir: string, name: string): TestContext {
  return createTestContext(name, path.join(dir, `${name.toLowerCase().replace(/\W+/g, '-')}.claimbench`));
}

/** A `teammate(dir, name)` opener for a test file: everyone it opens is closed after each test. */
export function teammates(): (dir: string, name: string) => TestContext {
  const open: TestContext[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) c.workspace.close();
  });
  return (dir, name) => {
    const ctx = person(dir, name);
    open.push(ctx);
    return ctx;
  };
}

export function changeRows(db: DB): ChangeRow[] {
  return db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[];
}

/** The author keys a share file of `db` would carry. */
export function pinnedKeys(db: DB): Map<string, string[]> {
  const rows = db.prepare('SELECT actor_id, public_key FROM actor_keys').all() as { actor_id: string; public_key: string }[];
  const keys = new Map<string, string[]>();
  for (const r of rows) keys.set(r.actor_id, [...(keys.get(r.actor_id) ?? []), r.public_key]);
  return keys;
}

/** Merge `from`'s whole log into `to` directly (no share file): the teammates' exchanges in a model run. */
export function exchange(from: TestContext, to: TestContext): void {
  const blobs = from.workspace.db.prepare('SELECT sha256, size, bytes FROM blobs').all() as {
    sha256: string;
    size: number;
    bytes: Buffer;
  }[];
  mergeChanges(
    to.workspace,
    { file: from.file, rows: changeRows(from.workspace.db), blobs, keys: pinnedKeys(from.workspace.db) },
    true,
  );
}

/**
 * Everything a workspace holds that a merge must agree on: the log, every entity table's rows,
 * open conflicts, attachment blobs and the people. Local-only details (actors.first_seen,
 * view state, rowids) are left out.
 */
export function snapshot(db: DB): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = { changes: changeRows(db) };
  for (const spec of Object.values(ENTITIES as Record<string, EntitySpec>)) {
    const cols = [
      'id',
      ...Object.values(spec.fields).map((f) => f.column),
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
    ];
    out[spec.table] = db.prepare(`SELECT ${cols.join(', ')} FROM ${spec.table} ORDER BY id`).all();
  }
  out.conflicts = db.prepare('SELECT entity, entity_id, field FROM conflicts ORDER BY entity, entity_id, field').all();
  out.blobs = db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all();
  out.actors = db.prepare('SELECT actor_id, name FROM actors ORDER BY actor_id').all();
  out.actor_keys = db.prepare('SELECT actor_id, public_key FROM actor_keys ORDER BY actor_id, public_key').all();
  return out;
}

/** One change row from teammate Mallory, as a share or sync file would carry it, for the change validator. */
export function malloryChange(entity: string, field: string, value: string | null) {
  return {
    hlc: '2026-01-05T10:00:00.000Z-0000-00000000000000aa',
    entity,
    entity_id: 'x1',
    field,
    value,
    actor_id: '00000000000000aa',
    author: 'Mallory',
    action_id: null,
    action_label: null,
    supersedes: '[]',
    signature: null,
  };
}
