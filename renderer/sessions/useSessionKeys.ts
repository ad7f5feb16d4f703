import { useMemo } from 'react';
import type { Verdict } from '../../shared/domain';
import type { QueueAction } from '../../shared/sessions';
import { focusHome, useKeyHandlers, type KeyHandlers } from '../app/keymap';

export interface SessionKeyHandlers {
  verdict(verdict: Verdict): void;
  act(action: QueueAction): void;
  move(delta: number): void;
  moveTo(index: number): void;
  togglePause(): void;
  focusCapture(): void;
  leave(): void;
}

/** Enter on a focused button stays that button's click. */
const onButton = (e: KeyboardEvent) => e.target instanceof Element && !!e.target.closest('button,a,[role="button"]');

/**
 * Session mode's commands of the keymap. The claim list's keys (x, e, Delete…) have no binding in
 * session mode, so they do nothing there instead of acting on a hidden list.
 */
export function useSessionKeys(h: SessionKeyHandlers): void {
  const handlers = useMemo<KeyHandlers>(
    () => ({
      'session.sourced': () => h.verdict('sourced'),
      'session.disputed': () => h.verdict('disputed'),
      'session.unverified': () => h.verdict('unverified'),
      'session.done': (e) => (onButton(e) ? false : h.act('done')),
      'session.skip': () => h.act('skip'),
      'session.later': () => h.act('later'),
      'session.reopen': () => h.act('reopen'),
      'session.next': () => h.move(1),
      'session.previous': () => h.move(-1),
      'session.first': () => h.moveTo(0),
      'session.last': () => h.moveTo(Number.MAX_SAFE_INTEGER),
      'session.pause': h.togglePause,
      'session.capture': h.focusCapture,
      'session.leave': () => {
        h.leave();
        window.setTimeout(focusHome);
      },
    }),
    [h],
  );
  useKeyHandlers(handlers);
}
