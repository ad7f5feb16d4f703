import type { Page } from 'playwright-core';

/**
 * Layout problems under the elements `selector` matches, found without looking at pixels: an
 * element whose content overflows a box that hides it (cut text, an ellipsis), an element outside
 * a clipping ancestor (a radio button cut on the left), or one outside the window.
 * Each problem reads "<where>: <what>", so a failing test names the element.
 */
export function clippedIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const problems: string[] = [];
    const tolerance = 1;
    const describe = (el: Element) => {
      const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 40) ?? '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${label}"`;
    };
    const visible = (el: Element) => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none';
    };
    // Screen-reader-only text (a condensed label) is clipped to a pixel on purpose.
    const srOnly = (el: Element) => {
      for (let a: Element | null = el; a; a = a.parentElement) {
        const r = a.getBoundingClientRect();
        if (r.width <= 1 && r.height <= 1) return true;
      }
      return false;
    };
    const scrolls = (style: CSSStyleDeclaration) =>
      ['auto', 'scroll'].includes(style.overflowY) || ['auto', 'scroll'].includes(style.overflowX);
    // Inside a scrolling box an element may lie below the fold; the box itself must be in the window.
    const inScroller = (el: Element, root: Element) => {
      for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) {
        if (scrolls(getComputedStyle(a))) return true;
      }
      return false;
    };
    const clips = (style: CSSStyleDeclaration) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
    for (const root of Array.from(document.querySelectorAll(sel))) {
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (!(el instanceof HTMLElement) || !visible(el) || srOnly(el)) continue;
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        if (style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth) {
          problems.push(`${describe(el)}: content ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
        }
        if (
          !inScroller(el, root) &&
          (rect.left < -tolerance ||
            rect.top < -tolerance ||
            rect.right > innerWidth + tolerance ||
            rect.bottom > innerHeight + tolerance)
        ) {
          problems.push(`${describe(el)}: outside the ${innerWidth}×${innerHeight} window`);
        }
        // The nearest clipping ancestor, scrolling or not: a scroller may hide what lies below the
        // fold, never what sticks out to the side.
        for (let a = el.parentElement; a && a !== root.parentElement; a = a.parentElement) {
          const as = getComputedStyle(a);
          if (!clips(as)) continue;
          const box = a.getBoundingClientRect();
          if (rect.left < box.left - tolerance || rect.right > box.right + tolerance) {
            problems.push(`${describe(el)}: cut by ${describe(a)}`);
          }
          break;
        }
      }
    }
    return problems;
  }, selector);
}

/** The selected claim row lies wholly inside the list's visible area. */
export function selectedRowInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const row = document.querySelector('.claim-list [role="option"][aria-selected="true"]');
    const list = document.querySelector('.claim-list');
    if (!row || !list) return false;
    const r = row.getBoundingClientRect();
    const l = list.getBoundingClientRect();
    return r.top >= l.top - 1 && r.bottom <= l.bottom + 1;
  });
}

/** Where the claim's span in the document view sticks out of the text's visible area; null when it is inside. */
export function claimSpanOutOfView(page: Page, claimId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const scroller = document.querySelector('.doc-scroll');
    const span = scroller?.querySelector(`[data-claim-id="${CSS.escape(id)}"]`);
    if (!scroller || !span) return 'not rendered';
    const r = span.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    const inside = r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    return inside
      ? null
      : `span ${Math.round(r.top)}–${Math.round(r.bottom)}, text area ${Math.round(box.top)}–${Math.round(box.bottom)}`;
  }, claimId);
}

/**
 * Where the focused element's ring is cut: "cut by <box> on the left, right" for each box that hides what sticks
 * out of it (overflow other than visible) and crosses the ring, "no ring" when the element draws none, "" when the
 * whole ring shows. The ring is the outline, offset and width as computed, or an inset box shadow.
 */
export function focusRingCut(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return 'nothing focused';
    const style = getComputedStyle(el);
    // A ring drawn as an inset shadow lies inside the element's own box.
    if (style.boxShadow.includes('inset')) return '';
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return 'no ring';
    const reach = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
    const r = el.getBoundingClientRect();
    const ring = { left: r.left - reach, right: r.right + reach, top: r.top - reach, bottom: r.bottom + reach };
    const cuts: string[] = [];
    for (let a = el.parentElement; a; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (as.overflowX === 'visible' && as.overflowY === 'visible') continue;
      // The box shows its padding area: its client rectangle, inside the borders.
      const b = a.getBoundingClientRect();
      const box = { left: b.left + a.clientLeft, top: b.top + a.clientTop };
      const right = box.left + a.clientWidth;
      const bottom = box.top + a.clientHeight;
      const sides = [
        as.overflowX !== 'visible' && ring.left < box.left - 0.5 ? 'left' : '',
        as.overflowX !== 'visible' && ring.right > right + 0.5 ? 'right' : '',
        // Above or below a scrolling box's view is the fold, where the element itself may lie.
        as.overflowY !== 'visible' && ring.top < box.top - 0.5 && r.top >= box.top ? 'top' : '',
        as.overflowY !== 'visible' && ring.bottom > bottom + 0.5 && r.bottom <= bottom ? 'bottom' : '',
      ].filter(Boolean);
      const name = typeof a.className === 'string' && a.className ? `.${a.className.trim().split(/\s+/).join('.')}` : a.tagName;
      if (sides.length > 0) cuts.push(`cut by ${name} on the ${sides.join(', ')}`);
    }
    return cuts.join('; ');
  });
}
