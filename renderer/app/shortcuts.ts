import { bindingOf, chordLabel, KEYMAP, SHORTCUT_GROUPS, type KeyCommand, type ShortcutGroup } from '../../shared/keymap';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

export interface ShortcutHelp {
  keys: string[];
  label: string;
  group: ShortcutGroup;
}

/** The Shortcuts dialog's lines, derived from the keymap: one line per binding, in its group's order. */
export function shortcutHelp(): ShortcutHelp[] {
  return SHORTCUT_GROUPS.flatMap((group) =>
    KEYMAP.filter((b) => b.group === group).map((b) => ({
      keys: b.chords.map((c) => chordLabel(c, isMac)),
      label: b.label,
      group,
    })),
  );
}

/** How a button or tooltip names a command's key: its first chord (e.g. `Ctrl+Shift+K`). */
export function shortcutOf(command: KeyCommand): string {
  return chordLabel(bindingOf(command).chords[0]!, isMac);
}

/** True when keys typed there are text, not commands. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
  }
  return false;
}
