import { useCallback } from 'react';
import type { Verdict } from '../../shared/domain';
import { VERDICT_LABELS } from '../../shared/domain';
import { countLabel } from '../../shared/text/count-label';
import { call, errorMessage } from '../api/client';
import { useOperationMutation } from '../api/queries';
import { useUndoRedo } from '../app/useUndoRedo';
import { useWorkbench } from '../app/workbench';
import { useNotify } from '../ui/notices';

/** The most claims one "select all" marks (the saved view keeps at most this many). */
export const MAX_MARKED = 10_000;

const plural = (n: number) => countLabel(n, 'claim');

/** Bulk actions on the multi-selection; each is one operation, so one Ctrl+Z undoes it. */
export function useBulk() {
  const { state, filter, dispatch } = useWorkbench();
  const notify = useNotify();
  const { undo } = useUndoRedo();
  const setVerdict = useOperationMutation('claims.setVerdict').mutate;
  const assign = useOperationMutation('claims.assign').mutate;
  const tag = useOperationMutation('claims.tag').mutate;
  const remove = useOperationMutation('claims.delete').mutate;
  const marked = state.triage.marked;
  const fail = useCallback((e: unknown) => notify({ message: errorMessage(e), tone: 'error' }), [notify]);
  const done = useCallback(
    (message: string) => notify({ message, action: { label: 'Undo', run: () => void undo() } }),
    [notify, undo],
  );

  return {
    marked,
    setVerdict: (verdict: Verdict) => {
      if (!marked.length) return;
      setVerdict(
        { ids: marked, verdict },
        { onSuccess: () => done(`Marked ${plural(marked.length)} ${VERDICT_LABELS[verdict]}.`), onError: fail },
      );
    },
    assign: (name: string | null) => {
      if (!marked.length) return;
      assign(
        { ids: marked, assignee: name },
        {
          onSuccess: () => done(name ? `Assigned ${plural(marked.length)} to ${name}.` : `Unassigned ${plural(marked.length)}.`),
          onError: fail,
        },
      );
    },
    tag: (add: string[]) => {
      if (!marked.length || add.length === 0) return;
      tag({ ids: marked, add }, { onSuccess: () => done(`Tagged ${plural(marked.length)}: ${add.join(', ')}.`), onError: fail });
    },
    /** Deletes every marked claim as one action (one Ctrl+Z brings them all back) and clears the selection. */
    remove: () => {
      if (!marked.length) return;
      remove(
        { ids: marked },
        {
          onSuccess: ({ deleted }) => {
            dispatch({ type: 'triage', action: { type: 'mark', ids: [] } });
            done(`Deleted ${plural(deleted)}.`);
          },
          onError: fail,
        },
      );
    },
    clear: () => dispatch({ type: 'triage', action: { type: 'mark', ids: [] } }),
    /** Marks every claim the list shows under the current filters (up to MAX_MARKED). */
    selectAll: async () => {
      try {
        const ids: string[] = [];
        let total = 0;
        for (let offset = 0; offset < MAX_MARKED; offset += 5_000) {
          const page = await call('claims.list', { ...filter, offset, limit: 5_000 });
          total = page.total;
          ids.push(...page.items.map((c) => c.id));
          if (ids.length >= total) break;
        }
        dispatch({ type: 'triage', action: { type: 'mark', ids } });
        if (total > ids.length) {
          notify({ message: `Selected the first ${plural(ids.length)} of ${total.toLocaleString()}.`, tone: 'warning' });
        }
      } catch (e) {
        fail(e);
      }
    },
  };
}
