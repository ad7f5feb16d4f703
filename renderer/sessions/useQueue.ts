import { useQueries } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { QueueCounts, QueueItem, QueuePage } from '../../shared/sessions';
import { operationQuery } from '../api/queries';

const PAGE = 100;

export interface QueueView {
  total: number | undefined;
  counts: QueueCounts | undefined;
  itemAt(index: number): QueueItem | undefined;
  indexOf(claimId: string): number | undefined;
  setVisibleRange(first: number, last: number): void;
  error: Error | null;
}

/**
 * A session's queue, fetched a page at a time for the rows on screen (and the first page, which
 * holds the claims still to check in queue order), so a long debate's queue stays quick.
 */
export function useQueue(sessionId: string): QueueView {
  const [range, setRange] = useState({ first: 0, last: 0 });
  const pageNumbers = useMemo(() => {
    const from = Math.floor(range.first / PAGE);
    const to = Math.floor(range.last / PAGE);
    const numbers = new Set([0]);
    for (let p = from; p <= to; p++) numbers.add(p);
    return [...numbers].sort((a, b) => a - b);
  }, [range.first, range.last]);

  const combine = useCallback(
    (results: { data?: QueuePage; error: Error | null }[]) => {
      const pages = new Map<number, QueueItem[]>();
      results.forEach((r, i) => {
        if (r.data) pages.set(pageNumbers[i]!, r.data.items);
      });
      return { pages, first: results[0]?.data, error: results.find((r) => r.error)?.error ?? null };
    },
    [pageNumbers],
  );
  const { pages, first, error } = useQueries({
    queries: pageNumbers.map((p) => operationQuery('sessions.queue', { id: sessionId, offset: p * PAGE, limit: PAGE })),
    combine,
  });

  const itemAt = useCallback((index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE], [pages]);
  const indexOf = useCallback(
    (claimId: string) => {
      for (const [p, items] of pages) {
        const i = items.findIndex((item) => item.claim.id === claimId);
        if (i >= 0) return p * PAGE + i;
      }
      return undefined;
    },
    [pages],
  );
  const setVisibleRange = useCallback(
    (f: number, l: number) => setRange((r) => (r.first === f && r.last === l ? r : { first: f, last: l })),
    [],
  );
  return { total: first?.total, counts: first?.counts, itemAt, indexOf, setVisibleRange, error };
}
