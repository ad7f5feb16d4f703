import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { onAppEvent } from '../api/client';
import { invalidateTouched } from '../api/queries';
import type { Commands } from './commands';
import { isTextEntry } from './shortcuts';
import { useWorkbench } from './workbench';

/**
 * Commands from the shell's menu. Undo/redo while a text field has focus stay the field's own
 * text undo, exactly as the keyboard shortcut would behave there.
 */
export function useAppEvents(commands: Commands): void {
  const client = useQueryClient();
  const { dispatch } = useWorkbench();
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  }, [commands]);

  useEffect(
    () =>
      onAppEvent((event) => {
        // Stored data changed (here, in a merge or a folder sync): refetch what read it, keep the view.
        if (typeof event !== 'string') {
          void invalidateTouched(client, event.touched);
          return;
        }
        const c = latest.current;
        const typing = isTextEntry(document.activeElement);
        switch (event) {
          // Another file was opened: nothing on screen belongs to it.
          case 'workspace-changed':
            dispatch({ type: 'workspace-changed' });
            void client.invalidateQueries();
            return;
          case 'menu:undo':
            if (typing) document.execCommand('undo');
            else c.undo();
            return;
          case 'menu:redo':
            if (typing) document.execCommand('redo');
            else c.redo();
            return;
          case 'menu:new-document':
            return c.newDocument();
          case 'menu:open-text-file':
            return c.newDocument(true);
          case 'menu:shortcuts':
            return c.showShortcuts();
          case 'menu:find':
            return c.focusFilter();
          case 'menu:export-report':
            return c.exportReport();
          case 'menu:import':
            return c.importFiles();
          case 'menu:share':
            return dispatch({ type: 'dialog', dialog: 'share' });
          case 'menu:merge':
            return dispatch({ type: 'dialog', dialog: 'merge' });
          case 'menu:conflicts':
            return dispatch({ type: 'dialog', dialog: 'conflicts' });
          case 'menu:sync':
            return dispatch({ type: 'dialog', dialog: 'sync' });
          case 'menu:activity':
            return dispatch({ type: 'dialog', dialog: 'activity' });
          case 'menu:start-session':
            return dispatch({ type: 'dialog', dialog: 'start-session' });
          case 'menu:start-capture':
            return dispatch({ type: 'dialog', dialog: 'start-capture' });
          case 'menu:sessions':
            return dispatch({ type: 'dialog', dialog: 'sessions' });
          case 'menu:libraries':
            return dispatch({ type: 'dialog', dialog: 'libraries' });
        }
      }),
    [client, dispatch],
  );
}
