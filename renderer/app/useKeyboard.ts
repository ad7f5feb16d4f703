import { useMemo } from 'react';
import type { Commands } from './commands';
import { focusHome, useKeyHandlers, type KeyHandlers } from './keymap';
import { useWorkbench } from './workbench';
import { DIALOG_SELECTOR } from '../ui/focusHome';

/** The open dialog a key press belongs to: the one holding the target, else the last one opened. */
function dialogOf(target: EventTarget | null): Element | null {
  const own = target instanceof Element ? target.closest(DIALOG_SELECTOR) : null;
  return own ?? [...document.querySelectorAll(DIALOG_SELECTOR)].at(-1) ?? null;
}

/** A dialog's main action is its form's submit; a dialog without a form has none. */
function submitDialog(e: KeyboardEvent): false | void {
  const form = dialogOf(e.target)?.querySelector('form');
  if (!form) return false;
  form.requestSubmit();
}

/** Ctrl/Cmd+Enter anywhere in a form outside dialogs (a source's fields or its stance, a note): submit it, as its button would. */
function submitField(e: KeyboardEvent): false | void {
  const form = e.target instanceof Element ? e.target.closest('form') : null;
  if (!form) return false;
  form.requestSubmit();
}

function leaveField(e: KeyboardEvent): void {
  if (e.target instanceof HTMLElement) e.target.blur();
  focusHome();
}

/** The app-wide commands of the keymap (shared/keymap.ts); feature folders register their own. */
export function useKeyboard(commands: Commands): void {
  const { dispatch } = useWorkbench();
  const handlers = useMemo<KeyHandlers>(
    () => ({
      'list.next': () => commands.move(1),
      'list.previous': () => commands.move(-1),
      'list.first': () => commands.moveTo(0),
      'list.last': () => commands.moveTo(Number.MAX_SAFE_INTEGER),
      'view.toggleDocument': commands.toggleDocumentView,
      'document.back': () => {
        commands.toggleDocumentView();
        window.setTimeout(focusHome);
      },
      'claim.editText': commands.editText,
      'claim.editRationale': commands.editRationale,
      'claim.add': commands.addClaim,
      'document.new': () => commands.newDocument(),
      'document.openTextFile': () => commands.newDocument(true),
      'import.files': () => commands.importFiles(),
      'export.report': commands.exportReport,
      'history.undo': commands.undo,
      'history.redo': commands.redo,
      'find.filterText': commands.focusFilter,
      'find.search': commands.focusFilter,
      'help.shortcuts': commands.showShortcuts,
      'activity.show': () => dispatch({ type: 'dialog', dialog: 'activity' }),
      'documents.focus': commands.focusDocuments,
      'team.share': () => dispatch({ type: 'dialog', dialog: 'share' }),
      'team.merge': () => dispatch({ type: 'dialog', dialog: 'merge' }),
      'team.conflicts': () => dispatch({ type: 'dialog', dialog: 'conflicts' }),
      'session.start': () => dispatch({ type: 'dialog', dialog: 'start-session' }),
      'session.list': () => dispatch({ type: 'dialog', dialog: 'sessions' }),
      'capture.start': () => dispatch({ type: 'dialog', dialog: 'start-capture' }),
      'field.leave': leaveField,
      'field.submit': submitField,
      'dialog.submit': submitDialog,
    }),
    [commands, dispatch],
  );
  useKeyHandlers(handlers);
}
