export interface ShortcutHelp {
  keys: string[];
  label: string;
  group: 'Move' | 'Verdict' | 'Edit' | 'Find and create' | 'Team' | 'Session';
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';

/** The list the `?` dialog shows; the handler in useKeyboard.ts implements exactly these. */
export const SHORTCUTS: ShortcutHelp[] = [
  { keys: ['j', '↓'], label: 'Next claim', group: 'Move' },
  { keys: ['k', '↑'], label: 'Previous claim', group: 'Move' },
  { keys: ['Home', 'End'], label: 'First / last claim', group: 'Move' },
  { keys: ['Esc'], label: 'Back to the claim list', group: 'Move' },
  { keys: ['s'], label: 'Mark Sourced', group: 'Verdict' },
  { keys: ['d'], label: 'Mark Disputed', group: 'Verdict' },
  { keys: ['u'], label: 'Mark Unverified', group: 'Verdict' },
  { keys: ['e'], label: 'Edit the claim text', group: 'Edit' },
  { keys: [`${MOD}+Enter`], label: 'Save the field you are editing', group: 'Edit' },
  { keys: ['Delete'], label: 'Delete the claim', group: 'Edit' },
  { keys: [`${MOD}+Z`], label: 'Undo', group: 'Edit' },
  { keys: [`${MOD}+Shift+Z`], label: 'Redo', group: 'Edit' },
  { keys: ['/'], label: 'Filter the claim list', group: 'Find and create' },
  { keys: ['a'], label: 'Add a claim by hand', group: 'Find and create' },
  { keys: ['n'], label: 'New document from text or a file', group: 'Find and create' },
  { keys: [`${MOD}+E`], label: 'Export a report', group: 'Find and create' },
  { keys: [`${MOD}+I`], label: 'Import files (or drop them on the window)', group: 'Find and create' },
  { keys: ['v'], label: 'Switch between the claim list and the document text', group: 'Move' },
  { keys: ['c'], label: 'In the document: make a claim from the selected text or the sentence at the caret', group: 'Edit' },
  { keys: ['b'], label: 'In the document: split the claim at the caret', group: 'Edit' },
  { keys: ['m'], label: 'In the document: merge the claim with the next one', group: 'Edit' },
  { keys: ['?'], label: 'Show these shortcuts', group: 'Find and create' },
  { keys: ['x'], label: 'Select or unselect the claim', group: 'Move' },
  { keys: ['Shift+J', 'Shift+K'], label: 'Extend the selection down / up', group: 'Move' },
  { keys: [`${MOD}+A`], label: 'Select every listed claim', group: 'Move' },
  { keys: ['Esc'], label: 'Clear the selection', group: 'Move' },
  { keys: ['s', 'd', 'u'], label: 'With a selection: set the verdict of all selected', group: 'Verdict' },
  { keys: ['i'], label: 'Assign (the selection, or this claim)', group: 'Edit' },
  { keys: ['t'], label: 'Tag (the selection, or this claim)', group: 'Edit' },
  { keys: ['l'], label: 'Add a source (paste a link or text)', group: 'Edit' },
  { keys: ['p'], label: 'Attach a file', group: 'Edit' },
  { keys: ['w'], label: 'Write a note', group: 'Edit' },
  { keys: ['y'], label: 'Attach the best published fact-check (fact-check library) as a source', group: 'Edit' },
  { keys: [`${MOD}+F`], label: 'Search claims, sources, notes and documents', group: 'Find and create' },
  { keys: ['f'], label: 'Filter by verdict, document, claimant, assignee, tag, source', group: 'Find and create' },
  { keys: ['o'], label: 'Sort the claim list', group: 'Find and create' },
  { keys: ['h'], label: 'Workspace activity', group: 'Find and create' },
  { keys: [`${MOD}+Shift+K`], label: 'Open the conflict queue', group: 'Team' },
  { keys: ['j', 'k'], label: 'In the queue: next / previous conflict', group: 'Team' },
  { keys: ['1', '2'], label: 'In the queue: keep that side', group: 'Team' },
  { keys: ['n'], label: 'In the queue: write a new decision', group: 'Team' },
  { keys: ['g'], label: 'Start a checking session', group: 'Session' },
  { keys: ['Shift+G'], label: 'Sessions: resume or open one', group: 'Session' },
  { keys: ['Enter'], label: 'In a session: done with this claim, go to the next', group: 'Session' },
  { keys: ['q'], label: 'In a session: skip (comes back after the rest)', group: 'Session' },
  { keys: ['m'], label: 'In a session: needs more time', group: 'Session' },
  { keys: ['r'], label: 'In a session: reopen the claim', group: 'Session' },
  { keys: ['s', 'd', 'u'], label: 'In a session: verdict of the current claim', group: 'Session' },
  { keys: ['j', 'k'], label: 'In a session: next / previous claim of the queue', group: 'Session' },
  { keys: ['Shift+P'], label: 'In a session: pause or resume', group: 'Session' },
  { keys: ['c'], label: 'In a session: type in the capture box', group: 'Session' },
  { keys: ['Shift+F'], label: 'In a capture session: follow a transcript file as it is written', group: 'Session' },
  { keys: ['Enter'], label: 'In the capture box: add the text to the transcript', group: 'Session' },
  { keys: [`${MOD}+Enter`], label: 'In the capture box: capture the text as a claim by hand', group: 'Session' },
  { keys: ['Esc'], label: 'In a session: back to the claim list (the session keeps its state)', group: 'Session' },
];

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
