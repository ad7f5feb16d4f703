import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { UndoState } from '../../shared/domain';
import { call, errorMessage } from '../api/client';
import { freshAfterWrite } from '../api/queries';
import { useNotify } from '../ui/notices';

/** Core undo/redo (the workspace's action stack, not a text field's). */
export function useUndoRedo() {
  const client = useQueryClient();
  const notify = useNotify();
  const run = useCallback(
    async (which: 'edit.undo' | 'edit.redo') => {
      const before = client.getQueryData<UndoState>(['edit.state', {}]);
      try {
        const after = await call(which, {});
        await freshAfterWrite(client);
        const label = which === 'edit.undo' ? before?.undoLabel : before?.redoLabel;
        const changed = which === 'edit.undo' ? before?.canUndo : before?.canRedo;
        if (label && changed) notify({ message: `${which === 'edit.undo' ? 'Undid' : 'Redid'}: ${label}` });
        return after;
      } catch (e) {
        notify({ message: errorMessage(e), tone: 'error' });
        return undefined;
      }
    },
    [client, notify],
  );
  return { undo: () => run('edit.undo'), redo: () => run('edit.redo') };
}
