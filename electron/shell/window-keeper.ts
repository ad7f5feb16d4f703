/**
 * The one main window, created on demand. On macOS the app keeps running with no window, so every
 * path that shows something (a double-clicked file, Open Recent, New, Open…, Save a Copy, a second
 * launch, the Dock icon) asks for `ensure()` instead of assuming a window exists.
 */
export interface KeptWindow {
  isDestroyed(): boolean;
}

export class WindowKeeper<W extends KeptWindow> {
  private win: W | undefined;

  constructor(private readonly create: () => W) {}

  /** The live window, if there is one. */
  current(): W | undefined {
    if (this.win && this.win.isDestroyed()) this.win = undefined;
    return this.win;
  }

  /** The live window, created first when there is none (or only a destroyed one). */
  ensure(): W {
    const live = this.current();
    if (live) return live;
    this.win = this.create();
    return this.win;
  }

  /** Call from the window's 'closed' event: a later ensure() builds a fresh one. */
  forget(win: W): void {
    if (this.win === win) this.win = undefined;
  }
}
