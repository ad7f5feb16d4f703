import { useEffect, useRef, useState } from 'react';
import { call } from '../api/client';
import type { ClaimFilter } from './useClaimPages';

interface Selection {
  index: number;
  id: string | null;
}

/**
 * Keeps the checker's place when the list changes under it (a search, a filter chip, the sort, the
 * scope): the selected claim is found in the new list with claims.place and stays selected where it
 * now sits; when the new list leaves it out, the listed claim that followed it is selected instead.
 * Returns false until that answer is in, while nothing else may move the selection: the rows at its
 * old position belong to another list.
 */
export function useSelectionKept(
  filter: ClaimFilter,
  selection: Selection,
  select: (index: number, id: string | null) => void,
): boolean {
  const filterKey = JSON.stringify(filter);
  const [settledFor, setSettledFor] = useState<string | null>(null);
  const latest = useRef({ selection, filter });
  useEffect(() => {
    latest.current = { selection, filter };
  });

  useEffect(() => {
    const { selection: asked, filter: listed } = latest.current;
    if (asked.id === null) {
      setSettledFor(filterKey);
      return;
    }
    const id = asked.id;
    let cancelled = false;
    call('claims.place', { id, ...listed })
      .then(({ index, listed: stillListed }) => {
        // The checker moved on while the answer was on its way: their choice stands.
        if (cancelled || latest.current.selection.id !== id) return;
        select(index ?? 0, stillListed ? id : null);
      })
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setSettledFor(filterKey);
      });
    return () => {
      cancelled = true;
    };
  }, [filterKey, select]);

  return settledFor === filterKey;
}
