import type { Statement } from 'better-sqlite3';
import type { HybridClock } from '../../../shared/hlc';
import { BatchedRows } from './batched-rows';
import { headRows, headsDisagree, isConflictField, refreshConflict, storeConflict } from './causal';
import { CONFLICT_FIELDS } from '../../../shared/team';
import { conflictDecisions, wholeDecisionColumns, type PersonDecision } from './decisions';
import { LOG_CHUNK, readEntityLogs, type EntityLog } from './entity-logs';
import { CHANGE_COLUMNS, CHANGE_PLACEHOLDERS, changeParams, sameChange, type ChangeRow } from './change-row';
import { CREATE_FIELD, ENTITIES, creationValue, toColumn, type EntityName, type EntitySpec } from './entities';
import type { DB } from './open';
import { TouchSet } from './touch-set';

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
    if (this.insertChange.run(...changeParams(r)).changes > 0) return true;
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

  /** Rows in any order (a merge, a sync, a replay): append the new ones, then refold what they touch. */
  applyAny(rows: Iterable<ChangeRow>, touched: TouchSet, keepLogs: boolean): Applied {
    const entities = new Map<string, Set<string>>();
    /** Conflict-tracked fields written, by entity kind, then id. */
    const conflictFields = new Map<string, Map<string, Set<string>>>();
    const applied = this.appendAll(rows, touched, (r) => {
      let ids = entities.get(r.entity);
      if (!ids) entities.set(r.entity, (ids = new Set()));
      ids.add(r.entity_id);
      if (isConflictField(r.entity, r.field)) {
        let byId = conflictFields.get(r.entity);
        if (!byId) conflictFields.set(r.entity, (byId = new Map()));
        let names = byId.get(r.entity_id);
        if (!names) byId.set(r.entity_id, (names = new Set()));
        names.add(r.field);
      }
    });
    const decisions = new Map<string, PersonDecision | undefined>();
    const logs = keepLogs ? new Map<string, Map<string, EntityLog>>() : undefined;
    // Each entity is folded once and reads only its own log and row, so writing them all together
    // afterwards gives the same rows.
    try {
      for (const [entity, ids] of entities) {
        if (!entitySpecs[entity]) throw new Error(`Unknown entity: ${entity}`);
        const kept = logs ? new Map<string, EntityLog>() : undefined;
        if (logs && kept) logs.set(entity, kept);
        this.refoldAll(entity, [...ids], conflictFields.get(entity), decisions, kept);
        for (const id of ids) touched.add(entity as EntityName, id);
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
   * Refold many entities of one kind, reading their logs and rows a few hundred ids per query: the
   * conflicts of the conflict-tracked fields the rows wrote are brought up to date from the same
   * logs, and a claim whose decision is in conflict gets the shown person's whole decision.
   */
  private refoldAll(
    entity: string,
    ids: string[],
    conflictFields: ReadonlyMap<string, ReadonlySet<string>> | undefined,
    decisions: Map<string, PersonDecision | undefined>,
    kept: Map<string, EntityLog> | undefined,
  ): void {
    const spec = entitySpecs[entity]!;
    const rowsOf = this.statement(
      `rows:${entity}`,
      () => `SELECT * FROM ${spec.table} WHERE id IN (SELECT value FROM json_each(?))`,
    );
    for (let at = 0; at < ids.length; at += LOG_CHUNK) {
      const chunk = ids.slice(at, at + LOG_CHUNK);
      const logs = readEntityLogs(this.db, entity, chunk);
      if (kept) for (const [id, log] of logs) kept.set(id, log);
      if (conflictFields) {
        for (const id of chunk) {
          for (const field of conflictFields.get(id) ?? []) {
            storeConflict(this.db, entity, id, field, headsDisagree(headRows(logs.get(id)?.get(field) ?? [])));
          }
        }
      }
      const whole = entity === 'claim' ? this.wholeDecisions(chunk, logs, decisions) : undefined;
      const current = new Map<string, Record<string, unknown>>();
      for (const row of rowsOf.all(JSON.stringify(chunk)) as Record<string, unknown>[]) current.set(row.id as string, row);
      for (const [id, log] of logs) this.refold(entity, spec, id, log, current.get(id), whole?.get(id));
      // Written per chunk, so a replay of a whole log never holds every row in memory at once.
      this.refolded.flush();
    }
  }

  /** The decision each claim of a chunk shows, and the columns of the claims whose decision is in conflict. */
  private wholeDecisions(
    chunk: readonly string[],
    logs: ReadonlyMap<string, EntityLog>,
    decisions: Map<string, PersonDecision | undefined>,
  ): Map<string, Map<string, unknown>> {
    const conflicted = new Map<string, Set<string>>();
    for (const r of this.statement(
      'decision-conflicts',
      () => "SELECT entity_id, field FROM conflicts WHERE entity = 'claim' AND entity_id IN (SELECT value FROM json_each(?))",
    ).all(JSON.stringify(chunk)) as { entity_id: string; field: string }[]) {
      let set = conflicted.get(r.entity_id);
      if (!set) conflicted.set(r.entity_id, (set = new Set()));
      set.add(r.field);
    }
    const columns = new Map<string, Map<string, unknown>>();
    for (const id of chunk) {
      const fields = CONFLICT_FIELDS.filter((f) => conflicted.get(id)?.has(f));
      const shown =
        fields.length === 0 ? undefined : conflictDecisions(this.db, id, fields, logs.get(id) ?? new Map()).find((d) => d.shown);
      decisions.set(id, shown);
      if (shown) columns.set(id, wholeDecisionColumns(shown));
    }
    return columns;
  }

  /**
   * Rebuild one entity's row from its change log: the creations' values as the base, then each
   * field's greatest-HLC change, then (for a claim in conflict) the shown whole decision, queued
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
    const base = new Map<string, unknown>();
    for (const r of creations) {
      const value = r.value === null ? null : (JSON.parse(r.value) as unknown);
      for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>))
        base.set(name, creationValue(entity, name, v));
    }
    let last = created;
    for (const changes of log.values()) {
      const winner = changes[changes.length - 1]!;
      if (winner.hlc > last.hlc) last = winner;
    }
    const target = new Map<string, unknown>();
    for (const [name, f] of Object.entries(spec.fields)) {
      const changes = log.get(name);
      const winner = changes?.[changes.length - 1];
      if (winner) target.set(f.column, toColumn(f.kind, winner.value === null ? null : (JSON.parse(winner.value) as unknown)));
      else if (base.has(name)) target.set(f.column, toColumn(f.kind, base.get(name)));
    }
    if (whole) for (const [column, value] of whole) target.set(column, value);
    target.set('created_at', hlcTime(created.hlc));
    target.set('created_by', created.author);
    target.set('updated_at', hlcTime(last.hlc));
    target.set('updated_by', last.author);

    const columns = [...target.keys()];
    if (!current) {
      this.refolded.insert(spec.table, columns, [id, ...target.values()]);
      return;
    }
    const changed = columns.filter((c) => current[c] !== target.get(c));
    if (changed.length === 0) return;
    this.refolded.update(
      spec.table,
      id,
      changed,
      changed.map((c) => target.get(c)),
    );
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
