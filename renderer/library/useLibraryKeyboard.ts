import { useEffect } from 'react';
import { isTextEntry } from '../app/shortcuts';
import { ATTACH_FIRST_MATCH_ID } from './FactChecksSection';

/** Y attaches the best published fact-check shown in the detail pane as a source of the claim. */
export function useLibraryKeyboard(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.key !== 'y') return;
      const target = e.target as Element | null;
      if (isTextEntry(target)) return;
      if (target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;
      const button = document.getElementById(ATTACH_FIRST_MATCH_ID);
      if (!(button instanceof HTMLButtonElement) || button.disabled) return;
      e.preventDefault();
      button.click();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
