/** The element the keyboard rests on in the middle pane: the session, the document text or the claim list. */
export function focusHome(): void {
  document.querySelector<HTMLElement>('#session-workbench, .doc-scroll, .claim-list')?.focus();
}
