import { useEffect } from 'react';
import { MOD } from '../app/shortcuts';
import { useTeamDialogs } from './useTeamDialogs';

export const CONFLICTS_SHORTCUT = `${MOD}+Shift+K`;

/** Ctrl/Cmd+Shift+K opens the conflict queue, as View ▸ Conflicts does in the app menu. */
export function useTeamShortcut(): void {
  const { current, open } = useTeamDialogs();
  useEffect(() => {
    if (current !== null) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || !(e.ctrlKey || e.metaKey) || !e.shiftKey) return;
      if (e.key.toLowerCase() !== 'k') return;
      e.preventDefault();
      open('conflicts');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [current, open]);
}
