import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ZodType } from 'zod';

/** The most drafts a shelf keeps; the oldest go first (a draft for a claim deleted since is never asked for). */
const MAX_DRAFTS = 200;

/** Where a shelf keeps its drafts across a reload or a crash, and the shape a stored draft must have. */
export interface DraftStorage<T> {
  key: string;
  schema: ZodType<T>;
}

/**
 * Text typed into a form but not yet sent: moving to another claim (j/k, a click in the list) and back
 * finds it where it was left. The detail pane mounts its sections afresh for each claim, so a form's
 * first render reads its draft from the shelf. With `storage`, the drafts also outlive the window: a
 * reload, a crash or a restart finds them again (the window's local storage; a stored draft of the wrong
 * shape is dropped, never shown).
 */
export class DraftShelf<T> {
  private readonly drafts = new Map<string, T>();

  constructor(private readonly storage?: DraftStorage<T>) {
    if (storage) this.load(storage);
  }

  has(id: string): boolean {
    return this.drafts.has(id);
  }

  discard(id: string): void {
    if (this.drafts.delete(id)) this.save();
  }

  get(id: string): T | undefined {
    return this.drafts.get(id);
  }

  keep(id: string, draft: T): void {
    // Re-inserted so the shelf's order is the order drafts were last touched.
    this.drafts.delete(id);
    this.drafts.set(id, draft);
    while (this.drafts.size > MAX_DRAFTS) this.drafts.delete(this.drafts.keys().next().value!);
    this.save();
  }

  private load({ key, schema }: DraftStorage<T>): void {
    let stored: unknown;
    try {
      stored = JSON.parse(window.localStorage.getItem(storageKey(key)) ?? '{}');
    } catch {
      return;
    }
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return;
    for (const [id, value] of Object.entries(stored)) {
      const draft = schema.safeParse(value);
      if (draft.success) this.drafts.set(id, draft.data);
    }
  }

  private save(): void {
    if (!this.storage) return;
    try {
      window.localStorage.setItem(storageKey(this.storage.key), JSON.stringify(Object.fromEntries(this.drafts)));
    } catch {
      // Storage full or unavailable: the drafts stay for as long as the window is open.
    }
  }
}

const storageKey = (key: string) => `claimbench.unsent.${key}`;

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
