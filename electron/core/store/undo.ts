import type { UndoResult, UndoState } from '../../../shared/domain';
import { CREATE_FIELD } from './entities';
import type { ChangeRecorder, RecordedAction, Writer } from './recorder';

const LIMIT = 500;

/**
 * Undo and redo for this session's own actions. An undo is not a rewind: it records new changes
 * that put the fields back, so the history shows it and a teammate's merge sees it.
 */
export class UndoManager {
  private undoStack: RecordedAction[] = [];
  private redoStack: RecordedAction[] = [];

  constructor(private readonly recorder: ChangeRecorder) {}

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
          else w.set(step.entity, step.id, step.field, step.before);
        }
      });
      this.redoStack.push(action);
    }
    return this.result(action);
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

  private result(action: RecordedAction | undefined): UndoResult {
    return { ...this.state(), did: action ? { label: action.label, claimId: claimOf(action) } : null };
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  state(): UndoState {
    const u = this.undoStack[this.undoStack.length - 1];
    const r = this.redoStack[this.redoStack.length - 1];
    return {
      canUndo: !!u,
      canRedo: !!r,
      undoLabel: u?.label ?? null,
      redoLabel: r?.label ?? null,
      undoClaimId: u ? claimOf(u) : null,
      redoClaimId: r ? claimOf(r) : null,
    };
  }
}

/** The claim an action changed, or a source, note or attachment it created belongs to; null when several. */
function claimOf(action: RecordedAction): string | null {
  const ids = new Set<string>();
  for (const step of action.steps) {
    if (step.entity === 'claim') ids.add(step.id);
    else if (step.field === CREATE_FIELD && typeof step.after === 'object' && step.after !== null) {
      const owner = (step.after as { claimId?: unknown }).claimId;
      if (typeof owner === 'string' && owner) ids.add(owner);
    }
  }
  return ids.size === 1 ? [...ids][0]! : null;
}
