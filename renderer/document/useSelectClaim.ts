import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { operationQuery } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { useNotify } from '../ui/notices';

/** The most claims `claims.list` returns at once (shared/api.ts). */
const LIST_LIMIT = 5_000;

/**
 * Selects a claim by id in the workbench, which tracks the selection by its index in the current
 * list: the index comes from the same list (same filter and order) the claim list shows. Resolves
 * to whether the claim is in that list (and so was selected).
 */
export function useSelectClaim(): (id: string, options?: { quiet?: boolean }) => Promise<boolean> {
  const client = useQueryClient();
  const { filter, dispatch } = useWorkbench();
  const notify = useNotify();
  return useCallback(
    async (id: string, options: { quiet?: boolean } = {}) => {
      const list = await client.fetchQuery(operationQuery('claims.list', { ...filter, offset: 0, limit: LIST_LIMIT }));
      const index = list.items.findIndex((c) => c.id === id);
      if (index < 0) {
        if (!options.quiet)
          notify({ message: 'That claim is hidden by the current filter. Clear the filter to select it.', tone: 'warning' });
        return false;
      }
      dispatch({ type: 'select', index, id });
      return true;
    },
    [client, filter, dispatch, notify],
  );
}
