import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { Claim, VerdictFilter } from '../../shared/domain';
import { operationQuery } from '../api/queries';
import type { ClaimSort } from '../../shared/evidence';
import type { ListFilters } from '../triage/state';

export const PAGE_SIZE = 100;

export interface ClaimFilter extends ListFilters {
  documentId?: string;
  verdict?: VerdictFilter;
  query?: string;
  sort?: ClaimSort;
}

export interface ClaimPages {
  /** Undefined until the first page of this filter has arrived. */
  total: number | undefined;
  itemAt(index: number): Claim | undefined;
  indexOf(id: string): number | undefined;
  /** Tell the pager which rows are on screen; only their pages are fetched. */
  setVisibleRange(start: number, end: number): void;
  error: Error | null;
}

/**
 * The claim list as pages of `claims.list`, fetched only for the rows on screen plus the page
 * holding the selection, so a list of 100,000 claims costs a few hundred rows of memory.
 */
export function useClaimPages(filter: ClaimFilter, pinnedIndex: number): ClaimPages {
  const [range, setRange] = useState<[number, number]>([0, 0]);

  // Keyed by the page numbers, not the row range: scrolling within the same pages must not hand
  // the app a new `pages` object (every consumer of the workbench would re-render each frame).
  const pageKey = useMemo(() => {
    const wanted = new Set<number>();
    for (let p = Math.floor(range[0] / PAGE_SIZE); p <= Math.floor(range[1] / PAGE_SIZE); p++) wanted.add(p);
    wanted.add(Math.floor(Math.max(0, pinnedIndex) / PAGE_SIZE));
    return [...wanted].sort((a, b) => a - b).join(',');
  }, [range, pinnedIndex]);
  const pages = useMemo(() => pageKey.split(',').map(Number), [pageKey]);

  const combine = useCallback(
    (results: { data?: { items: Claim[]; total: number }; error: Error | null }[]) => {
      const byPage = new Map<number, Claim[]>();
      let total: number | undefined;
      let error: Error | null = null;
      results.forEach((r, i) => {
        if (r.data) {
          byPage.set(pages[i] ?? 0, r.data.items);
          total ??= r.data.total;
        }
        error ??= r.error;
      });
      return { byPage, total, error };
    },
    [pages],
  );

  const loaded = useQueries({
    queries: pages.map((page) => operationQuery('claims.list', { ...filter, offset: page * PAGE_SIZE, limit: PAGE_SIZE })),
    combine,
  });

  const setVisibleRange = useCallback((start: number, end: number) => {
    setRange((prev) => (prev[0] === start && prev[1] === end ? prev : [start, end]));
  }, []);

  return useMemo<ClaimPages>(
    () => ({
      total: loaded.total,
      error: loaded.error,
      itemAt: (index) => loaded.byPage.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      indexOf: (id) => {
        for (const [page, items] of loaded.byPage) {
          const at = items.findIndex((c) => c.id === id);
          if (at >= 0) return page * PAGE_SIZE + at;
        }
        return undefined;
      },
      setVisibleRange,
    }),
    [loaded, setVisibleRange],
  );
}
