import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Text typed into a form but not yet sent, for as long as the window is open: moving to another
 * claim (j/k, a click in the list) and back finds it where it was left. The detail pane mounts its
 * sections afresh for each claim, so a form's first render reads its draft from the shelf.
 */
export class DraftShelf<T> {
  private readonly drafts = new Map<string, T>();

  has(id: string): boolean {
    return this.drafts.has(id);
  }

  discard(id: string): void {
    this.drafts.delete(id);
  }

  get(id: string): T | undefined {
    return this.drafts.get(id);
  }

  keep(id: string, draft: T): void {
    this.drafts.set(id, draft);
  }
}

/** The draft `shelf` keeps for `id` (else `fresh()`), as React state the shelf follows; a blank draft is not kept. */
export function useUnsentDraft<T>(
  shelf: DraftShelf<T>,
  id: string,
  fresh: () => T,
  isBlank: (draft: T) => boolean,
): [T, Dispatch<SetStateAction<T>>] {
  const [draft, setDraft] = useState<T>(() => shelf.get(id) ?? fresh());
  useEffect(() => {
    if (isBlank(draft)) shelf.discard(id);
    else shelf.keep(id, draft);
  }, [shelf, id, draft, isBlank]);
  return [draft, setDraft];
}
