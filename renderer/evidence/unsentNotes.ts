import { useCallback, useState } from 'react';

/**
 * A note typed but not yet added, per claim, for as long as the window is open: moving to another
 * claim (j/k, a click in the list) and back finds it where it was left. The detail pane mounts its
 * sections afresh for each claim, so the first render reads the claim's draft.
 */
const unsent = new Map<string, string>();

export function useUnsentNote(claimId: string): [string, (next: string) => void] {
  const [draft, setDraftState] = useState(() => unsent.get(claimId) ?? '');
  const setDraft = useCallback(
    (next: string) => {
      if (next) unsent.set(claimId, next);
      else unsent.delete(claimId);
      setDraftState(next);
    },
    [claimId],
  );
  return [draft, setDraft];
}
