import { fieldDecl } from '../../../shared/entities/registry';
import type { DB } from './open';
import { prepared } from './statements';

/** A field where two people deciding differently without seeing each other is a conflict (the registry says which). */
export function isConflictField(entity: string, field: string): boolean {
  return fieldDecl(entity, field)?.conflicts === true;
}

export interface HeadChange {
  hlc: string;
  value: string | null;
}

interface CausalRow {
  hlc: string;
  supersedes: string;
  value: string | null;
}

export function parseSupersedes(text: string): string[] {
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The field's heads: its changes that no other change to the same field supersedes, in HLC order.
 * One head means everyone who wrote last had seen everything before; several mean concurrent edits.
 */
export function fieldHeads(db: DB, entity: string, id: string, field: string): HeadChange[] {
  return headsOf(
    prepared(db, 'SELECT hlc, supersedes, value FROM changes WHERE entity = ? AND entity_id = ? AND field = ?').all(
      entity,
      id,
      field,
    ) as CausalRow[],
  );
}

/** The heads among one field's changes (see fieldHeads). */
function headsOf(rows: readonly CausalRow[]): HeadChange[] {
  if (rows.length <= 1) return rows.map((r) => ({ hlc: r.hlc, value: r.value }));
  const superseded = new Set<string>();
  for (const r of rows) for (const h of parseSupersedes(r.supersedes)) superseded.add(h);
  return rows
    .filter((r) => !superseded.has(r.hlc))
    .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
    .map((r) => ({ hlc: r.hlc, value: r.value }));
}

/** Concurrent heads that disagree: the definition of an open conflict. */
export function headsDisagree(heads: readonly HeadChange[]): boolean {
  return heads.length > 1 && new Set(heads.map((h) => h.value)).size > 1;
}

/** Recompute whether one conflict-tracked field is in conflict, and store the answer. */
export function refreshConflict(db: DB, entity: string, id: string, field: string): boolean {
  const conflicted = headsDisagree(fieldHeads(db, entity, id, field));
  storeConflict(db, entity, id, field, conflicted);
  return conflicted;
}

/** Entity ids per query when refreshing many conflicts at once. */
const REFRESH_CHUNK = 500;

/**
 * refreshConflict for many fields of one entity kind, reading their changes a few hundred entities
 * per query instead of one query per field.
 */
export function refreshConflicts(db: DB, entity: string, fields: ReadonlyMap<string, ReadonlySet<string>>): void {
  const names = JSON.stringify([...new Set([...fields.values()].flatMap((set) => [...set]))]);
  const read = prepared(
    db,
    'SELECT entity_id, field, hlc, supersedes, value FROM changes WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?)) ' +
      'AND field IN (SELECT value FROM json_each(?)) ORDER BY entity_id, field, hlc',
  );
  const ids = [...fields.keys()];
  for (let at = 0; at < ids.length; at += REFRESH_CHUNK) {
    const byField = new Map<string, CausalRow[]>();
    for (const r of read.all(entity, JSON.stringify(ids.slice(at, at + REFRESH_CHUNK)), names) as (CausalRow & {
      entity_id: string;
      field: string;
    })[]) {
      const k = `${r.entity_id}\u0000${r.field}`;
      let list = byField.get(k);
      if (!list) byField.set(k, (list = []));
      list.push(r);
    }
    for (const id of ids.slice(at, at + REFRESH_CHUNK)) {
      for (const field of fields.get(id)!) {
        storeConflict(db, entity, id, field, headsDisagree(headsOf(byField.get(`${id}\u0000${field}`) ?? [])));
      }
    }
  }
}

function storeConflict(db: DB, entity: string, id: string, field: string, conflicted: boolean): void {
  if (conflicted) {
    prepared(db, 'INSERT OR IGNORE INTO conflicts (entity, entity_id, field) VALUES (?, ?, ?)').run(entity, id, field);
  } else {
    prepared(db, 'DELETE FROM conflicts WHERE entity = ? AND entity_id = ? AND field = ?').run(entity, id, field);
  }
}
