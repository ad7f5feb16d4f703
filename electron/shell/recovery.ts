/**
 * What the shell does when the renderer dies or its page fails to load. The window is never left
 * blank and hidden (the app would keep the single-instance lock while showing nothing, so every
 * later launch would "focus" an invisible window): the person is asked to Reload or Quit, and a
 * renderer that keeps crashing makes Quit the default instead of reloading in a loop.
 */

export type RendererFailure =
  | { kind: 'gone'; reason: string; exitCode: number }
  | { kind: 'load-failed'; errorCode: number; errorDescription: string; url: string; isMainFrame: boolean };

export type RecoveryAction = 'reload' | 'quit';

export interface RecoveryPrompt {
  message: string;
  detail: string;
  buttons: string[];
  /** The action behind each button, index for index. */
  actions: RecoveryAction[];
  defaultId: number;
  /** Escape / closing the box. */
  cancelId: number;
}

/** net::ERR_ABORTED: a navigation we blocked ourselves (will-navigate) or a reload that superseded a load. */
const ERR_ABORTED = -3;

/** Does this failure leave the person without a working window? */
export function needsRecovery(failure: RendererFailure): boolean {
  if (failure.kind === 'gone') return failure.reason !== 'clean-exit';
  return failure.isMainFrame && failure.errorCode !== ERR_ABORTED;
}

/** Crashes within this span count towards a crash loop. */
export const CRASH_WINDOW_MS = 60_000;
export const CRASH_LOOP_LIMIT = 3;

/** Recent renderer failures, so the prompt can tell a one-off from a loop. */
export class FailureHistory {
  private times: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Record one failure; returns how many happened within CRASH_WINDOW_MS, this one included. */
  record(): number {
    const at = this.now();
    this.times = [...this.times.filter((t) => at - t < CRASH_WINDOW_MS), at];
    return this.times.length;
  }
}

const GONE_REASONS: Readonly<Record<string, string>> = {
  crashed: 'The window’s page crashed.',
  oom: 'The window’s page ran out of memory.',
  killed: 'The window’s page was stopped by the system.',
  'abnormal-exit': 'The window’s page stopped unexpectedly.',
  'launch-failed': 'The window’s page could not be started.',
  'integrity-failure': 'The app’s code failed its integrity check.',
  'memory-eviction': 'The window’s page was closed to free memory.',
};

/**
 * The question to ask. Nothing is lost either way: every change is already in the workspace
 * file, which the main process keeps open; only the screen is rebuilt.
 */
export function recoveryPrompt(failure: RendererFailure, recentFailures: number): RecoveryPrompt {
  const looping = recentFailures >= CRASH_LOOP_LIMIT;
  const what =
    failure.kind === 'gone'
      ? (GONE_REASONS[failure.reason] ?? `The window’s page stopped (${failure.reason}).`)
      : `The window could not load the app (${failure.errorDescription || `error ${failure.errorCode}`}).`;
  const saved = 'Your work is saved: every change was written to the workspace file as you made it.';
  const detail = looping
    ? `${saved}\n\nThis has happened ${recentFailures} times in the last minute. Quit and start Claimbench again; if it keeps happening, restore the workspace from a backup (File › Restore from Backup…).`
    : `${saved}\n\nReload shows the workspace again.`;
  const buttons = looping ? ['Quit Claimbench', 'Reload Anyway'] : ['Reload', 'Quit Claimbench'];
  const actions: RecoveryAction[] = looping ? ['quit', 'reload'] : ['reload', 'quit'];
  return { message: what, detail, buttons, actions, defaultId: 0, cancelId: 0 };
}

/** The action for the button the person chose (an out-of-range answer counts as the cancel button). */
export function recoveryAction(prompt: RecoveryPrompt, response: number): RecoveryAction {
  return prompt.actions[response] ?? prompt.actions[prompt.cancelId]!;
}

/** If 'ready-to-show' has not come by then, the window is shown anyway rather than staying hidden. */
export const READY_TIMEOUT_MS = 15_000;
