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

export interface CausalRow {
  hlc: string;
  supersedes: string;
  value: string | null;
}

export function parseSupersedes(text: string): string[] {
  // The common shapes, read without the JSON parser: no links, or one link (a clock timestamp,
  // which holds no quote or backslash).
  if (text === '[]') return [];
  if (text.startsWith('["') && text.endsWith('"]') && text.indexOf('"', 2) === text.length - 2 && !text.includes('\\'))
    return [text.slice(2, -2)];
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
  return headRows(rows).map((r) => ({ hlc: r.hlc, value: r.value }));
}

/**
 * Heads already found, by the list of changes they were found in: a merge asks for a field's heads
 * for its conflict, its whole decision and its summary. A list that has grown since is read again.
 */
const knownHeads = new WeakMap<readonly CausalRow[], { length: number; heads: readonly CausalRow[] }>();

/** The rows among one field's changes that no other of them supersedes, in HLC order. */
export function headRows<T extends CausalRow>(rows: readonly T[]): T[] {
  if (rows.length <= 1) return [...rows];
  const known = knownHeads.get(rows);
  if (known && known.length === rows.length) return [...known.heads] as T[];
  const superseded = new Set<string>();
  for (const r of rows) for (const h of parseSupersedes(r.supersedes)) superseded.add(h);
  const heads = rows.filter((r) => !superseded.has(r.hlc)).sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  knownHeads.set(rows, { length: rows.length, heads });
  return [...heads];
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

export function storeConflict(db: DB, entity: string, id: string, field: string, conflicted: boolean): void {
  if (conflicted) {
    prepared(db, 'INSERT OR IGNORE INTO conflicts (entity, entity_id, field) VALUES (?, ?, ?)').run(entity, id, field);
  } else {
    prepared(db, 'DELETE FROM conflicts WHERE entity = ? AND entity_id = ? AND field = ?').run(entity, id, field);
  }
}

/**
 * Undoing the settlement of a conflict must bring every side back as it was, on every copy that
 * merges the log. The log only grows, and only a side's author can sign a change in their name, so
 * the undo re-asserts each side: one change per side's head, with that head's value, whose causal
 * links name what it undoes (the settlement, the field's head then) and the side's head itself.
 * These re-assertions are the field's heads again and disagree, so the conflict opens by the usual
 * rule; the fold, the row format and a share file's checks stay as they are (an older copy reads
 * them as ordinary changes), which is why this was chosen over a revert marker the fold would have
 * to honour. A writer otherwise links only heads, never a change another of its links already
 * supersedes: naming one, with the same value, is what marks it restored. A restored head stands
 * for that change (its author, time and value), following re-assertions of re-assertions.
 */
export function standingChange<T extends CausalRow>(rows: readonly T[], head: T): T {
  return rows.length <= 2 ? head : standingChangeIn(new Map(rows.map((r) => [r.hlc, r])), head);
}

/** standingChange, given the field's changes by clock timestamp (for a caller asking about many of them). */
export function standingChangeIn<T extends CausalRow>(byHlc: ReadonlyMap<string, T>, head: T): T {
  let current = head;
  for (let step = 0; step < byHlc.size; step++) {
    const restored = restoredBy(byHlc, current);
    if (!restored) break;
    current = restored;
  }
  return current;
}

/**
 * The change a re-assertion restores (see standingChange): the one of its links that another of
 * its links descends from, with the same value; undefined for an ordinary change.
 */
function restoredBy<T extends CausalRow>(byHlc: ReadonlyMap<string, T>, row: T): T | undefined {
  const links = parseSupersedes(row.supersedes);
  if (links.length < 2) return undefined;
  for (const link of links) {
    const target = byHlc.get(link);
    if (!target || target.value !== row.value) continue;
    if (links.some((other) => other !== link && descendsFrom(byHlc, other, link))) return target;
  }
  return undefined;
}

/** Whether change `from` supersedes `ancestor`, directly or through the changes it superseded. */
function descendsFrom(byHlc: ReadonlyMap<string, CausalRow>, from: string, ancestor: string): boolean {
  const seen = new Set<string>();
  const queue = [from];
  while (queue.length > 0) {
    const hlc = queue.pop()!;
    if (seen.has(hlc)) continue;
    seen.add(hlc);
    const row = byHlc.get(hlc);
    if (!row) continue;
    for (const h of parseSupersedes(row.supersedes)) {
      if (h === ancestor) return true;
      if (h > ancestor) queue.push(h);
    }
  }
  return false;
}
