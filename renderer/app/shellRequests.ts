/**
 * The renderer's half of two shell requests (Electron only; in the browser host the bridge has
 * neither method and the browser does the work itself):
 * - a click on an http(s) link asks the shell to open it in the system browser; the shell checks
 *   that a real click or key press just happened in this window (script-made clicks are refused);
 * - a right-click tells the shell whether the selection is document text, so its context menu can
 *   offer "Make a Claim".
 */

/** Marks the element whose selected text a claim can be made from (the document view's text). */
export const CLAIM_SOURCE_ATTRIBUTE = 'data-claim-source';

/** Is the window's selection a non-empty range lying wholly inside a claim source? */
export function selectionIsClaimable(doc: Document): boolean {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed || sel.toString().trim() === '') return false;
  const range = sel.getRangeAt(0);
  const host = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest(`[${CLAIM_SOURCE_ATTRIBUTE}]`);
  const start = host(range.startContainer);
  return Boolean(start && start === host(range.endContainer));
}

/** The http(s) URL a click on `target` would follow, if it is a link to the outside. */
export function externalLinkTarget(target: EventTarget | null): string | null {
  const anchor = target instanceof Element ? target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return null;
  return /^https?:$/i.test(anchor.protocol) ? anchor.href : null;
}

export function installShellRequests(win: Window = window): () => void {
  const bridge = win.claimbench;
  const cleanups: Array<() => void> = [];
  if (bridge?.openExternal) {
    const openExternal = bridge.openExternal.bind(bridge);
    const onClick = (e: MouseEvent) => {
      // Left click, or middle click (auxclick); a modified click still opens in the system browser.
      if (e.defaultPrevented || (e.type === 'click' && e.button !== 0) || (e.type === 'auxclick' && e.button !== 1)) return;
      const url = externalLinkTarget(e.target);
      if (!url) return;
      e.preventDefault();
      void openExternal(url);
    };
    win.document.addEventListener('click', onClick);
    win.document.addEventListener('auxclick', onClick);
    cleanups.push(() => {
      win.document.removeEventListener('click', onClick);
      win.document.removeEventListener('auxclick', onClick);
    });
  }
  if (bridge?.reportContextSelection) {
    const report = bridge.reportContextSelection.bind(bridge);
    const onContextMenu = () => report(selectionIsClaimable(win.document));
    win.document.addEventListener('contextmenu', onContextMenu, true);
    cleanups.push(() => win.document.removeEventListener('contextmenu', onContextMenu, true));
  }
  return () => cleanups.forEach((c) => c());
}
