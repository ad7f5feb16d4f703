const FIELD =
  'input:not([type="hidden"]):not(:disabled), textarea:not(:disabled), select:not(:disabled), [role="radio"], [role="combobox"], [role="listbox"]';

const reachable = (el: HTMLElement) => el.getClientRects().length > 0 && el.tabIndex >= 0 && !el.closest('.modal-head');

/**
 * A dialog's first field (a radio group's checked option), outside the head with its close
 * button; in a dialog without fields, its main action (the submit button), else its first button.
 */
export function firstField(content: HTMLElement): HTMLElement | null {
  const fields = [...content.querySelectorAll<HTMLElement>(FIELD)].filter(reachable);
  const first = fields[0];
  if (first instanceof HTMLInputElement && first.type === 'radio' && first.name) {
    return fields.find((el) => el instanceof HTMLInputElement && el.name === first.name && el.checked) ?? first;
  }
  if (first?.getAttribute('role') === 'radio') {
    return fields.find((el) => el.getAttribute('role') === 'radio' && el.getAttribute('aria-checked') === 'true') ?? first;
  }
  if (first) return first;
  const buttons = [...content.querySelectorAll<HTMLElement>('button:not(:disabled)')].filter(reachable);
  return buttons.find((b) => b.getAttribute('type') === 'submit') ?? buttons[0] ?? null;
}

/**
 * Focus the dialog's first field. A dialog still loading its form has none yet: focus waits on
 * the dialog itself and moves to the first field when it appears, unless the person moved it
 * first. Returns a function that stops waiting.
 */
export function focusFirstFieldWhenReady(content: HTMLElement, waitMs = 5_000): () => void {
  const now = firstField(content);
  if (now) {
    now.focus();
    return () => undefined;
  }
  content.focus();
  const observer = new MutationObserver(() => {
    const field = firstField(content);
    if (!field) return;
    stop();
    if (document.activeElement === content) field.focus();
  });
  const timer = window.setTimeout(() => stop(), waitMs);
  const stop = () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
  observer.observe(content, { childList: true, subtree: true });
  return stop;
}
