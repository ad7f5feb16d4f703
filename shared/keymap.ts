/**
 * Every keyboard binding of the app, declared once. The renderer's dispatcher, the Shortcuts
 * dialog and the shell menu's accelerators all derive from this table.
 *
 * A binding applies in the modes it names; at any moment exactly one mode is current:
 * - `dialog`: a dialog is open (it owns the keyboard; Radix handles Esc and Tab),
 * - `text`: focus is in a text field outside a dialog,
 * - `session`: the checking-session workbench fills the middle pane,
 * - `document`: the middle pane shows a document's text,
 * - `list`: the claim list (the resting mode).
 */
export const KEY_MODES = ['list', 'document', 'session', 'dialog', 'text'] as const;
export type KeyMode = (typeof KEY_MODES)[number];

/** One key press. `key` is KeyboardEvent.key, lower case for letters; `mod` is Ctrl, or ⌘ on a Mac. */
export interface Chord {
  key: string;
  mod?: boolean;
  shift?: boolean;
}

export type ShortcutGroup =
  'Move' | 'Verdict' | 'Edit' | 'Find and create' | 'Team' | 'Session' | 'Dialogs and fields' | 'Workspace';

/**
 * - no `handler` (the usual case): the renderer's one window listener runs the command.
 * - `handler: 'component'`: the focused component handles the key itself (the capture box's Enter,
 *   the conflict queue's keys, Radix's Esc in a dialog) and tests the key with `matchesBinding`.
 * - `handler: 'shell'`: only the desktop menu acts (workspace files, closing the window).
 */
export interface Binding {
  command: string;
  chords: readonly Chord[];
  modes: readonly KeyMode[];
  label: string;
  group: ShortcutGroup;
  handler?: 'component' | 'shell';
  /** The desktop menu item for this command shows the binding's first chord with `mod` as its accelerator. */
  menu?: true;
}

const NAVIGATE = ['list', 'document'] as const;
const WORKBENCH = ['list', 'document', 'session'] as const;
const ANYWHERE = ['list', 'document', 'session', 'text'] as const;
const ALWAYS = ['list', 'document', 'session', 'text', 'dialog'] as const;

const k = (key: string, extra: Omit<Chord, 'key'> = {}): Chord => ({ key, ...extra });
const mod = (key: string, shift = false): Chord => ({ key, mod: true, ...(shift ? { shift } : {}) });
const shift = (key: string): Chord => ({ key, shift: true });

export const KEYMAP = [
  // The claim list, and the document text (which moves through the same list).
  { command: 'list.next', chords: [k('j'), k('ArrowDown')], modes: NAVIGATE, label: 'Next claim', group: 'Move' },
  { command: 'list.previous', chords: [k('k'), k('ArrowUp')], modes: NAVIGATE, label: 'Previous claim', group: 'Move' },
  { command: 'list.first', chords: [k('Home')], modes: NAVIGATE, label: 'First claim', group: 'Move' },
  { command: 'list.last', chords: [k('End')], modes: NAVIGATE, label: 'Last claim', group: 'Move' },
  { command: 'list.toggleMark', chords: [k('x')], modes: ['list'], label: 'Select or unselect the claim', group: 'Move' },
  {
    command: 'list.extendDown',
    chords: [shift('j'), shift('ArrowDown')],
    modes: ['list'],
    label: 'Extend the selection down',
    group: 'Move',
  },
  {
    command: 'list.extendUp',
    chords: [shift('k'), shift('ArrowUp')],
    modes: ['list'],
    label: 'Extend the selection up',
    group: 'Move',
  },
  { command: 'list.selectAll', chords: [mod('a')], modes: ['list'], label: 'Select every listed claim', group: 'Move' },
  {
    command: 'list.escape',
    chords: [k('Escape')],
    modes: ['list'],
    label: 'Clear the selection, or else the filter',
    group: 'Move',
  },
  {
    command: 'view.toggleDocument',
    chords: [k('v')],
    modes: NAVIGATE,
    label: 'Switch between the claim list and the document text',
    group: 'Move',
  },
  {
    command: 'document.back',
    chords: [k('Escape')],
    modes: ['document'],
    label: 'In the document: back to the claim list',
    group: 'Move',
  },

  {
    command: 'verdict.sourced',
    chords: [k('s')],
    modes: NAVIGATE,
    label: 'Mark Sourced (or every selected claim)',
    group: 'Verdict',
  },
  {
    command: 'verdict.disputed',
    chords: [k('d')],
    modes: NAVIGATE,
    label: 'Mark Disputed (or every selected claim)',
    group: 'Verdict',
  },
  {
    command: 'verdict.unverified',
    chords: [k('u')],
    modes: NAVIGATE,
    label: 'Mark Unverified (or every selected claim)',
    group: 'Verdict',
  },

  { command: 'claim.editText', chords: [k('e')], modes: NAVIGATE, label: 'Edit the claim text', group: 'Edit' },
  { command: 'claim.delete', chords: [k('Delete'), k('Backspace')], modes: NAVIGATE, label: 'Delete the claim', group: 'Edit' },
  { command: 'claim.assign', chords: [k('i')], modes: WORKBENCH, label: 'Assign (the selection, or this claim)', group: 'Edit' },
  { command: 'claim.tag', chords: [k('t')], modes: WORKBENCH, label: 'Tag (the selection, or this claim)', group: 'Edit' },
  {
    command: 'evidence.addSource',
    chords: [k('l')],
    modes: WORKBENCH,
    label: 'Add a source (paste a link or text)',
    group: 'Edit',
  },
  { command: 'evidence.attachFile', chords: [k('p')], modes: WORKBENCH, label: 'Attach a file', group: 'Edit' },
  { command: 'evidence.writeNote', chords: [k('w')], modes: WORKBENCH, label: 'Write a note', group: 'Edit' },
  {
    command: 'library.attachBest',
    chords: [k('y')],
    modes: WORKBENCH,
    label: 'Attach the best published fact-check (fact-check library) as a source',
    group: 'Edit',
  },
  { command: 'history.undo', chords: [mod('z')], modes: WORKBENCH, label: 'Undo', group: 'Edit', menu: true },
  { command: 'history.redo', chords: [mod('z', true), mod('y')], modes: WORKBENCH, label: 'Redo', group: 'Edit', menu: true },
  {
    command: 'document.makeClaim',
    chords: [k('c')],
    modes: ['document'],
    label: 'In the document: make a claim from the selected text or the sentence at the caret',
    group: 'Edit',
  },
  {
    command: 'document.split',
    chords: [k('b')],
    modes: ['document'],
    label: 'In the document: split the claim at the caret',
    group: 'Edit',
  },
  {
    command: 'document.mergeNext',
    chords: [k('m')],
    modes: ['document'],
    label: 'In the document: merge the claim with the next one',
    group: 'Edit',
  },

  {
    command: 'find.search',
    chords: [mod('f')],
    modes: ANYWHERE,
    label: 'Search claims, sources, notes and documents',
    group: 'Find and create',
    menu: true,
  },
  { command: 'find.filterText', chords: [k('/')], modes: WORKBENCH, label: 'Filter the claim list', group: 'Find and create' },
  {
    command: 'find.filterMenu',
    chords: [k('f')],
    modes: WORKBENCH,
    label: 'Filter by verdict, document, claimant, assignee, tag, source',
    group: 'Find and create',
  },
  { command: 'find.sort', chords: [k('o')], modes: WORKBENCH, label: 'Sort the claim list', group: 'Find and create' },
  { command: 'claim.add', chords: [k('a')], modes: NAVIGATE, label: 'Add a claim by hand', group: 'Find and create' },
  {
    command: 'document.new',
    chords: [k('n'), mod('n')],
    modes: WORKBENCH,
    label: 'New document from text or a file',
    group: 'Find and create',
    menu: true,
  },
  {
    command: 'document.openTextFile',
    chords: [mod('o', true)],
    modes: WORKBENCH,
    label: 'Open a text file as a new document',
    group: 'Find and create',
    menu: true,
  },
  {
    command: 'import.files',
    chords: [mod('i')],
    modes: ANYWHERE,
    label: 'Import files (or drop them on the window)',
    group: 'Find and create',
    menu: true,
  },
  {
    command: 'export.report',
    chords: [mod('e')],
    modes: ANYWHERE,
    label: 'Export a report',
    group: 'Find and create',
    menu: true,
  },
  {
    command: 'activity.show',
    chords: [k('h'), mod('y', true)],
    modes: WORKBENCH,
    label: 'Workspace activity',
    group: 'Find and create',
    menu: true,
  },
  {
    command: 'help.shortcuts',
    chords: [k('?'), mod('/')],
    modes: WORKBENCH,
    label: 'Show these shortcuts',
    group: 'Find and create',
    menu: true,
  },

  {
    command: 'team.conflicts',
    chords: [mod('k', true)],
    modes: ANYWHERE,
    label: 'Open the conflict queue',
    group: 'Team',
    menu: true,
  },
  {
    command: 'conflicts.next',
    chords: [k('j'), k('ArrowDown')],
    modes: ['dialog'],
    label: 'In the conflict queue: next conflict',
    group: 'Team',
    handler: 'component',
  },
  {
    command: 'conflicts.previous',
    chords: [k('k'), k('ArrowUp')],
    modes: ['dialog'],
    label: 'In the conflict queue: previous conflict',
    group: 'Team',
    handler: 'component',
  },
  {
    command: 'conflicts.first',
    chords: [k('Home')],
    modes: ['dialog'],
    label: 'In the conflict queue: first conflict',
    group: 'Team',
    handler: 'component',
  },
  {
    command: 'conflicts.last',
    chords: [k('End')],
    modes: ['dialog'],
    label: 'In the conflict queue: last conflict',
    group: 'Team',
    handler: 'component',
  },
  {
    command: 'conflicts.keepSide',
    chords: [k('1'), k('2')],
    modes: ['dialog'],
    label: 'In the conflict queue: keep that side (1, 2, … for more sides)',
    group: 'Team',
    handler: 'component',
  },
  {
    command: 'conflicts.newDecision',
    chords: [k('n')],
    modes: ['dialog'],
    label: 'In the conflict queue: write a new decision',
    group: 'Team',
    handler: 'component',
  },

  {
    command: 'session.start',
    chords: [k('g'), mod('g', true)],
    modes: WORKBENCH,
    label: 'Start a checking session',
    group: 'Session',
    menu: true,
  },
  { command: 'session.list', chords: [shift('g')], modes: WORKBENCH, label: 'Sessions: resume or open one', group: 'Session' },
  {
    command: 'capture.start',
    chords: [mod('l', true)],
    modes: WORKBENCH,
    label: 'Start a live capture session',
    group: 'Session',
    menu: true,
  },
  {
    command: 'session.next',
    chords: [k('j'), k('ArrowDown')],
    modes: ['session'],
    label: 'In a session: next claim of the queue',
    group: 'Session',
  },
  {
    command: 'session.previous',
    chords: [k('k'), k('ArrowUp')],
    modes: ['session'],
    label: 'In a session: previous claim of the queue',
    group: 'Session',
  },
  {
    command: 'session.first',
    chords: [k('Home')],
    modes: ['session'],
    label: 'In a session: first claim of the queue',
    group: 'Session',
  },
  {
    command: 'session.last',
    chords: [k('End')],
    modes: ['session'],
    label: 'In a session: last claim of the queue',
    group: 'Session',
  },
  {
    command: 'session.sourced',
    chords: [k('s')],
    modes: ['session'],
    label: 'In a session: mark the current claim Sourced',
    group: 'Session',
  },
  {
    command: 'session.disputed',
    chords: [k('d')],
    modes: ['session'],
    label: 'In a session: mark the current claim Disputed',
    group: 'Session',
  },
  {
    command: 'session.unverified',
    chords: [k('u')],
    modes: ['session'],
    label: 'In a session: mark the current claim Unverified',
    group: 'Session',
  },
  {
    command: 'session.done',
    chords: [k('Enter')],
    modes: ['session'],
    label: 'In a session: done with this claim, go to the next',
    group: 'Session',
  },
  {
    command: 'session.skip',
    chords: [k('q')],
    modes: ['session'],
    label: 'In a session: skip (comes back after the rest)',
    group: 'Session',
  },
  { command: 'session.later', chords: [k('m')], modes: ['session'], label: 'In a session: needs more time', group: 'Session' },
  { command: 'session.reopen', chords: [k('r')], modes: ['session'], label: 'In a session: reopen the claim', group: 'Session' },
  {
    command: 'session.pause',
    chords: [shift('p')],
    modes: ['session'],
    label: 'In a session: pause or resume',
    group: 'Session',
  },
  {
    command: 'session.capture',
    chords: [k('c')],
    modes: ['session'],
    label: 'In a session: type in the capture box',
    group: 'Session',
  },
  {
    command: 'session.follow',
    chords: [shift('f')],
    modes: ['session'],
    label: 'In a capture session: follow a transcript file as it is written',
    group: 'Session',
  },
  {
    command: 'session.leave',
    chords: [k('Escape')],
    modes: ['session'],
    label: 'In a session: back to the claim list (the session keeps its state)',
    group: 'Session',
  },
  {
    command: 'capture.addLine',
    chords: [k('Enter')],
    modes: ['text'],
    label: 'In the capture box: add the text to the transcript',
    group: 'Session',
    handler: 'component',
  },

  {
    command: 'field.leave',
    chords: [k('Escape')],
    modes: ['text'],
    label: 'Leave the field, back to the list',
    group: 'Dialogs and fields',
  },
  {
    command: 'field.submit',
    chords: [mod('Enter')],
    modes: ['text'],
    label: 'Save or add what you typed (in the capture box: capture it as a claim)',
    group: 'Dialogs and fields',
  },
  {
    command: 'dialog.submit',
    chords: [mod('Enter')],
    modes: ['dialog'],
    label: 'In a dialog: its main action, from any field',
    group: 'Dialogs and fields',
  },
  {
    command: 'dialog.close',
    chords: [k('Escape')],
    modes: ['dialog'],
    label: 'Close the dialog, back to the list',
    group: 'Dialogs and fields',
    handler: 'component',
  },

  {
    command: 'workspace.new',
    chords: [mod('n', true)],
    modes: ALWAYS,
    label: 'New workspace (desktop app)',
    group: 'Workspace',
    handler: 'shell',
    menu: true,
  },
  {
    command: 'workspace.open',
    chords: [mod('o')],
    modes: ALWAYS,
    label: 'Open a workspace (desktop app)',
    group: 'Workspace',
    handler: 'shell',
    menu: true,
  },
  {
    command: 'workspace.saveCopy',
    chords: [mod('s', true)],
    modes: ALWAYS,
    label: 'Save a copy of the workspace (desktop app)',
    group: 'Workspace',
    handler: 'shell',
    menu: true,
  },
  {
    command: 'window.close',
    chords: [mod('w')],
    modes: ALWAYS,
    label: 'Close the window (desktop app)',
    group: 'Workspace',
    handler: 'shell',
    menu: true,
  },
] as const satisfies readonly Binding[];

export type KeyCommand = (typeof KEYMAP)[number]['command'];
export type DispatchedCommand = Exclude<KeyCommand, Extract<(typeof KEYMAP)[number], { handler: string }>['command']>;
export type MenuCommand = Extract<(typeof KEYMAP)[number], { menu: true }>['command'];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  'Move',
  'Verdict',
  'Edit',
  'Find and create',
  'Team',
  'Session',
  'Dialogs and fields',
  'Workspace',
];

const BY_COMMAND = new Map<string, Binding>(KEYMAP.map((b) => [b.command, b]));

export function bindingOf(command: KeyCommand): Binding {
  const binding = BY_COMMAND.get(command);
  if (!binding) throw new Error(`No key binding for ${command}`);
  return binding;
}

/** What a key event presses, in the keymap's terms. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const isLetter = (key: string) => /^[a-z]$/i.test(key);
/** Printable symbols (?, /) already say which Shift state typed them; only letters and named keys read Shift. */
const readsShift = (key: string) => isLetter(key) || key.length > 1;

export function chordMatches(chord: Chord, press: KeyPress): boolean {
  if (press.altKey) return false;
  if (!!chord.mod !== (press.ctrlKey || press.metaKey)) return false;
  if (readsShift(chord.key) && !!chord.shift !== press.shiftKey) return false;
  return isLetter(chord.key) ? press.key.toLowerCase() === chord.key : press.key === chord.key;
}

export function matchesBinding(command: KeyCommand, press: KeyPress): boolean {
  return bindingOf(command).chords.some((c) => chordMatches(c, press));
}

/** The binding a key press means in a mode, if any. */
export function bindingFor(mode: KeyMode, press: KeyPress): Binding | undefined {
  return KEYMAP.find((b) => (b.modes as readonly KeyMode[]).includes(mode) && b.chords.some((c) => chordMatches(c, press)));
}

/** Two chords that one key press could both match. */
export function chordsOverlap(a: Chord, b: Chord): boolean {
  if (!!a.mod !== !!b.mod) return false;
  const same = isLetter(a.key) && isLetter(b.key) ? a.key.toLowerCase() === b.key.toLowerCase() : a.key === b.key;
  if (!same) return false;
  return !readsShift(a.key) || !!a.shift === !!b.shift;
}

/** True when the renderer's dispatcher runs the binding (rather than a component or the desktop menu). */
export function isDispatched(binding: Binding): boolean {
  return binding.handler === undefined;
}

/** Pairs of bindings that claim the same key press in the same mode (the keymap must have none). */
export function keymapClashes(keymap: readonly Binding[] = KEYMAP): string[] {
  const clashes: string[] = [];
  keymap.forEach((a, i) => {
    for (const b of keymap.slice(i + 1)) {
      const modes = a.modes.filter((m) => b.modes.includes(m));
      if (modes.length === 0) continue;
      for (const ca of a.chords)
        for (const cb of b.chords)
          if (chordsOverlap(ca, cb))
            clashes.push(`${chordLabel(ca, false)} in ${modes.join('/')}: ${a.command} and ${b.command}`);
    }
  });
  return clashes;
}

const KEY_NAMES: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
  Delete: 'Delete',
  Backspace: 'Backspace',
};

/** How the Shortcuts dialog and button hints write a chord: `Ctrl+Shift+K`, `⌘+E`, `Shift+J`, `j`. */
export function chordLabel(chord: Chord, isMac: boolean): string {
  const key = KEY_NAMES[chord.key] ?? (isLetter(chord.key) && (chord.mod || chord.shift) ? chord.key.toUpperCase() : chord.key);
  return [chord.mod ? (isMac ? '⌘' : 'Ctrl') : null, chord.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

/** The Electron accelerator of a menu command: its first chord with `mod`. */
export function menuAccelerator(command: MenuCommand): string {
  const chord = bindingOf(command).chords.find((c) => c.mod);
  if (!chord) throw new Error(`${command} has no chord with Ctrl/Cmd for the menu`);
  const key = isLetter(chord.key) ? chord.key.toUpperCase() : chord.key;
  return ['CmdOrCtrl', chord.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}
