import { useMemo } from 'react';
import type { Claim } from '../../shared/domain';
import { call, errorMessage } from '../api/client';
import { useQueryClient } from '@tanstack/react-query';
import { freshAfterWrite } from '../api/queries';
import { useNotify } from '../ui/notices';
import { useSelectClaim } from './useSelectClaim';

export interface SpanActions {
  /** A claim anchored to the span [start, end) of the document; selected once made. */
  createFromSpan(start: number, end: number): Promise<void>;
  /** Split a claim `offset` characters into its anchored text. */
  split(claim: Claim, at: number): Promise<void>;
  mergeNext(claim: Claim): Promise<void>;
}

export function useSpanActions(documentId: string): SpanActions {
  const client = useQueryClient();
  const notify = useNotify();
  const selectClaim = useSelectClaim();
  return useMemo<SpanActions>(() => {
    const attempt = async <T>(run: () => Promise<T>, after: (value: T) => Promise<unknown> | void) => {
      try {
        const value = await run();
        await freshAfterWrite(client);
        await after(value);
      } catch (e) {
        notify({ message: errorMessage(e), tone: 'error' });
      }
    };
    return {
      createFromSpan: (start, end) =>
        attempt(
          () => call('claims.createFromSpan', { documentId, start, end }),
          (claim) => selectClaim(claim.id),
        ),
      split: (claim, at) => {
        const offset = at - (claim.anchor?.start ?? 0);
        const length = (claim.anchor?.end ?? 0) - (claim.anchor?.start ?? 0);
        if (!claim.anchor || offset <= 0 || offset >= length) {
          notify({ message: 'Click inside the claim where it should be split, then press B.', tone: 'warning' });
          return Promise.resolve();
        }
        return attempt(
          () => call('claims.split', { id: claim.id, offset }),
          ({ second }) => selectClaim(second.id),
        );
      },
      mergeNext: (claim) =>
        attempt(
          () => call('claims.mergeNext', { id: claim.id }),
          (merged) => selectClaim(merged.id),
        ),
    };
  }, [client, notify, selectClaim, documentId]);
}
