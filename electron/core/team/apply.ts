import type { Statement } from 'better-sqlite3';
import { sniffKind, storeBlob } from '../evidence/attachments';
import { CREATE_FIELD, ENTITIES, creationValue, type EntitySpec, toColumn } from '../store/entities';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { isConflictField, refreshConflict } from './causal';
import { CHANGE_COLUMNS, CHANGE_PLACEHOLDERS, changeParams, sameChange, type ChangeRow } from './change-row';
import { ChangeRejected } from './validate-change';

export interface BlobRow {
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface ApplyOutcome {
  /** Rows this workspace did not have before. */
  inserted: ChangeRow[];
  known: number;
  maxHlc: string | null;
}

interface FoldRow {
  hlc: string;
  field: string;
  value: string | null;
  author: string;
}

const key = (entity: string, id: string) => `${entity}\u0000${id}`;

class Materialiser {
  private readonly writes = new Map<string, Statement>();
  private readonly fold: Statement;

  constructor(private readonly db: DB) {
    this.fold = db.prepare('SELECT hlc, field, value, author FROM changes WHERE entity = ? AND entity_id = ? ORDER BY hlc');
  }

  private write(key: string, sql: () => string): Statement {
    let s = this.writes.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.writes.set(key, s);
    }
    return s;
  }

  /**
   * Rebuild one entity's row from its whole change log: the creation's values as the base, then
   * each field's greatest-HLC change. Only columns whose value actually moves are written, so
   * search-index and tag triggers fire for real changes only. An entity whose creation has not
   * arrived yet (possible with shared-folder sync) keeps its changes in the log and appears once
   * the creation does.
   */
  entity(entity: string, id: string): void {
    const spec = (ENTITIES as Record<string, EntitySpec>)[entity]!;
    const rows = this.fold.all(entity, id) as FoldRow[];
    const base = new Map<string, unknown>();
    const latest = new Map<string, unknown>();
    let created: FoldRow | null = null;
    for (const r of rows) {
      const value = r.value === null ? null : (JSON.parse(r.value) as unknown);
      if (r.field === CREATE_FIELD) {
        created ??= r;
        for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>))
          base.set(name, creationValue(entity, name, v));
      } else {
        latest.set(r.field, value);
      }
    }
    if (!created) return;
    const last = rows[rows.length - 1]!;
    const target = new Map<string, unknown>();
    for (const [name, f] of Object.entries(spec.fields)) {
      if (latest.has(name)) target.set(f.column, toColumn(f.kind, latest.get(name)));
      else if (base.has(name)) target.set(f.column, toColumn(f.kind, base.get(name)));
    }
    target.set('created_at', hlcTime(created.hlc));
    target.set('created_by', created.author);
    target.set('updated_at', hlcTime(last.hlc));
    target.set('updated_by', last.author);

    const columns = [...target.keys()];
    const current = this.write(`row:${entity}`, () => `SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as
      Record<string, unknown> | undefined;
    if (!current) {
      this.write(
        `insert:${entity}:${columns.join(',')}`,
        () => `INSERT INTO ${spec.table} (id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
      ).run(id, ...target.values());
      return;
    }
    const changed = columns.filter((c) => current[c] !== target.get(c));
    if (changed.length === 0) return;
    this.write(
      `update:${entity}:${changed.join(',')}`,
      () => `UPDATE ${spec.table} SET ${changed.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
    ).run(...changed.map((c) => target.get(c)), id);
  }
}

/**
 * The merge itself: the union of the change logs, then recompute what the new rows touch.
 * Must run inside the caller's transaction. A row whose clock timestamp is already here with
 * different content is refused: the timestamp is a change's identity, so two different changes
 * sharing one would make the outcome depend on merge order.
 */
export function applyChangeRows(db: DB, rows: Iterable<ChangeRow>, blobs: Iterable<BlobRow> = []): ApplyOutcome {
  const insert = db.prepare(`INSERT OR IGNORE INTO changes (${CHANGE_COLUMNS}) VALUES (${CHANGE_PLACEHOLDERS})`);
  const existing = db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE hlc = ?`);
  const inserted: ChangeRow[] = [];
  const touched = new Map<string, [string, string]>();
  const conflictFields = new Map<string, [string, string, string]>();
  let known = 0;
  let maxHlc: string | null = null;

  for (const r of rows) {
    if (maxHlc === null || r.hlc > maxHlc) maxHlc = r.hlc;
    if (insert.run(...changeParams(r)).changes === 0) {
      const here = existing.get(r.hlc) as ChangeRow;
      if (!sameChange(here, r)) {
        throw new ChangeRejected(`two different changes carry the same clock timestamp ${r.hlc}`);
      }
      known++;
      continue;
    }
    inserted.push(r);
    touched.set(key(r.entity, r.entity_id), [r.entity, r.entity_id]);
    if (isConflictField(r.entity, r.field)) {
      conflictFields.set(`${key(r.entity, r.entity_id)}\u0000${r.field}`, [r.entity, r.entity_id, r.field]);
    }
  }

  // The kind decides whether the bytes may be opened, so it is sniffed here, never taken from the sender.
  for (const b of blobs) storeBlob(db, b.sha256, b.bytes, sniffKind(b.bytes));

  const materialise = new Materialiser(db);
  for (const [entity, id] of touched.values()) materialise.entity(entity, id);
  for (const [entity, id, field] of conflictFields.values()) refreshConflict(db, entity, id, field);
  refreshActors(db, new Set(inserted.map((r) => r.actor_id)));
  return { inserted, known, maxHlc };
}

/** An actor's display name is the one on their latest change, whatever order files were merged in. */
function refreshActors(db: DB, actorIds: Set<string>): void {
  const latest = db.prepare('SELECT author, hlc FROM changes WHERE actor_id = ? ORDER BY hlc DESC LIMIT 1');
  const first = db.prepare('SELECT hlc FROM changes WHERE actor_id = ? ORDER BY hlc LIMIT 1').pluck();
  const upsert = db.prepare(
    'INSERT INTO actors (actor_id, name, first_seen) VALUES (?, ?, ?) ON CONFLICT(actor_id) DO UPDATE SET name = excluded.name',
  );
  for (const actorId of actorIds) {
    const l = latest.get(actorId) as { author: string; hlc: string };
    upsert.run(actorId, l.author, hlcTime(first.get(actorId) as string));
  }
}
