import { useEffect } from 'react';
import type { Commands } from './commands';
import { isTextEntry } from './shortcuts';

/** Global single-key shortcuts. Silent while typing and while a dialog or menu owns the keyboard. */
export function useKeyboard(commands: Commands, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target as Element | null;
      if (isTextEntry(target)) return;
      if (target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;

      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey) {
        const key = e.key.toLowerCase();
        if (key === 'z') return handled(e, e.shiftKey ? commands.redo : commands.undo);
        if (key === 'y' && !e.shiftKey) return handled(e, commands.redo);
        if (key === 'e' && !e.shiftKey) return handled(e, commands.exportReport);
        if (key === 'i' && !e.shiftKey) return handled(e, () => commands.importFiles());
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;

      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          return handled(e, () => commands.move(1));
        case 'k':
        case 'ArrowUp':
          return handled(e, () => commands.move(-1));
        case 'Home':
          return handled(e, () => commands.moveTo(0));
        case 'End':
          return handled(e, () => commands.moveTo(Number.MAX_SAFE_INTEGER));
        case 's':
          return handled(e, () => commands.setVerdict('sourced'));
        case 'd':
          return handled(e, () => commands.setVerdict('disputed'));
        case 'u':
          return handled(e, () => commands.setVerdict('unverified'));
        case 'e':
          return handled(e, commands.editText);
        case 'Delete':
        case 'Backspace':
          return handled(e, commands.deleteClaim);
        case '/':
          return handled(e, commands.focusFilter);
        case 'a':
          return handled(e, commands.addClaim);
        case 'n':
          return handled(e, () => commands.newDocument());
        case '?':
          return handled(e, commands.showShortcuts);
        case 'v':
          return handled(e, commands.toggleDocumentView);
        case 'Escape':
          return handled(e, commands.clearFilter);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [commands, enabled]);
}

function handled(e: KeyboardEvent, run: () => void): void {
  e.preventDefault();
  run();
}
