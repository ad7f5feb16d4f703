import type { Statement } from 'better-sqlite3';
import type { HybridClock } from '../../../shared/hlc';
import { BatchedRows } from './batched-rows';
import { headRows, headsDisagree, isConflictField, refreshConflict, storeConflict } from './causal';
import { CONFLICT_FIELDS } from '../../../shared/team';
import { conflictDecisions, wholeDecisionColumns, type PersonDecision } from './decisions';
import { LOG_CHUNK, readEntityLogs, type EntityLog, type LoggedChange } from './entity-logs';
import { CHANGE_COLUMNS, CHANGE_PLACEHOLDERS, changeParams, sameChange, type ChangeRow } from './change-row';
import { CREATE_FIELD, ENTITIES, creationValue, toColumn, type EntityName, type EntitySpec } from './entities';
import type { DB } from './open';
import { TouchSet } from './touch-set';
import { loggedFieldValue } from './field-value';

export interface ApplyOptions {
  /**
   * Every row sorts after every change already in the log (stamped by this workspace's clock inside
   * the write transaction, after it observed the log's greatest timestamp). Each row is then its
   * field's winner, so the tables are updated directly instead of refolding the entity's log.
   */
  newest?: boolean;
  /** Observes the greatest timestamp applied, so later local writes sort after what just arrived. */
  clock?: HybridClock;
  /** Collect what was touched into this set (a caller applying row by row) instead of a new one. */
  touched?: TouchSet;
  /**
   * Rows in any order only: return the change logs the fold read (`Applied.logs`), for a caller that
   * reads the touched entities' logs again in the same transaction (a merge's summary).
   */
  keepLogs?: boolean;
}

export interface Applied {
  /** Rows this workspace did not have before. */
  inserted: ChangeRow[];
  /** Rows it already had, identical. */
  known: number;
  maxHlc: string | null;
  touched: TouchSet;
  /** The whole decision each claim the rows touched shows (undefined when not in conflict); rows in any order only. */
  decisions?: ReadonlyMap<string, PersonDecision | undefined>;
  /** With `keepLogs`: each touched entity's whole change log after the rows were added, by kind, then id. */
  logs?: ReadonlyMap<string, ReadonlyMap<string, EntityLog>>;
}

/** A row whose timestamp is already in the log with different content. */
export class TimestampCollision extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimestampCollision';
  }
}

export function hlcTime(hlc: string): string {
  return hlc.slice(0, 24);
}

const entitySpecs = ENTITIES as Record<string, EntitySpec>;
/** Far below SQLite's greatest rowid, and exact as a JavaScript number. */
const HIGH_ROWID = 2 ** 52;
const CONFLICTS_PER_STATEMENT = 64;
const specFields = new Map<EntitySpec, [string, EntitySpec['fields'][string]][]>();

/** An entity's fields as name and spec pairs, in declaration order. */
function fieldsOf(spec: EntitySpec): [string, EntitySpec['fields'][string]][] {
  let fields = specFields.get(spec);
  if (!fields) specFields.set(spec, (fields = Object.entries(spec.fields)));
  return fields;
}
const appliers = new WeakMap<DB, Applier>();

/**
 * THE apply path. Local writes, undo and redo, merges, folder sync and live capture all reach the
 * log and the tables through here: the change rows are appended to `changes`, then the materialised
 * entity rows, the open conflicts and the actors are brought up to date, and what moved is returned.
 * Must run inside the caller's transaction (so log and tables commit or roll back together).
 *
 * A row whose clock timestamp is already here with different content is refused: the timestamp
 * is a change's identity, so two different changes sharing one would make the outcome depend on
 * merge order.
 */
export function applyChanges(db: DB, rows: Iterable<ChangeRow>, options: ApplyOptions = {}): Applied {
  if (!db.inTransaction) throw new Error('applyChanges must run inside a transaction');
  let applier = appliers.get(db);
  if (!applier) {
    applier = new Applier(db);
    appliers.set(db, applier);
  }
  const touched = options.touched ?? new TouchSet();
  const applied = options.newest
    ? applier.applyNewest(rows, touched)
    : applier.applyAny(rows, touched, options.keepLogs === true);
  if (options.clock && applied.inserted.length > 0 && applied.maxHlc) options.clock.receive(applied.maxHlc);
  return applied;
}

class Applier {
  private readonly statements = new Map<string, Statement>();
  private readonly insertChange: Statement;
  private readonly existingChange: Statement;
  private readonly refolded: BatchedRows;
  /** The action whose writer is already in `actors` (one upsert per action, in its transaction). */
  private actorRecordedFor: string | null = null;

  constructor(private readonly db: DB) {
    this.insertChange = db.prepare(`INSERT OR IGNORE INTO changes (${CHANGE_COLUMNS}) VALUES (${CHANGE_PLACEHOLDERS})`);
    this.existingChange = db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE hlc = ?`);
    this.refolded = new BatchedRows(db);
  }

  private statement(cacheKey: string, sql: () => string): Statement {
    let s = this.statements.get(cacheKey);
    if (!s) {
      s = this.db.prepare(sql());
      this.statements.set(cacheKey, s);
    }
    return s;
  }

  /** Append one row to the log; false when an identical row was already there. */
  private append(r: ChangeRow): boolean {
    if (this.insertChange.run(changeParams(r)).changes > 0) return true;
    const here = this.existingChange.get(r.hlc) as ChangeRow;
    if (!sameChange(here, r)) throw new TimestampCollision(`two different changes carry the same clock timestamp ${r.hlc}`);
    return false;
  }

  /** Append every row to the log, calling `onInserted` for each one the log did not have. */
  private appendAll(rows: Iterable<ChangeRow>, touched: TouchSet, onInserted: (r: ChangeRow) => void): Applied {
    const inserted: ChangeRow[] = [];
    let known = 0;
    let maxHlc: string | null = null;
    for (const r of rows) {
      if (maxHlc === null || r.hlc > maxHlc) maxHlc = r.hlc;
      if (!this.append(r)) {
        known++;
        continue;
      }
      inserted.push(r);
      onInserted(r);
    }
    return { inserted, known, maxHlc, touched };
  }

  applyNewest(rows: Iterable<ChangeRow>, touched: TouchSet): Applied {
    return this.appendAll(rows, touched, (r) => {
      const spec = entitySpecs[r.entity];
      if (!spec) throw new Error(`Unknown entity: ${r.entity}`);
      touched.add(r.entity as EntityName, r.entity_id);
      const value = r.value === null ? null : (JSON.parse(r.value) as unknown);
      if (r.field === CREATE_FIELD) this.createRow(r, spec, (value ?? {}) as Record<string, unknown>);
      else this.setColumn(r, spec, value);
      if (isConflictField(r.entity, r.field)) {
        refreshConflict(this.db, r.entity, r.entity_id, r.field);
        touched.add('conflict', r.entity_id);
      }
      if (this.actorRecordedFor !== r.action_id || r.action_id === null) {
        this.upsertActor(r.actor_id, r.author, hlcTime(r.hlc));
        this.actorRecordedFor = r.action_id;
        touched.add('actor', r.actor_id);
      }
    });
  }

  private createRow(r: ChangeRow, spec: EntitySpec, given: Record<string, unknown>): void {
    const names: string[] = [];
    for (const name in given) if (spec.fields[name] !== undefined) names.push(name);
    const insert = this.statement(`create:${spec.table}:${names.join(',')}`, () => {
      const cols = names.map((name) => spec.fields[name]!.column);
      return `INSERT INTO ${spec.table} (id, ${cols.join(', ')}, created_at, created_by, updated_at, updated_by) VALUES (?, ${cols
        .map(() => '?')
        .join(', ')}, ?, ?, ?, ?)`;
    });
    const at = hlcTime(r.hlc);
    const params: unknown[] = [r.entity_id];
    for (const name of names) params.push(toColumn(spec.fields[name]!.kind, creationValue(r.entity, name, given[name])));
    params.push(at, r.author, at, r.author);
    insert.run(params);
  }

  private setColumn(r: ChangeRow, spec: EntitySpec, value: unknown): void {
    const f = spec.fields[r.field];
    if (!f) return;
    this.statement(
      `set:${spec.table}:${r.field}`,
      () => `UPDATE ${spec.table} SET ${f.column} = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
    ).run(toColumn(f.kind, value), hlcTime(r.hlc), r.author, r.entity_id);
  }

  private upsertActor(actorId: string, name: string, firstSeen: string): void {
    this.statement(
      'actor:upsert',
      () =>
        'INSERT INTO actors (actor_id, name, first_seen) VALUES (?, ?, ?) ON CONFLICT(actor_id) DO UPDATE SET name = excluded.name',
    ).run(actorId, name, firstSeen);
  }

  /**
   * Rows in any order (a merge, a sync, a replay): append the new ones, then refold what they touch.
   * The fold reads from the store only the changes that were there before the append (their rowids
   * are at most the greatest before it: SQLite gives each new row the next one); the new rows join
   * those logs from memory.
   */
  applyAny(rows: Iterable<ChangeRow>, touched: TouchSet, keepLogs: boolean): Applied {
    const before = this.lastRowid();
    /** The new rows by entity kind, then id. */
    const entities = new Map<string, Map<string, ChangeRow[]>>();
    /** Conflict-tracked fields written, by entity kind, then id. */
    const conflictFields = new Map<string, Map<string, Set<string>>>();
    const applied = this.appendAll(rows, touched, (r) => {
      let byId = entities.get(r.entity);
      if (!byId) entities.set(r.entity, (byId = new Map()));
      const added = byId.get(r.entity_id);
      if (added) added.push(r);
      else byId.set(r.entity_id, [r]);
      if (isConflictField(r.entity, r.field)) {
        let fieldsById = conflictFields.get(r.entity);
        if (!fieldsById) conflictFields.set(r.entity, (fieldsById = new Map()));
        let names = fieldsById.get(r.entity_id);
        if (!names) fieldsById.set(r.entity_id, (names = new Set()));
        names.add(r.field);
      }
    });
    const decisions = new Map<string, PersonDecision | undefined>();
    const logs = keepLogs ? new Map<string, Map<string, EntityLog>>() : undefined;
    // Each entity is folded once and reads only its own log and row, so writing them all together
    // afterwards gives the same rows.
    try {
      for (const [entity, added] of entities) {
        if (!entitySpecs[entity]) throw new Error(`Unknown entity: ${entity}`);
        const kept = logs ? new Map<string, EntityLog>() : undefined;
        if (logs && kept) logs.set(entity, kept);
        this.refoldAll(entity, added, before, conflictFields.get(entity), decisions, kept);
        for (const id of added.keys()) touched.add(entity as EntityName, id);
      }
    } finally {
      this.refolded.discard();
    }
    for (const byId of conflictFields.values()) for (const id of byId.keys()) touched.add('conflict', id);
    applied.decisions = decisions;
    if (logs) applied.logs = logs;
    const actorIds = new Set(applied.inserted.map((r) => r.actor_id));
    this.refreshActors(actorIds);
    for (const id of actorIds) touched.add('actor', id);
    // Any later local action must upsert its writer again: this batch may have renamed them.
    this.actorRecordedFor = null;
    return applied;
  }

  /**
   * The greatest rowid in the log, below every row appended after it; null when the rowids come
   * near SQLite's limit, where a new row may take a free smaller one (then whole logs are read).
   */
  private lastRowid(): number | null {
    const last = this.statement('last-rowid', () => `SELECT min(coalesce(max(rowid), 0), ${HIGH_ROWID}) FROM changes`)
      .pluck()
      .get() as number;
    return last >= HIGH_ROWID ? null : last;
  }

  /**
   * Refold many entities of one kind a few hundred at a time: the conflicts of the conflict-tracked
   * fields the rows wrote are brought up to date from their logs, and a claim whose decision is in
   * conflict gets the shown person's whole decision.
   */
  private refoldAll(
    entity: string,
    added: ReadonlyMap<string, readonly ChangeRow[]>,
    before: number | null,
    conflictFields: ReadonlyMap<string, ReadonlySet<string>> | undefined,
    decisions: Map<string, PersonDecision | undefined>,
    kept: Map<string, EntityLog> | undefined,
  ): void {
    const spec = entitySpecs[entity]!;
    const rowsOf = this.statement(
      `rows:${entity}`,
      () => `SELECT * FROM ${spec.table} WHERE id IN (SELECT value FROM json_each(?))`,
    );
    const ids = [...added.keys()];
    for (let at = 0; at < ids.length; at += LOG_CHUNK) {
      const chunk = ids.slice(at, at + LOG_CHUNK);
      const logs =
        before === null
          ? readEntityLogs(this.db, entity, chunk)
          : withNewRows(readEntityLogs(this.db, entity, chunk, before), chunk, added);
      if (kept) for (const [id, log] of logs) kept.set(id, log);
      const json = JSON.stringify(chunk);
      const open = conflictFields || entity === 'claim' ? this.openConflicts(entity, json) : undefined;
      if (conflictFields && open) this.storeConflicts(entity, chunk, logs, conflictFields, open);
      const whole = entity === 'claim' && open ? this.wholeDecisions(chunk, logs, open, decisions) : undefined;
      const current = new Map<string, Record<string, unknown>>();
      for (const row of rowsOf.all(json) as Record<string, unknown>[]) current.set(row.id as string, row);
      // In id order, as the rows were always queued (new rows take their rowids in this order).
      for (const id of [...chunk].sort()) {
        const log = logs.get(id);
        if (log) this.refold(entity, spec, id, log, current.get(id), whole?.get(id));
      }
      // Written per chunk, so a replay of a whole log never holds every row in memory at once.
      this.refolded.flush();
    }
  }

  /** The open conflicts of a chunk of entities of one kind: their fields, by id. */
  private openConflicts(entity: string, chunkJson: string): Map<string, Set<string>> {
    const open = new Map<string, Set<string>>();
    for (const r of this.statement(
      'open-conflicts',
      () => 'SELECT entity_id, field FROM conflicts WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))',
    ).all(entity, chunkJson) as { entity_id: string; field: string }[]) {
      let set = open.get(r.entity_id);
      if (!set) open.set(r.entity_id, (set = new Set()));
      set.add(r.field);
    }
    return open;
  }

  /**
   * Recompute whether each conflict-tracked field the rows wrote is in conflict, writing only the
   * conflicts that open or close, and keep `open` (the chunk's open conflicts) up to date.
   */
  private storeConflicts(
    entity: string,
    chunk: readonly string[],
    logs: ReadonlyMap<string, EntityLog>,
    conflictFields: ReadonlyMap<string, ReadonlySet<string>>,
    open: Map<string, Set<string>>,
  ): void {
    const opened: string[] = [];
    for (const id of chunk) {
      const fields = conflictFields.get(id);
      if (!fields) continue;
      for (const field of fields) {
        const conflicted = headsDisagree(headRows(logs.get(id)?.get(field) ?? []));
        let set = open.get(id);
        if (conflicted === (set?.has(field) ?? false)) continue;
        if (conflicted) opened.push(entity, id, field);
        else storeConflict(this.db, entity, id, field, false);
        if (!set) open.set(id, (set = new Set()));
        if (conflicted) set.add(field);
        else set.delete(field);
      }
    }
    this.insertConflicts(opened);
  }

  /** Open conflicts, given as entity, id and field after one another, a few dozen per statement. */
  private insertConflicts(values: readonly string[]): void {
    const insert = (count: number) =>
      this.statement(
        `conflicts:${count}`,
        () => `INSERT OR IGNORE INTO conflicts (entity, entity_id, field) VALUES ${Array(count).fill('(?, ?, ?)').join(', ')}`,
      );
    let at = 0;
    for (; values.length - at >= 3 * CONFLICTS_PER_STATEMENT; at += 3 * CONFLICTS_PER_STATEMENT)
      insert(CONFLICTS_PER_STATEMENT).run(values.slice(at, at + 3 * CONFLICTS_PER_STATEMENT));
    for (; at < values.length; at += 3) insert(1).run(values.slice(at, at + 3));
  }

  /** The decision each claim of a chunk shows, and the columns of the claims whose decision is in conflict. */
  private wholeDecisions(
    chunk: readonly string[],
    logs: ReadonlyMap<string, EntityLog>,
    open: ReadonlyMap<string, ReadonlySet<string>>,
    decisions: Map<string, PersonDecision | undefined>,
  ): Map<string, Map<string, unknown>> {
    const columns = new Map<string, Map<string, unknown>>();
    for (const id of chunk) {
      const conflicted = open.get(id);
      const fields = conflicted ? CONFLICT_FIELDS.filter((f) => conflicted.has(f)) : [];
      const shown = fields.length === 0 ? undefined : conflictDecisions(this.db, id, fields, logs.get(id) ?? new Map(), true)[0];
      decisions.set(id, shown);
      if (shown) columns.set(id, wholeDecisionColumns(shown));
    }
    return columns;
  }

  /**
   * Rebuild one entity's row from its change log: the creations' values as the base, then each
   * field's value from its changes (the greatest-HLC one's, or a set field's merge: field-value.ts), then (for a claim in conflict) the shown whole decision, queued
   * for the batched write. Only columns whose value actually moves are written, so search-index and
   * tag triggers fire for real changes only. An entity whose creation has not arrived yet (possible
   * with shared-folder sync) keeps its changes in the log and appears once the creation does.
   */
  private refold(
    entity: string,
    spec: EntitySpec,
    id: string,
    log: EntityLog,
    current: Record<string, unknown> | undefined,
    whole: ReadonlyMap<string, unknown> | undefined,
  ): void {
    const creations = log.get(CREATE_FIELD);
    const created = creations?.[0];
    if (!created) return;
    const given: unknown[] = [];
    for (const r of creations) given.push(r.value === null ? {} : ((JSON.parse(r.value) as unknown) ?? {}));
    let last = created;
    for (const changes of log.values()) {
      const winner = changes[changes.length - 1]!;
      if (winner.hlc > last.hlc) last = winner;
    }
    const columns: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      const at = columns.indexOf(column);
      if (at >= 0) values[at] = value;
      else {
        columns.push(column);
        values.push(value);
      }
    };
    /** The field's value from the latest creation that gives it; undefined when none does. */
    const createdValue = (name: string): { value: unknown } | undefined => {
      for (let i = given.length - 1; i >= 0; i--) {
        const g = given[i] as Record<string, unknown>;
        if (Object.hasOwn(g, name)) return { value: creationValue(entity, name, g[name]) };
      }
      return undefined;
    };
    for (const [name, f] of fieldsOf(spec)) {
      const changes = log.get(name);
      if (changes && changes.length > 0) {
        columns.push(f.column);
        values.push(toColumn(f.kind, loggedFieldValue(f, changes, () => createdValue(name)?.value ?? f.initial)));
        continue;
      }
      const base = createdValue(name);
      if (!base) continue;
      columns.push(f.column);
      values.push(toColumn(f.kind, base.value));
    }
    if (whole) for (const [column, value] of whole) set(column, value);
    set('created_at', hlcTime(created.hlc));
    set('created_by', created.author);
    set('updated_at', hlcTime(last.hlc));
    set('updated_by', last.author);

    if (!current) {
      values.unshift(id);
      this.refolded.insert(spec.table, columns, values);
      return;
    }
    const changed: string[] = [];
    const moved: unknown[] = [];
    for (let i = 0; i < columns.length; i++) {
      if (current[columns[i]!] === values[i]) continue;
      changed.push(columns[i]!);
      moved.push(values[i]);
    }
    if (changed.length > 0) this.refolded.update(spec.table, id, changed, moved);
  }

  /** An actor's display name is the one on their latest change, whatever order files were merged in. */
  private refreshActors(actorIds: Set<string>): void {
    const latest = this.statement(
      'actor:latest',
      () => 'SELECT author, hlc FROM changes WHERE actor_id = ? ORDER BY hlc DESC LIMIT 1',
    );
    const first = this.statement('actor:first', () => 'SELECT hlc FROM changes WHERE actor_id = ? ORDER BY hlc LIMIT 1');
    for (const actorId of actorIds) {
      const l = latest.get(actorId) as { author: string; hlc: string };
      const f = first.get(actorId) as { hlc: string };
      this.upsertActor(actorId, l.author, hlcTime(f.hlc));
    }
  }
}

/**
 * Each entity's log with the rows just appended to it: the store's log as read before the append,
 * plus the new rows, each field's changes in clock order.
 */
function withNewRows(
  before: Map<string, Map<string, LoggedChange[]>>,
  ids: readonly string[],
  added: ReadonlyMap<string, readonly ChangeRow[]>,
): Map<string, EntityLog> {
  const logs = new Map<string, EntityLog>();
  for (const id of ids) {
    const rows = added.get(id) ?? [];
    const log = before.get(id) ?? new Map<string, LoggedChange[]>();
    const unsorted = new Set<LoggedChange[]>();
    for (const r of rows) {
      const list = log.get(r.field);
      if (!list) log.set(r.field, [r]);
      else {
        if (list[list.length - 1]!.hlc > r.hlc) unsorted.add(list);
        list.push(r);
      }
    }
    for (const list of unsorted) list.sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
    logs.set(id, log);
  }
  return logs;
}
