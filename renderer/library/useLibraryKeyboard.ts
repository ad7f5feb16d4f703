import { useKeyHandlers } from '../app/keymap';
import { ATTACH_FIRST_MATCH_ID } from './FactChecksSection';

/** Y attaches the best published fact-check shown in the detail pane as a source of the claim. */
export function useLibraryKeyboard(): void {
  useKeyHandlers({
    'library.attachBest': () => {
      const button = document.getElementById(ATTACH_FIRST_MATCH_ID);
      if (!(button instanceof HTMLButtonElement) || button.disabled) return false;
      button.click();
    },
  });
}
