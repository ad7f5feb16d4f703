import type { MenuItemConstructorOptions } from 'electron';

/** The parts of Electron's ContextMenuParams the menu is built from. */
export interface ContextMenuFacts {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextMenuActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  /** Ask the renderer to make a claim from the selection in the document view. */
  makeClaim(): void;
}

export interface ContextMenuState {
  /** The renderer said, on this right-click, that the selection lies in the document text. */
  claimable: boolean;
  spellcheck: boolean;
}

const MAX_SUGGESTIONS = 6;

/**
 * The right-click menu as plain data: spelling suggestions over a misspelled word, the edit roles
 * for a field, Copy and "Make a Claim" for a selection in a document. Empty when there is nothing
 * to offer (main.ts then shows no menu).
 */
export function contextMenuTemplate(
  facts: ContextMenuFacts,
  state: ContextMenuState,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const selection = facts.selectionText.trim();

  if (state.spellcheck && facts.isEditable && facts.misspelledWord) {
    const word = facts.misspelledWord;
    const suggestions = facts.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
    if (suggestions.length === 0) items.push({ label: 'No Guesses Found', enabled: false });
    for (const suggestion of suggestions) items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
    items.push({ label: 'Add to Dictionary', click: () => actions.addToDictionary(word) }, { type: 'separator' });
  }

  if (facts.isEditable) {
    items.push(
      { role: 'cut', enabled: facts.editFlags.canCut },
      { role: 'copy', enabled: facts.editFlags.canCopy },
      { role: 'paste', enabled: facts.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: facts.editFlags.canSelectAll },
    );
    return items;
  }

  if (selection) {
    if (state.claimable) items.push({ label: 'Make a Claim', click: () => actions.makeClaim() }, { type: 'separator' });
    items.push({ role: 'copy', enabled: facts.editFlags.canCopy });
  }
  if (facts.editFlags.canSelectAll) {
    if (items.length > 0) items.push({ type: 'separator' });
    items.push({ role: 'selectAll' });
  }
  return items;
}

/** How long the renderer's "this right-click is on document text" report stays valid. */
export const CONTEXT_REPORT_MS = 1_000;

/**
 * The renderer reports, from its own `contextmenu` DOM event, whether the selection is claimable;
 * Electron's `context-menu` event follows. A stale or missing report counts as "not claimable".
 */
export class ContextSelection {
  private report: { claimable: boolean; at: number } | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  set(claimable: boolean): void {
    this.report = { claimable, at: this.now() };
  }

  /** Read once per menu. */
  take(): boolean {
    const report = this.report;
    this.report = undefined;
    if (!report) return false;
    const age = this.now() - report.at;
    return report.claimable && age >= 0 && age <= CONTEXT_REPORT_MS;
  }
}
