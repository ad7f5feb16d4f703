import type { ForgottenUndoStep } from '../../../shared/team';
import type { DB } from '../store/open';
import type { ForgottenUndo } from '../store/undo';

/** How many of the forgotten undo steps a result names (the latest); the rest are counted. */
const NAMED = 2;

/** The latest forgotten undo steps with the text of the claim each concerned, for the notice after a merge or sync. */
export function describeForgotten(db: DB, forgotten: readonly ForgottenUndo[]): ForgottenUndoStep[] {
  const text = db.prepare('SELECT text FROM claims WHERE id = ?').pluck();
  return forgotten.slice(0, NAMED).map((f) => ({
    label: f.label,
    claimText: f.claimId ? ((text.get(f.claimId) as string | undefined) ?? null) : null,
  }));
}
