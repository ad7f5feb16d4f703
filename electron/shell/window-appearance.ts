/**
 * How the window first appears. The background is painted before the renderer's CSS loads, so it
 * must be the page's own background (renderer/styles/tokens.css `--bg`, light and dark) or dark-mode
 * users see a white frame. A remembered maximised state is restored only once the page is ready:
 * maximize() before 'ready-to-show' shows the window early, still empty.
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1a1b1f' } as const;

export function windowBackgroundColor(prefersDark: boolean): string {
  return prefersDark ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
}

export interface RevealableWindow {
  maximize(): void;
  show(): void;
  focus(): void;
}

/** Run on 'ready-to-show': maximise (which also shows) or show, then focus. */
export function revealWindow(win: RevealableWindow, maximized: boolean): void {
  if (maximized) win.maximize();
  else win.show();
  win.focus();
}
