import { randomUUID } from 'node:crypto';
import type { HybridClock } from '../../../shared/hlc';
import type { DB } from './open';
import { fieldHeads, headsDisagree, isConflictField } from '../team/causal';
import { CHANGE_COLUMNS, CHANGE_PLACEHOLDERS, changeParams, type ChangeRow } from '../team/change-row';
import { pinOwnKey } from '../team/key-pins';
import { signRow } from '../team/row-signature';
import type { SigningKey } from '../team/signing';
import {
  CREATE_FIELD,
  creationValue,
  entitySpec,
  fieldSpec,
  fromColumn,
  toColumn,
  withInitialValues,
  type EntityName,
} from './entities';

export interface Identity {
  actorId: string;
  author: string;
  /** Signs every change recorded for this person; without it rows are stored unsigned (tests only). */
  signingKey?: SigningKey;
}

/** One field's move, kept so an action can be undone and redone. */
export interface FieldStep {
  entity: EntityName;
  id: string;
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordedAction {
  id: string;
  label: string;
  steps: FieldStep[];
}

export interface Writer {
  /** Create an entity: one `$create` change that carries every initial field. */
  create(entity: EntityName, id: string, fields: Record<string, unknown>): void;
  /** Set one field; recorded only when the value actually changes. Returns whether it did. */
  set(entity: EntityName, id: string, field: string, value: unknown): boolean;
  /** Read a field's current value (as the change log would store it). */
  get(entity: EntityName, id: string, field: string): unknown;
  exists(entity: EntityName, id: string): boolean;
}

export function hlcTime(hlc: string): string {
  return hlc.slice(0, 24);
}

/**
 * The single write path. Every change to documents, claims and settings passes through here:
 * it is appended to `changes` (entity, id, field, value, author, HLC) and applied to the entity's
 * table in the same transaction, so the log and the tables can never disagree.
 */
export class ChangeRecorder {
  private readonly statements = new Map<string, import('better-sqlite3').Statement>();
  private readonly insertChange;
  private readonly lastHlc;
  private knownActor: string | null = null;

  constructor(
    private readonly db: DB,
    private readonly clock: HybridClock,
    private readonly identity: () => Identity,
  ) {
    this.lastHlc = db.prepare('SELECT max(hlc) FROM changes').pluck();
    this.insertChange = db.prepare(`INSERT INTO changes (${CHANGE_COLUMNS}) VALUES (${CHANGE_PLACEHOLDERS})`);
  }

  private statement(key: string, sql: () => string) {
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }

  private rememberActor(who: Identity, at: string): void {
    const key = `${who.actorId}\u0000${who.author}\u0000${who.signingKey?.publicKey ?? ''}`;
    if (this.knownActor === key) return;
    this.db
      .prepare(
        'INSERT INTO actors (actor_id, name, first_seen) VALUES (?, ?, ?) ON CONFLICT(actor_id) DO UPDATE SET name = excluded.name',
      )
      .run(who.actorId, who.author, at);
    if (who.signingKey) pinOwnKey(this.db, who.actorId, who.author, who.signingKey.publicKey, at);
    this.knownActor = key;
  }

  /**
   * Run `fn` as one user action inside one transaction. Every write it makes is stamped with
   * the same action id (the unit of undo). better-sqlite3 transactions are synchronous, so `fn`
   * must not await.
   */
  action<T>(label: string, fn: (w: Writer) => T): { result: T; action: RecordedAction } {
    const who = this.identity();
    const actionId = randomUUID();
    const steps: FieldStep[] = [];
    const run = this.db.transaction(() => {
      // Another process may have written since this clock last looked; sort after its changes.
      this.clock.observe(this.lastHlc.get() as string | null);
      const writer = this.writer(who, actionId, label, steps);
      const result = fn(writer);
      if (steps.length > 0) this.rememberActor(who, new Date().toISOString());
      return result;
    });
    const result = run.immediate();
    return { result, action: { id: actionId, label, steps } };
  }

  private writer(who: Identity, actionId: string, label: string, steps: FieldStep[]): Writer {
    const record = (entity: string, id: string, field: string, value: unknown): string => {
      // Causal context for the team merge: the changes to this field this writer knowingly replaces.
      const supersedes = field === CREATE_FIELD ? [] : fieldHeads(this.db, entity, id, field).map((h) => h.hlc);
      const hlc = this.clock.send();
      const row: ChangeRow = {
        hlc,
        entity,
        entity_id: id,
        field,
        value: JSON.stringify(value ?? null),
        actor_id: who.actorId,
        author: who.author,
        action_id: actionId,
        action_label: label,
        supersedes: JSON.stringify(supersedes),
        signature: null,
      };
      if (who.signingKey) row.signature = signRow(row, who.signingKey);
      this.insertChange.run(...changeParams(row));
      // The new change supersedes every head, so whatever clash the field had is settled.
      if (isConflictField(entity, field)) {
        this.statement('conflict:clear', () => 'DELETE FROM conflicts WHERE entity = ? AND entity_id = ? AND field = ?').run(
          entity,
          id,
          field,
        );
      }
      return hlc;
    };
    const get = (entity: EntityName, id: string, field: string): unknown => {
      const spec = entitySpec(entity);
      const f = fieldSpec(entity, field);
      const row = this.statement(`get:${entity}:${field}`, () => `SELECT ${f.column} AS v FROM ${spec.table} WHERE id = ?`).get(
        id,
      ) as { v: unknown } | undefined;
      if (!row) throw new Error(`${entity} ${id} does not exist`);
      return fromColumn(f.kind, row.v);
    };
    return {
      create: (entity, id, given) => {
        const spec = entitySpec(entity);
        for (const name of Object.keys(given)) fieldSpec(entity, name);
        // Read as a merge replays it (creationValue), so this copy and every teammate's agree.
        const fields = Object.fromEntries(
          Object.entries(withInitialValues(entity, given)).map(([name, v]) => [name, creationValue(entity, name, v)]),
        );
        const names = Object.keys(fields);
        const hlc = record(entity, id, CREATE_FIELD, fields);
        const at = hlcTime(hlc);
        const cols = names.map((name) => spec.fields[name]!.column);
        const insert = this.statement(
          `create:${entity}:${names.join(',')}`,
          () =>
            `INSERT INTO ${spec.table} (id, ${cols.join(', ')}, created_at, created_by, updated_at, updated_by) VALUES (?, ${cols
              .map(() => '?')
              .join(', ')}, ?, ?, ?, ?)`,
        );
        insert.run(id, ...names.map((name) => toColumn(spec.fields[name]!.kind, fields[name])), at, who.author, at, who.author);
        steps.push({ entity, id, field: CREATE_FIELD, before: null, after: fields });
      },
      set: (entity, id, field, value) => {
        const spec = entitySpec(entity);
        const f = fieldSpec(entity, field);
        const before = get(entity, id, field);
        const normalised = value === undefined ? null : value;
        // Choosing the value that already wins a conflict is still a decision: record it so it
        // supersedes both sides and settles the conflict.
        const unchanged = JSON.stringify(before) === JSON.stringify(normalised);
        if (unchanged && !(isConflictField(entity, field) && headsDisagree(fieldHeads(this.db, entity, id, field)))) return false;
        const hlc = record(entity, id, field, normalised);
        const at = hlcTime(hlc);
        this.statement(
          `set:${entity}:${field}`,
          () => `UPDATE ${spec.table} SET ${f.column} = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
        ).run(toColumn(f.kind, normalised), at, who.author, id);
        steps.push({ entity, id, field, before, after: normalised });
        return true;
      },
      get,
      exists: (entity, id) => {
        const spec = entitySpec(entity);
        return this.statement(`exists:${entity}`, () => `SELECT 1 FROM ${spec.table} WHERE id = ?`).get(id) !== undefined;
      },
    };
  }
}
