import { randomUUID } from 'node:crypto';
import type { HybridClock } from '../../../shared/hlc';
import type { DB } from './open';
import { pinOwnKey } from './actor-keys';
import { applyChanges } from './apply-changes';
import { decisionConflicted } from './decisions';
import { fieldHeads, headsDisagree, isConflictField } from './causal';
import type { ChangeRow } from './change-row';
import { signRow, type RowSigningKey } from './row-signature';
import { TouchSet } from './touch-set';
import { CONFLICT_FIELDS } from '../../../shared/team';
import { CREATE_FIELD, creationFields, entitySpec, fieldSpec, fromColumn, type EntityName } from './entities';

export { hlcTime } from './apply-changes';

export interface Identity {
  actorId: string;
  author: string;
  /** Signs every change recorded for this person; without it rows are stored unsigned (tests only). */
  signingKey?: RowSigningKey;
}

/** One field's move, kept so an action can be undone and redone. */
export interface FieldStep {
  entity: EntityName;
  id: string;
  field: string;
  before: unknown;
  after: unknown;
  /**
   * For a change that settled a claim's conflicted decision: the heads it superseded, which its
   * undo restores (store/causal.ts, standingChange) so the conflict opens again as it was.
   */
  restores?: string[];
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
  /**
   * Make `heads` (changes to the field) its heads again, each re-asserted with its own value, so a
   * settled conflict opens again between the same sides; with no heads, set `fallback` instead.
   * Never records a whole decision (an undo restores exactly what was).
   */
  restore(entity: EntityName, id: string, field: string, heads: readonly string[], fallback: unknown): void;
}

/**
 * Local writes as change rows. Every change to documents, claims and settings a person makes here
 * becomes a row (entity, id, field, value, author, HLC, causal links, signature) that goes through
 * the one apply path (apply-changes.ts) in the action's transaction, so the log and the tables can
 * never disagree. What an action touched is added to `touched` once it has committed.
 */
export class ChangeRecorder {
  private readonly statements = new Map<string, import('better-sqlite3').Statement>();
  private readonly lastHlc;
  private knownKey: string | null = null;

  constructor(
    private readonly db: DB,
    private readonly clock: HybridClock,
    private readonly identity: () => Identity,
    private readonly touched: TouchSet = new TouchSet(),
  ) {
    this.lastHlc = db.prepare('SELECT max(hlc) FROM changes').pluck();
  }

  private statement(key: string, sql: () => string) {
    let s = this.statements.get(key);
    if (!s) {
      s = this.db.prepare(sql());
      this.statements.set(key, s);
    }
    return s;
  }

  /** This person's own key, pinned when they first write here. */
  private pinKey(who: Identity, at: string): void {
    if (!who.signingKey) return;
    const key = `${who.actorId}\u0000${who.signingKey.publicKey}`;
    if (this.knownKey === key) return;
    pinOwnKey(this.db, who.actorId, who.author, who.signingKey.publicKey, at);
    this.knownKey = key;
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
    const touched = new TouchSet();
    const run = this.db.transaction(() => {
      // Another process may have written since this clock last looked; sort after its changes.
      this.clock.observe(this.lastHlc.get() as string | null);
      const { writer, settleDecisions } = this.writer(who, actionId, label, steps, touched);
      const result = fn(writer);
      settleDecisions();
      if (steps.length > 0) this.pinKey(who, new Date().toISOString());
      return result;
    });
    try {
      const result = run.immediate();
      this.touched.addAll(touched);
      return { result, action: { id: actionId, label, steps } };
    } catch (e) {
      // A rolled-back pin must be written again by the next action.
      this.knownKey = null;
      throw e;
    }
  }

  private writer(
    who: Identity,
    actionId: string,
    label: string,
    steps: FieldStep[],
    touched: TouchSet,
  ): { writer: Writer; settleDecisions: () => void } {
    /**
     * Record one change. An undo's re-assertion (store/causal.ts, standingChange) gives its `links`
     * and the restored change's value as stored, so the two compare equal byte for byte.
     */
    const record = (
      entity: string,
      id: string,
      field: string,
      value: unknown,
      reassert?: { links: readonly string[]; stored: string | null },
    ): string[] => {
      const links = reassert?.links;
      // Causal context for the team merge: the changes to this field this writer knowingly replaces.
      const supersedes = links
        ? [...links]
        : field === CREATE_FIELD
          ? []
          : fieldHeads(this.db, entity, id, field).map((h) => h.hlc);
      const hlc = this.clock.send();
      const row: ChangeRow = {
        hlc,
        entity,
        entity_id: id,
        field,
        value: reassert ? reassert.stored : JSON.stringify(value ?? null),
        actor_id: who.actorId,
        author: who.author,
        action_id: actionId,
        action_label: label,
        supersedes: JSON.stringify(supersedes),
        signature: null,
      };
      if (who.signingKey) row.signature = signRow(row, who.signingKey);
      // A re-assertion may open a conflict, which only the full fold settles into a whole decision.
      applyChanges(this.db, [row], links ? { touched } : { newest: true, touched });
      return supersedes;
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
    /**
     * A verdict and its rationale are one decision. While either is in conflict the claim shows
     * one person's whole decision (store/decisions.ts), which need not be each field's latest
     * value; an action that sets either field of such a claim therefore records both, as they
     * read once it is done: one whole decision that settles the claim, whatever it left unchanged.
     */
    const decided = new Map<string, { recorded: Set<string>; conflicted: boolean }>();
    const noteDecision = (id: string) => {
      let d = decided.get(id);
      if (!d) decided.set(id, (d = { recorded: new Set(), conflicted: decisionConflicted(this.db, id) }));
      return d;
    };
    const settleDecisions = () => {
      for (const [id, d] of decided) {
        if (!d.conflicted) continue;
        for (const field of CONFLICT_FIELDS) {
          if (d.recorded.has(field)) continue;
          const value = get('claim', id, field);
          const restores = record('claim', id, field, value);
          steps.push({ entity: 'claim', id, field, before: value, after: value, restores });
        }
      }
    };
    const writer: Writer = {
      create: (entity, id, given) => {
        // Read as a merge replays it, so this copy and every teammate's agree.
        const fields = creationFields(entity, given);
        record(entity, id, CREATE_FIELD, fields);
        steps.push({ entity, id, field: CREATE_FIELD, before: null, after: fields });
      },
      set: (entity, id, field, value) => {
        const before = get(entity, id, field);
        const normalised = value === undefined ? null : value;
        // Choosing the value that already wins a conflict is still a decision: record it so it
        // supersedes both sides and settles the conflict.
        const unchanged = JSON.stringify(before) === JSON.stringify(normalised);
        const decision = entity === 'claim' && isConflictField(entity, field) ? noteDecision(id) : null;
        if (unchanged && !(isConflictField(entity, field) && headsDisagree(fieldHeads(this.db, entity, id, field)))) return false;
        const superseded = record(entity, id, field, normalised);
        steps.push({ entity, id, field, before, after: normalised, ...(decision?.conflicted ? { restores: superseded } : {}) });
        decision?.recorded.add(field);
        return true;
      },
      get,
      restore: (entity, id, field, heads, fallback) => {
        const now = fieldHeads(this.db, entity, id, field).map((h) => h.hlc);
        if (heads.length === 0) {
          record(entity, id, field, fallback ?? null);
          return;
        }
        const values = this.statement('restore:value', () => 'SELECT value FROM changes WHERE hlc = ?').pluck();
        for (const head of [...heads].sort()) {
          const value = values.get(head) as string | null | undefined;
          if (value === undefined) continue;
          record(entity, id, field, null, { links: [...now.filter((h) => h !== head), head], stored: value });
        }
      },
      exists: (entity, id) => {
        const spec = entitySpec(entity);
        return this.statement(`exists:${entity}`, () => `SELECT 1 FROM ${spec.table} WHERE id = ?`).get(id) !== undefined;
      },
    };
    return { writer, settleDecisions };
  }
}
