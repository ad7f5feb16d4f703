/**
 * DOM selection to document offsets. Every rendered run of text is a leaf element with
 * `data-start` (its offset in the stored text) holding exactly that text, so a point in the DOM
 * maps back to a character offset without re-reading the text.
 */

function textHostStart(el: Element | null): number | null {
  const host = el?.closest<HTMLElement>('[data-start]');
  const start = host ? Number(host.dataset.start) : NaN;
  return Number.isFinite(start) ? start : null;
}

function firstHost(node: Node): HTMLElement | null {
  if (node instanceof HTMLElement) return node.matches('[data-start]') ? node : node.querySelector('[data-start]');
  return node.parentElement?.closest<HTMLElement>('[data-start]') ?? null;
}

/** The document offset of a DOM point (a selection's anchor or focus), or null outside the text. */
export function offsetOfPoint(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const start = textHostStart(node.parentElement);
    return start === null ? null : start + offset;
  }
  if (!(node instanceof Element)) return null;
  const child = node.childNodes[offset];
  const host = child ? firstHost(child) : null;
  if (host) return Number(host.dataset.start);
  // After the last child: the end of the last run inside.
  const runs = node.querySelectorAll<HTMLElement>('[data-start]');
  const last = runs[runs.length - 1];
  return last ? Number(last.dataset.start) + (last.textContent?.length ?? 0) : null;
}

export interface TextSelection {
  start: number;
  end: number;
  collapsed: boolean;
  /** Where the selection's start sits, for the floating button. */
  rect: DOMRect | null;
}

/** The window's selection as document offsets, if it lies inside `root`. */
export function selectionIn(root: HTMLElement): TextSelection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const a = offsetOfPoint(range.startContainer, range.startOffset);
  const b = offsetOfPoint(range.endContainer, range.endOffset);
  if (a === null || b === null) return null;
  const rects = range.getClientRects();
  return {
    start: Math.min(a, b),
    end: Math.max(a, b),
    collapsed: range.collapsed || a === b,
    rect: rects.length > 0 ? rects[rects.length - 1]! : null,
  };
}
