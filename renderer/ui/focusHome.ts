import { useEffect, type RefObject } from 'react';

/** An open dialog of any kind: while there is one, it owns the keyboard. */
export const DIALOG_SELECTOR = '[role="dialog"],[role="alertdialog"]';

/** The element the keyboard rests on in the middle pane: the session, the document text or the claim list. */
export function focusHome(): void {
  document.querySelector<HTMLElement>('#session-workbench, .doc-scroll, .claim-list')?.focus();
}

/** True when the keyboard rests on nothing, as after the button or pane that had it went away, and no dialog is open. */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return (active === null || active === document.body) && !document.querySelector(DIALOG_SELECTOR);
}

/**
 * A popover's close (its onCloseAutoFocus): the keyboard goes back to the list, where j/k act, not to
 * the button that opened the popover; if the person clicked into something else, it stays there.
 */
export function returnFocusHome(e: Event): void {
  e.preventDefault();
  if (focusIsLost()) focusHome();
}

/**
 * A pane that replaces the one the keyboard was on (the document view for the list, a session for the workbench)
 * takes the keyboard when it appears, once `ready`, if it rests on nothing: keys act there, its focus ring shows,
 * and Tab goes on from it, not from the top of the page.
 */
export function useTakeLostFocus(ref: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    if (ready && focusIsLost()) ref.current?.focus({ preventScroll: true });
  }, [ref, ready]);
}
