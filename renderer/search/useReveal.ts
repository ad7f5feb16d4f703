import { useCallback } from 'react';
import { call, errorMessage } from '../api/client';
import { useWorkbench } from '../app/workbench';
import { useNotify } from '../ui/notices';

/**
 * Show one claim in the list: keep the current filters if it is listed under them without the
 * text query, otherwise clear them all. The whole view changes in one step, so the selection
 * lands on the claim's row as soon as that page loads.
 */
export function useReveal(): (claimId: string) => Promise<void> {
  const { state, dispatch } = useWorkbench();
  const notify = useNotify();
  return useCallback(
    async (claimId: string) => {
      const { triage } = state;
      try {
        const kept = {
          ...(state.documentId ? { documentId: state.documentId } : {}),
          ...(state.verdict ? { verdict: state.verdict } : {}),
          ...triage.filters,
        };
        let { index } = await call('claims.locate', { id: claimId, ...kept, sort: triage.sort });
        const keep = index !== null;
        if (!keep) index = (await call('claims.locate', { id: claimId, sort: triage.sort })).index;
        if (index === null) {
          notify({ message: 'That claim is no longer in this workspace.', tone: 'warning' });
          return;
        }
        dispatch({
          type: 'restore',
          view: {
            documentId: keep ? state.documentId : null,
            verdict: keep ? state.verdict : null,
            query: '',
            triage: keep ? triage : { ...triage, filters: {} },
            selection: { index, id: claimId },
          },
        });
      } catch (e) {
        notify({ message: errorMessage(e), tone: 'error' });
      }
    },
    [state, dispatch, notify],
  );
}
