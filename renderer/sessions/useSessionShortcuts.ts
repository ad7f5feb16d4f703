import { useEffect } from 'react';
import { isTextEntry } from '../app/shortcuts';
import { useWorkbench } from '../app/workbench';

/** G starts a session, Shift+G lists them: anywhere outside a text field or a dialog. */
export function useSessionShortcuts(enabled: boolean): void {
  const { dispatch } = useWorkbench();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as Element | null;
      if (isTextEntry(target)) return;
      if (target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;
      if (e.key !== 'g' && e.key !== 'G') return;
      e.preventDefault();
      dispatch({ type: 'dialog', dialog: e.key === 'G' ? 'sessions' : 'start-session' });
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, dispatch]);
}
