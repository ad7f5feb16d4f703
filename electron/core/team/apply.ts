import type { Statement } from 'better-sqlite3';
import { sniffKind, storeBlob } from '../evidence/attachments';
import { CREATE_FIELD, ENTITIES, type EntitySpec, toColumn } from '../store/entities';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { isConflictField, refreshConflict } from './causal';
import { CHANGE_COLUMNS, changeParams, sameChange, type ChangeRow } from './change-row';
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
  private readonly upserts = new Map<string, Statement>();
  private readonly fold: Statement;

  constructor(private readonly db: DB) {
    this.fold = db.prepare('SELECT hlc, field, value, author FROM changes WHERE entity = ? AND entity_id = ? ORDER BY hlc');
  }

  private upsert(entity: string, spec: EntitySpec, columns: string[]): Statement {
    const k = `${entity}:${columns.join(',')}`;
    let s = this.upserts.get(k);
    if (!s) {
      const all = [...columns, 'created_at', 'created_by', 'updated_at', 'updated_by'];
      s = this.db.prepare(
        `INSERT INTO ${spec.table} (id, ${all.join(', ')}) VALUES (?, ${all.map(() => '?').join(', ')})
         ON CONFLICT(id) DO UPDATE SET ${all.map((c) => `${c} = excluded.${c}`).join(', ')}`,
      );
      this.upserts.set(k, s);
    }
    return s;
  }

  /**
   * Rebuild one entity's row from its whole change log: the creation's values as the base, then
   * each field's greatest-HLC change. An entity whose creation has not arrived yet (possible with
   * shared-folder sync) keeps its changes in the log and appears once the creation does.
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
        for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>)) base.set(name, v);
      } else {
        latest.set(r.field, value);
      }
    }
    if (!created) return;
    const last = rows[rows.length - 1]!;
    const names = Object.keys(spec.fields).filter((name) => base.has(name) || latest.has(name));
    const values = names.map((name) => {
      const f = spec.fields[name]!;
      return toColumn(f.kind, latest.has(name) ? latest.get(name) : base.get(name));
    });
    this.upsert(
      entity,
      spec,
      names.map((name) => spec.fields[name]!.column),
    ).run(id, ...values, hlcTime(created.hlc), created.author, hlcTime(last.hlc), last.author);
  }
}

/**
 * The merge itself: the union of the change logs, then recompute what the new rows touch.
 * Must run inside the caller's transaction. A row whose clock timestamp is already here with
 * different content is refused: the timestamp is a change's identity, so two different changes
 * sharing one would make the outcome depend on merge order.
 */
export function applyChangeRows(db: DB, rows: Iterable<ChangeRow>, blobs: Iterable<BlobRow> = []): ApplyOutcome {
  const insert = db.prepare(`INSERT OR IGNORE INTO changes (${CHANGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
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
