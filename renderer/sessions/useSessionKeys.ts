import { useEffect, useRef } from 'react';
import type { Verdict } from '../../shared/domain';
import type { QueueAction } from '../../shared/sessions';
import { isTextEntry } from '../app/shortcuts';

export interface SessionKeyHandlers {
  verdict(verdict: Verdict): void;
  act(action: QueueAction): void;
  move(delta: number): void;
  moveTo(index: number): void;
  togglePause(): void;
  focusCapture(): void;
  leave(): void;
}

const VERDICT_BY_KEY: Record<string, Verdict> = { s: 'sourced', d: 'disputed', u: 'unverified' };
const ACTION_BY_KEY: Record<string, QueueAction> = { Enter: 'done', q: 'skip', m: 'later', r: 'reopen' };
/** Keys of the claim list that mean nothing in session mode; taken so they do not act on a hidden list. */
const SWALLOWED = new Set(['x', 'X', 'J', 'K', 'e', 'Delete', 'Backspace', 'v', 'a']);

/**
 * Session mode's keys, in the capture phase so they run before the list's own shortcuts (which
 * step aside for a handled event). Enter on a focused button stays that button's click.
 */
export function useSessionKeys(handlers: SessionKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target as Element | null;
      if (isTextEntry(target)) return;
      if (target instanceof Element && target.closest('[role="dialog"],[role="alertdialog"],[role="menu"]')) return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const h = latest.current;
      const take = (run: () => void) => {
        e.preventDefault();
        e.stopImmediatePropagation();
        run();
      };
      const key = e.key;
      if (key === 'Enter' && target instanceof Element && target.closest('button,a,[role="button"]')) return;
      if (key === 'P' && e.shiftKey) return take(h.togglePause);
      if (VERDICT_BY_KEY[key] && !e.shiftKey) return take(() => h.verdict(VERDICT_BY_KEY[key]!));
      if (ACTION_BY_KEY[key] && !e.shiftKey) return take(() => h.act(ACTION_BY_KEY[key]!));
      switch (key) {
        case 'j':
        case 'ArrowDown':
          return take(() => h.move(1));
        case 'k':
        case 'ArrowUp':
          return take(() => h.move(-1));
        case 'Home':
          return take(() => h.moveTo(0));
        case 'End':
          return take(() => h.moveTo(Number.MAX_SAFE_INTEGER));
        case 'c':
          return take(h.focusCapture);
        case 'Escape':
          return take(h.leave);
      }
      if (SWALLOWED.has(key)) take(() => undefined);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
