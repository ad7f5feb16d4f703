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

type Extra = Partial<Pick<Binding, 'handler' | 'menu'>>;

function bind<const C extends string, const E extends Extra = Record<never, never>>(
  command: C,
  chords: readonly Chord[],
  modes: readonly KeyMode[],
  label: string,
  extra?: E,
) {
  return { command, chords, modes, label, ...extra } as {
    command: C;
    chords: readonly Chord[];
    modes: readonly KeyMode[];
    label: string;
  } & E;
}

function inGroup<const B extends { command: string }>(
  group: ShortcutGroup,
  bindings: readonly B[],
): (B & { group: ShortcutGroup })[] {
  return bindings.map((b) => ({ ...b, group }));
}

type Step = 'next' | 'previous' | 'first' | 'last';

/** j/k (and the arrows), Home and End through a list: the claim list, the conflict queue, a session's queue. */
function steps<const P extends string, const E extends Extra = Record<never, never>>(
  prefix: P,
  modes: readonly KeyMode[],
  label: (step: Step) => string,
  extra?: E,
) {
  return [
    bind(`${prefix}.next`, [k('j'), k('ArrowDown')], modes, label('next'), extra),
    bind(`${prefix}.previous`, [k('k'), k('ArrowUp')], modes, label('previous'), extra),
    bind(`${prefix}.first`, [k('Home')], modes, label('first'), extra),
    bind(`${prefix}.last`, [k('End')], modes, label('last'), extra),
  ];
}

/** s, d and u: the three decisions. */
function verdicts<const P extends string>(prefix: P, modes: readonly KeyMode[], label: (verdict: string) => string) {
  return [
    bind(`${prefix}.sourced`, [k('s')], modes, label('Sourced')),
    bind(`${prefix}.disputed`, [k('d')], modes, label('Disputed')),
    bind(`${prefix}.unverified`, [k('u')], modes, label('Unverified')),
  ];
}

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const SHELL = { handler: 'shell', menu: true } as const;
const COMPONENT = { handler: 'component' } as const;
const MENU = { menu: true } as const;

export const KEYMAP = [
  // The claim list, and the document text (which moves through the same list).
  ...inGroup('Move', [
    ...steps('list', NAVIGATE, (step) => `${capitalised(step)} claim`),
    bind('list.toggleMark', [k('x')], ['list'], 'Select or unselect the claim'),
    bind('list.extendDown', [shift('j'), shift('ArrowDown')], ['list'], 'Extend the selection down'),
    bind('list.extendUp', [shift('k'), shift('ArrowUp')], ['list'], 'Extend the selection up'),
    bind('list.selectAll', [mod('a')], ['list'], 'Select every listed claim'),
    bind('list.escape', [k('Escape')], ['list'], 'Clear the selection, or else every filter'),
    bind('view.toggleDocument', [k('v')], NAVIGATE, 'Switch between the claim list and the document text'),
    bind('document.back', [k('Escape')], ['document'], 'In the document: back to the claim list'),
    bind(
      'documents.focus',
      [shift('d')],
      NAVIGATE,
      'Go to the documents pane (there ↑/↓, Home and End pick a document, Enter goes to its claims)',
    ),
  ]),
  ...inGroup(
    'Verdict',
    verdicts('verdict', NAVIGATE, (verdict) => `Mark ${verdict} (or every selected claim)`),
  ),
  ...inGroup('Edit', [
    bind('claim.editText', [k('e')], NAVIGATE, 'Edit the claim text'),
    bind('claim.editRationale', [k('r')], NAVIGATE, 'Write the rationale (why this verdict)'),
    bind('claim.delete', [k('Delete'), k('Backspace')], NAVIGATE, 'Delete the claim (or the selected claims, after asking)'),
    bind('claim.assign', [k('i')], WORKBENCH, 'Assign (the selection, or this claim)'),
    bind('claim.tag', [k('t')], WORKBENCH, 'Tag (the selection, or this claim)'),
    bind('evidence.addSource', [k('l')], WORKBENCH, 'Add a source (paste a link or text)'),
    bind('evidence.attachFile', [k('p')], WORKBENCH, 'Attach a file'),
    bind('evidence.writeNote', [k('w')], WORKBENCH, 'Write a note'),
    bind('library.attachBest', [k('y')], WORKBENCH, 'Attach the best published fact-check (fact-check library) as a source'),
    bind('history.undo', [mod('z')], WORKBENCH, 'Undo', MENU),
    bind('history.redo', [mod('z', true), mod('y')], WORKBENCH, 'Redo', MENU),
    bind(
      'document.makeClaim',
      [k('c')],
      ['document'],
      'In the document: make a claim from the selected text or the sentence at the caret',
    ),
    bind('document.split', [k('b')], ['document'], 'In the document: split the claim at the caret'),
    bind('document.mergeNext', [k('m')], ['document'], 'In the document: merge the claim with the next one'),
  ]),
  ...inGroup('Find and create', [
    bind('find.search', [mod('f')], ANYWHERE, 'Search claims, sources, notes and documents', MENU),
    bind('find.filterText', [k('/')], WORKBENCH, 'Filter the claim list'),
    bind('find.filterMenu', [k('f')], WORKBENCH, 'Filter by verdict, document, claimant, assignee, tag, source'),
    bind('find.sort', [k('o')], WORKBENCH, 'Sort the claim list'),
    bind('claim.add', [k('a')], NAVIGATE, 'Add a claim by hand'),
    bind('document.new', [k('n'), mod('n')], WORKBENCH, 'New document from text or a file', MENU),
    bind('document.openTextFile', [mod('o', true)], WORKBENCH, 'Open a text file as a new document', MENU),
    bind('import.files', [mod('i')], ANYWHERE, 'Import files (or drop them on the window)', MENU),
    bind('export.report', [mod('e')], ANYWHERE, 'Export a report', MENU),
    bind('activity.show', [k('h'), mod('y', true)], WORKBENCH, 'Workspace activity', MENU),
    bind('help.shortcuts', [k('?'), mod('/')], WORKBENCH, 'Show these shortcuts', MENU),
  ]),
  ...inGroup('Team', [
    bind('team.share', [mod('e', true)], ANYWHERE, 'Share… (a file with your work for a teammate)', MENU),
    bind('team.merge', [mod('m', true)], ANYWHERE, 'Merge from teammate… (their share file)', MENU),
    bind('team.conflicts', [mod('k', true)], ANYWHERE, 'Open the conflict queue', MENU),
    ...steps('conflicts', ['dialog'], (step) => `In the conflict queue: ${step} conflict`, COMPONENT),
    bind(
      'conflicts.keepSide',
      [k('1'), k('2')],
      ['dialog'],
      'In the conflict queue: keep that side (1, 2, … for more sides)',
      COMPONENT,
    ),
    bind('conflicts.newDecision', [k('n')], ['dialog'], 'In the conflict queue: write a new decision', COMPONENT),
  ]),
  ...inGroup('Session', [
    bind('session.start', [k('g'), mod('g', true)], WORKBENCH, 'Start a checking session', MENU),
    bind('session.list', [shift('g')], WORKBENCH, 'Sessions: resume or open one'),
    bind('capture.start', [mod('l', true)], WORKBENCH, 'Start a live capture session', MENU),
    ...steps('session', ['session'], (step) => `In a session: ${step} claim of the queue`),
    ...verdicts('session', ['session'], (verdict) => `In a session: mark the current claim ${verdict}`),
    bind('session.done', [k('Enter')], ['session'], 'In a session: done with this claim, go to the next'),
    bind('session.skip', [k('q')], ['session'], 'In a session: skip (comes back after the rest)'),
    bind('session.later', [k('m')], ['session'], 'In a session: needs more time'),
    bind('session.reopen', [k('r')], ['session'], 'In a session: reopen the claim'),
    bind('session.pause', [shift('p')], ['session'], 'In a session: pause or resume'),
    bind('session.capture', [k('c')], ['session'], 'In a session: type in the capture box'),
    bind('session.follow', [shift('f')], ['session'], 'In a capture session: follow a transcript file as it is written'),
    bind('session.leave', [k('Escape')], ['session'], 'In a session: back to the claim list (the session keeps its state)'),
    bind('capture.addLine', [k('Enter')], ['text'], 'In the capture box: add the text to the transcript', COMPONENT),
  ]),
  ...inGroup('Dialogs and fields', [
    bind('field.leave', [k('Escape')], ['text'], 'Leave the field, back to the list'),
    bind(
      'field.submit',
      [mod('Enter')],
      ANYWHERE,
      'Save or add what you typed, from any field or button of the form (in the capture box: capture it as a claim)',
    ),
    bind('dialog.submit', [mod('Enter')], ['dialog'], 'In a dialog: its main action, from any field'),
    bind('dialog.close', [k('Escape')], ['dialog'], 'Close the dialog, back to the list', COMPONENT),
  ]),
  ...inGroup('Workspace', [
    // The desktop menu's accelerators; in the browser host the renderer opens its workspace dialogs.
    bind('workspace.new', [mod('n', true)], ANYWHERE, 'New workspace', MENU),
    bind('workspace.open', [mod('o')], ANYWHERE, 'Open a workspace', MENU),
    bind('workspace.saveCopy', [mod('s', true)], ALWAYS, 'Save a copy of the workspace (desktop app)', SHELL),
    bind('window.close', [mod('w')], ALWAYS, 'Close the window (desktop app)', SHELL),
  ]),
] satisfies readonly Binding[];

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
