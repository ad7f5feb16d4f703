/**
 * Tracks when the person last clicked or typed in a window, from webContents' `input-event`
 * (real input routed by the browser process; `element.click()` or `dispatchEvent` in the page
 * never produce one). An external link is opened only shortly after such an input.
 */

/** Input that counts as the person acting: a press, a release, a tap or a key. Moves and wheels do not. */
const GESTURE_INPUTS: ReadonlySet<string> = new Set([
  'mouseDown',
  'mouseUp',
  'rawKeyDown',
  'keyDown',
  'keyUp',
  'char',
  'gestureTap',
  'touchEnd',
  'pointerUp',
]);

/** How long after the input the request may arrive: a click handler runs within milliseconds. */
export const USER_GESTURE_WINDOW_MS = 1_000;

export function isGestureInput(type: string): boolean {
  return GESTURE_INPUTS.has(type);
}

export class GestureClock {
  private lastAt: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Feed every `input-event` type here. */
  record(type: string): void {
    if (isGestureInput(type)) this.lastAt = this.now();
  }

  /** True once per gesture: a link request consumes it, so one click opens at most one page. */
  consume(): boolean {
    const at = this.lastAt;
    if (at === undefined) return false;
    const elapsed = this.now() - at;
    this.lastAt = undefined;
    return elapsed >= 0 && elapsed <= USER_GESTURE_WINDOW_MS;
  }
}
