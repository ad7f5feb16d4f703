import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, errorMessage } from '../api/client';
import { freshAfterWrite, operationQuery } from '../api/queries';
import { useSelectClaim } from '../document/useSelectClaim';
import { useReveal } from '../search/useReveal';
import { useNotify } from '../ui/notices';
import { quoteClaim } from '../ui/quoteClaim';
import { beforeMergeNote } from '../team/format';

/**
 * Core undo/redo (the workspace's action stack, not a text field's). The notice names the claim
 * the action concerned, and that claim becomes the selection so the checker sees what changed; a
 * claim outside the list shown (another document, a filter) is not jumped to, but the notice says
 * so and offers to show it.
 */
export function useUndoRedo() {
  const client = useQueryClient();
  const notify = useNotify();
  const selectClaim = useSelectClaim();
  const reveal = useReveal();
  const run = useCallback(
    async (which: 'edit.undo' | 'edit.redo') => {
      try {
        const after = await call(which, {});
        await freshAfterWrite(client);
        const did = after.did;
        if (did) {
          const claim = did.claimId
            ? await client.fetchQuery(operationQuery('claims.get', { id: did.claimId })).catch(() => null)
            : null;
          // "Undone: Edit claim — “…”" reads right for every action label, which are imperative phrases.
          const verb = which === 'edit.undo' ? 'Undone' : 'Redone';
          // An undo that reached back past a merge says so: the merge itself stays.
          const pastMerge = did.beforeMerge ? beforeMergeNote(did.beforeMerge) : null;
          const tone = pastMerge ? ('warning' as const) : undefined;
          const then = (said: string) => (pastMerge ? `${said}. ${pastMerge}` : said);
          if (!claim) notify({ message: then(`${verb}: ${did.label}`), tone });
          else if (await selectClaim(claim.id, { quiet: true }))
            notify({ message: then(`${verb}: ${did.label} — ${quoteClaim(claim.text)}`), tone });
          else {
            notify({
              message: `${verb}: ${did.label} — ${quoteClaim(claim.text)}, a claim not in this list.${pastMerge ? ` ${pastMerge}` : ''}`,
              tone: 'warning',
              action: { label: 'Show', run: () => void reveal(claim.id) },
            });
          }
        }
        return after;
      } catch (e) {
        notify({ message: errorMessage(e), tone: 'error' });
        return undefined;
      }
    },
    [client, notify, selectClaim, reveal],
  );
  return { undo: () => run('edit.undo'), redo: () => run('edit.redo') };
}
