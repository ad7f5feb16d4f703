import type { MergeBoundary, UndoResult, UndoState } from '../../../shared/domain';
import { CONFLICT_FIELDS } from '../../../shared/team';
import { ENTITY_REGISTRY, isEntityName } from '../../../shared/entities/registry';
import { CREATE_FIELD } from './entities';
import type { DB } from './open';
import type { ChangeRecorder, RecordedAction, Writer } from './recorder';

const LIMIT = 500;

/** An undo step a merge or sync took away: its label and the claim it concerned. */
export interface ForgottenUndo {
  label: string;
  claimId: string | null;
}

/**
 * Undo and redo for this session's own actions. An undo is not a rewind: it records new changes
 * that put the fields back, so the history shows it and a teammate's merge sees it.
 */
export class UndoManager {
  private undoStack: RecordedAction[] = [];
  private redoStack: RecordedAction[] = [];
  /** The latest merge or sync made after each action on the undo stack (WeakMap: forgotten actions drop out). */
  private readonly mergedSince = new WeakMap<RecordedAction, MergeBoundary>();

  private readonly claimOf: (action: RecordedAction) => string | null;

  constructor(
    private readonly recorder: ChangeRecorder,
    db: DB,
  ) {
    this.claimOf = claimOfAction(ownerClaimLookup(db));
  }

  /** Run a user action and make it undoable. */
  run<T>(label: string, fn: (w: Writer) => T): T {
    const { result, action } = this.recorder.action(label, fn);
    if (action.steps.length > 0) {
      this.undoStack.push(action);
      if (this.undoStack.length > LIMIT) this.undoStack.shift();
      this.redoStack = [];
    }
    return result;
  }

  undo(): UndoResult {
    const action = this.undoStack.pop();
    if (action) {
      this.recorder.action(`Undo ${action.label}`, (w) => {
        for (const step of [...action.steps].reverse()) {
          if (!w.exists(step.entity, step.id)) continue;
          if (step.field === CREATE_FIELD) w.set(step.entity, step.id, 'deleted', true);
          // Undoing a settlement opens the conflict again, each side as it stood (store/causal.ts).
          else if (step.restores) w.restore(step.entity, step.id, step.field, step.restores, step.before);
          else w.set(step.entity, step.id, step.field, step.before);
        }
      });
      this.redoStack.push(action);
    }
    return this.result(action, action ? (this.mergedSince.get(action) ?? null) : null);
  }

  redo(): UndoResult {
    const action = this.redoStack.pop();
    if (action) {
      this.recorder.action(action.label, (w) => {
        for (const step of action.steps) {
          if (!w.exists(step.entity, step.id)) continue;
          if (step.field === CREATE_FIELD) w.set(step.entity, step.id, 'deleted', false);
          else w.set(step.entity, step.id, step.field, step.after);
        }
      });
      this.undoStack.push(action);
    }
    return this.result(action);
  }

  private result(action: RecordedAction | undefined, beforeMerge: MergeBoundary | null = null): UndoResult {
    return { ...this.state(), did: action ? { label: action.label, claimId: this.claimOf(action), beforeMerge } : null };
  }

  /**
   * A merge or sync brought teammates' changes. Undo does not take it back, yet the actions before
   * it stay undoable (forgetTouching keeps those it did not touch): each remembers the latest such
   * merge, so undoing it says that it reaches back past the merge, and where the merge's backup is.
   */
  markMerge(boundary: MergeBoundary): void {
    for (const action of this.undoStack) this.mergedSince.set(action, boundary);
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  /**
   * After a merge or sync brought teammates' changes: forget the actions that set a field those changes set, or
   * created an entity they changed, since undoing or redoing them would overwrite a teammate's value blindly. Every
   * other action stays undoable: a sync must not take away the undo of a decision it did not touch. Returns the undo
   * steps forgotten, latest first, each with the claim it concerned, for the person to be told.
   */
  forgetTouching(rows: readonly { entity: string; entity_id: string; field: string }[]): ForgottenUndo[] {
    if (rows.length === 0 || (this.undoStack.length === 0 && this.redoStack.length === 0)) return [];
    const fields = new Set<string>();
    const entities = new Set<string>();
    for (const r of rows) {
      fields.add(fieldKey(r.entity, r.entity_id, r.field));
      entities.add(`${r.entity}\u0000${r.entity_id}`);
    }
    const touches = (action: RecordedAction) =>
      action.steps.some((step) =>
        step.field === CREATE_FIELD
          ? entities.has(`${step.entity}\u0000${step.id}`)
          : fields.has(fieldKey(step.entity, step.id, step.field)) || fields.has(fieldKey(step.entity, step.id, CREATE_FIELD)),
      );
    const forgotten = this.undoStack.filter(touches);
    this.undoStack = this.undoStack.filter((a) => !touches(a));
    this.redoStack = this.redoStack.filter((a) => !touches(a));
    return forgotten.reverse().map((a) => ({ label: a.label, claimId: this.claimOf(a) }));
  }

  state(): UndoState {
    const u = this.undoStack[this.undoStack.length - 1];
    const r = this.redoStack[this.redoStack.length - 1];
    return {
      canUndo: !!u,
      canRedo: !!r,
      undoLabel: u?.label ?? null,
      redoLabel: r?.label ?? null,
      undoClaimId: u ? this.claimOf(u) : null,
      redoClaimId: r ? this.claimOf(r) : null,
      undoBeforeMerge: u ? (this.mergedSince.get(u) ?? null) : null,
    };
  }
}

/** A field as forgetTouching compares them: a claim's verdict and rationale are one decision (store/decisions.ts). */
function fieldKey(entity: string, id: string, field: string): string {
  const decision = entity === 'claim' && (CONFLICT_FIELDS as readonly string[]).includes(field);
  return `${entity}\u0000${id}\u0000${decision ? 'decision' : field}`;
}

type OwnerClaim = (entity: string, id: string) => string | null;

/** The claim a source, note or attachment row belongs to, for every entity the registry gives a claim. */
function ownerClaimLookup(db: DB): OwnerClaim {
  const statements = new Map<string, ReturnType<DB['prepare']>>();
  for (const [name, decl] of Object.entries(ENTITY_REGISTRY)) {
    if ('claimId' in decl.fields) statements.set(name, db.prepare(`SELECT claim_id FROM ${decl.table} WHERE id = ?`).pluck());
  }
  return (entity, id) => {
    const owner = isEntityName(entity) ? statements.get(entity)?.get(id) : undefined;
    return typeof owner === 'string' && owner ? owner : null;
  };
}

/** The claim an action changed, or the one its sources, notes or attachments belong to; null when several. */
function claimOfAction(ownerClaim: OwnerClaim): (action: RecordedAction) => string | null {
  return (action) => {
    const ids = new Set<string>();
    for (const step of action.steps) {
      const owner = step.entity === 'claim' ? step.id : ownerClaim(step.entity, step.id);
      if (owner) ids.add(owner);
    }
    return ids.size === 1 ? [...ids][0]! : null;
  };
}
