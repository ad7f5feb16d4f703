/**
 * The main window's life: created on demand (macOS runs on with none), revealed only when its page
 * is ready, its right-click menu, its link requests and its recovery from a dead page. Wiring only;
 * the decisions are in electron/shell/ (window-keeper, window-appearance, context-menu,
 * user-gesture, recovery, security).
 */
import { BrowserWindow, dialog, Menu, nativeTheme, screen, shell, type ContextMenuParams, type WebContents } from 'electron';
import type { AppEvent } from '../shared/events';
import { APP_NAME } from './shell/app-session';
import { appEntryUrl, type AppUrl } from './shell/app-url';
import { ContextSelection, contextMenuTemplate } from './shell/context-menu';
import {
  FailureHistory,
  needsRecovery,
  READY_TIMEOUT_MS,
  recoveryAction,
  recoveryPrompt,
  type RendererFailure,
} from './shell/recovery';
import { externalUrlForRequest, secureWebPreferences } from './shell/security';
import { GestureClock } from './shell/user-gesture';
import { revealWindow, windowBackgroundColor } from './shell/window-appearance';
import { WindowKeeper } from './shell/window-keeper';
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState } from './shell/window-state';

export interface MainWindowOptions {
  appUrl: AppUrl;
  preloadPath: string;
  stateFile(): string;
  title(): string;
  /** macOS: the open workspace, shown as the window's document. */
  representedFile(): string | undefined;
  spellcheck(): { available: boolean; enabled: boolean };
  send(event: AppEvent): void;
  quit(): void;
}

export class MainWindows {
  private readonly keeper = new WindowKeeper<BrowserWindow>(() => this.create());
  /** Per window contents: when the person last clicked or typed, and what they right-clicked on. */
  private readonly inputs = new WeakMap<WebContents, { gestures: GestureClock; selection: ContextSelection }>();
  /** Windows whose page became ready at least once (shown since, unless the person hid them). */
  private readonly revealed = new WeakSet<BrowserWindow>();
  private readonly recovering = new WeakSet<BrowserWindow>();
  private readonly failures = new FailureHistory();

  constructor(private readonly options: MainWindowOptions) {}

  current(): BrowserWindow | undefined {
    return this.keeper.current();
  }

  ensure(): BrowserWindow {
    return this.keeper.ensure();
  }

  /** The window dialogs attach to: only a visible one (a sheet on a hidden window would be invisible). */
  dialogParent(): BrowserWindow | undefined {
    const win = this.keeper.current();
    return win?.isVisible() ? win : undefined;
  }

  /** Show the window, creating it when there is none; a new window reveals itself when ready. */
  bringToFront(): BrowserWindow {
    const existing = this.keeper.current();
    if (!existing) return this.keeper.ensure();
    if (existing.isMinimized()) existing.restore();
    if (this.revealed.has(existing)) {
      existing.show();
      existing.focus();
    }
    return existing;
  }

  /** A link the renderer asked to open: only a safe http(s) URL, only right after a real click or key press. */
  async openExternalOnGesture(sender: WebContents, url: string): Promise<boolean> {
    const target = externalUrlForRequest(url, this.inputs.get(sender)?.gestures.consume() ?? false);
    if (!target) return false;
    await shell.openExternal(target);
    return true;
  }

  /** The renderer's report, on a right-click, of whether the selection is document text. */
  reportContextSelection(sender: WebContents, claimable: boolean): void {
    this.inputs.get(sender)?.selection.set(claimable);
  }

  private create(): BrowserWindow {
    const { appUrl } = this.options;
    // The primary display first: clampToDisplays falls back to the first work area.
    const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
    const state = loadWindowState(
      this.options.stateFile(),
      displays.map((d) => d.workArea),
    );
    const win = new BrowserWindow({
      ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
      width: state.width,
      height: state.height,
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      title: this.options.title(),
      show: false,
      // Painted before the page: the page's own background, so dark mode never flashes white.
      backgroundColor: windowBackgroundColor(nativeTheme.shouldUseDarkColors),
      webPreferences: secureWebPreferences(this.options.preloadPath, { spellcheck: this.options.spellcheck().available }),
    });
    const represented = this.options.representedFile();
    if (represented) win.setRepresentedFilename(represented);
    // The title is ours ("<workspace> — Claimbench"), not the document's <title>.
    win.on('page-title-updated', (event) => event.preventDefault());
    // Maximising before the page is ready would show an empty window early; a page that never
    // becomes ready is shown anyway, so the app never holds its lock with nothing on screen.
    const reveal = () => {
      clearTimeout(readyTimer);
      if (this.revealed.has(win) || win.isDestroyed()) return;
      this.revealed.add(win);
      revealWindow(win, state.maximized);
    };
    const readyTimer = setTimeout(reveal, READY_TIMEOUT_MS);
    win.once('ready-to-show', reveal);
    const contents = win.webContents;
    const input = { gestures: new GestureClock(), selection: new ContextSelection() };
    this.inputs.set(contents, input);
    contents.on('input-event', (_event, inputEvent) => input.gestures.record(inputEvent.type));
    contents.on('context-menu', (_event, params) => this.showContextMenu(win, params));
    contents.on('render-process-gone', (_event, details) =>
      this.recover(win, { kind: 'gone', reason: details.reason, exitCode: details.exitCode }),
    );
    contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) =>
      this.recover(win, { kind: 'load-failed', errorCode, errorDescription, url: validatedURL, isMainFrame }),
    );
    win.on('close', () => {
      const bounds = win.getNormalBounds();
      saveWindowState(this.options.stateFile(), { ...bounds, maximized: win.isMaximized() });
    });
    win.on('closed', () => {
      clearTimeout(readyTimer);
      this.keeper.forget(win);
    });
    void win.loadURL(appEntryUrl(appUrl));
    return win;
  }

  private showContextMenu(win: BrowserWindow, params: ContextMenuParams): void {
    const contents = win.webContents;
    const template = contextMenuTemplate(
      params,
      { claimable: this.inputs.get(contents)?.selection.take() ?? false, spellcheck: this.options.spellcheck().enabled },
      {
        replaceMisspelling: (word) => contents.replaceMisspelling(word),
        addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
        makeClaim: () => this.options.send('menu:make-claim'),
      },
    );
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
  }

  /** A crashed or unloadable page: never leave it blank or hidden; ask to Reload or Quit. */
  private recover(win: BrowserWindow, failure: RendererFailure): void {
    if (!needsRecovery(failure) || win.isDestroyed() || this.recovering.has(win)) return;
    this.recovering.add(win);
    const prompt = recoveryPrompt(failure, this.failures.record());
    if (!win.isVisible()) win.show();
    void dialog
      .showMessageBox(win, {
        type: 'error',
        title: APP_NAME,
        message: prompt.message,
        detail: prompt.detail,
        buttons: prompt.buttons,
        defaultId: prompt.defaultId,
        cancelId: prompt.cancelId,
        noLink: true,
      })
      .then(({ response }) => {
        this.recovering.delete(win);
        if (recoveryAction(prompt, response) === 'quit') this.options.quit();
        else if (win.isDestroyed()) this.keeper.ensure();
        else void win.loadURL(appEntryUrl(this.options.appUrl));
      });
  }
}
