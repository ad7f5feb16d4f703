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
