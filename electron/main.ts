/**
 * The Electron main process. It only wires: every decision (window options, CSP, navigation and
 * link policy, sender check, menu, recent list, window state, workspace switching, the app://
 * protocol, recovery, the context menu, spellcheck) lives in electron/shell/ as plain functions
 * that Node tests cover.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type ContextMenuParams,
  type MessageBoxOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import type { AppEvent } from '../shared/events';
import type { ClaimbenchError } from '../shared/result';
import type { HostServices } from './core/host';
import { FileIdentityStore } from './core/session/identity';
import { WORKSPACE_EXTENSION } from './core/store/open';
import { registerIpc } from './ipc';
import { AppSession, APP_NAME, windowTitle, type OpenOutcome } from './shell/app-session';
import { appUserModelIdFor } from './shell/app-identity';
import { APP_SCHEME_PRIVILEGES, resolveAppRequest } from './shell/app-protocol';
import { APP_SCHEME, appEntryUrl, devAppUrl, productionAppUrl } from './shell/app-url';
import { ContextSelection, contextMenuTemplate } from './shell/context-menu';
import { workspaceFileFromArgv } from './shell/argv';
import { createHostServices } from './shell/host-services';
import { buildMenuTemplate, type MenuActions } from './shell/menu';
import { nativeBindingPath, storeLoadFailureMessage } from './shell/native-binding';
import { useNativeBinding } from './core/store/sqlite';
import { isPdfRequestAllowed, PDF_PARTITION, pdfTimeoutsFromEnv, printHtmlToPdf } from './shell/print-pdf';
import { offerRestoreForCorrupt, restoreFromBackup, type RestorePrompts, type RestoreOutcome } from './shell/restore-flow';
import {
  FailureHistory,
  needsRecovery,
  READY_TIMEOUT_MS,
  recoveryAction,
  recoveryPrompt,
  type RendererFailure,
} from './shell/recovery';
import {
  decidePermission,
  externalUrlForRequest,
  isNavigationAllowed,
  isTrustedSender,
  secureWebPreferences,
  windowOpenDecision,
  withCspHeader,
} from './shell/security';
import { createShellRequestHandler, SHELL_CHANNEL } from './shell/shell-requests';
import {
  DICTIONARIES_DIR,
  listDictionaryFiles,
  loadShellSettings,
  saveShellSettings,
  spellcheckPolicy,
  type SpellcheckPolicy,
} from './shell/spellcheck';
import { GestureClock } from './shell/user-gesture';
import { revealWindow, windowBackgroundColor } from './shell/window-appearance';
import { WindowKeeper } from './shell/window-keeper';
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState } from './shell/window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? devAppUrl(process.env.ELECTRON_RENDERER_URL) : undefined;
const isDev = devUrl !== undefined;
const appUrl = devUrl ?? productionAppUrl(path.join(here, '../renderer'));
const preloadPath = path.join(here, '../preload/index.cjs');
const isMac = process.platform === 'darwin';
const workspaceFilter = [{ name: 'Claimbench Workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }];

app.setName(APP_NAME);
// Windows: the installed shortcut's id, so the taskbar button and jump list belong to it.
const appUserModelId = appUserModelIdFor(process.platform);
if (appUserModelId) app.setAppUserModelId(appUserModelId);
// Must happen before 'ready': app:// gets real origins and counts as a secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Tests and power users can point the app at a fresh data folder; must happen before 'ready'
// (and before the single-instance lock, which lives in that folder).
if (process.env.CLAIMBENCH_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.CLAIMBENCH_USER_DATA_DIR));

const windows = new WindowKeeper<BrowserWindow>(() => createWindow());
let appSession: AppSession | undefined;
let spellcheck: SpellcheckPolicy = { available: false, enabled: false, dictionaryUrl: undefined, languages: [] };
const failures = new FailureHistory();
/** Per window contents: when the person last clicked or typed, and what they right-clicked on. */
const inputs = new WeakMap<WebContents, { gestures: GestureClock; selection: ContextSelection }>();
let pendingFile = workspaceFileFromArgv(process.argv, process.cwd());

function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function shellSettingsFile(): string {
  return path.join(app.getPath('userData'), 'shell-settings.json');
}

function send(event: AppEvent): void {
  windows.current()?.webContents.send(IPC_EVENT_CHANNEL, event);
}

/** The window dialogs attach to: only a visible one (a sheet on a hidden window would be invisible). */
function dialogParent(): BrowserWindow | undefined {
  const win = windows.current();
  return win?.isVisible() ? win : undefined;
}

function messageBox(options: MessageBoxOptions) {
  const parent = dialogParent();
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

/**
 * Show the main window, creating it when there is none (macOS keeps running with every window
 * closed). A new window reveals itself on 'ready-to-show'.
 */
function bringToFront(): BrowserWindow {
  const existing = windows.current();
  if (!existing) return windows.ensure();
  if (existing.isMinimized()) existing.restore();
  if (revealed.has(existing)) {
    existing.show();
    existing.focus();
  }
  return existing;
}

function showRefusal(error: ClaimbenchError, title = 'The workspace could not be opened'): void {
  void messageBox({ type: 'error', title: APP_NAME, message: title, detail: error.message });
}

/** Native answers to the restore flows' questions, attached to the main window when there is one. */
const restorePrompts: RestorePrompts = {
  pickBackup: async ({ message, detail, buttons, cancelId }) => {
    const { response } = await messageBox({
      type: 'question',
      title: 'Restore from Backup',
      message,
      detail,
      buttons,
      cancelId,
      noLink: true,
    });
    return response;
  },
  pickFile: async (folder) => {
    const options = {
      title: 'Choose a Backup',
      defaultPath: folder,
      filters: workspaceFilter,
      properties: ['openFile' as const],
    };
    const parent = dialogParent();
    const { canceled, filePaths } = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  },
  confirm: async ({ message, detail, buttons }) => {
    const { response } = await messageBox({
      type: 'warning',
      title: APP_NAME,
      message,
      detail,
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    });
    return buttons.length > 1 && response === 0;
  },
};

function reportRestore(outcome: RestoreOutcome): void {
  if (outcome && !outcome.ok) showRefusal(outcome.error, 'The backup could not be restored');
  rebuildMenu();
}

function report(outcome: OpenOutcome, file?: string): void {
  if (outcome.ok) return;
  if (file && outcome.error.code === 'NOT_FOUND') appSession?.recent.remove(file);
  if (file && outcome.error.code === 'CORRUPT' && appSession) {
    void offerRestoreForCorrupt(appSession, file, outcome.error, restorePrompts).then(reportRestore, (e: unknown) =>
      showRefusal(e as ClaimbenchError, 'The backup could not be restored'),
    );
    return;
  }
  showRefusal(outcome.error);
  rebuildMenu();
}

function openFile(file: string): void {
  if (!appSession) {
    pendingFile = file;
    return;
  }
  report(appSession.open(file), file);
  bringToFront();
}

function showSaveDialog(options: SaveDialogOptions) {
  bringToFront();
  const parent = dialogParent();
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

const menuActions: MenuActions = {
  newWorkspace: () => {
    if (!appSession) return;
    void showSaveDialog({
      title: 'New Workspace',
      buttonLabel: 'Create',
      defaultPath: path.join(app.getPath('documents'), `Untitled${WORKSPACE_EXTENSION}`),
      filters: workspaceFilter,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }).then(({ canceled, filePath }) => {
      if (!canceled && filePath && appSession) report(appSession.create(filePath));
    });
  },
  openWorkspace: () => {
    if (!appSession) return;
    bringToFront();
    const options = { title: 'Open Workspace', filters: workspaceFilter, properties: ['openFile' as const] };
    const parent = dialogParent();
    void (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)).then(({ canceled, filePaths }) => {
      const file = filePaths[0];
      if (!canceled && file) openFile(file);
    });
  },
  openRecent: (file) => openFile(file),
  clearRecent: () => {
    appSession?.recent.clear();
    app.clearRecentDocuments();
    rebuildMenu();
  },
  saveCopy: () => {
    const workspace = appSession?.workspace;
    if (!appSession || !workspace) return;
    void showSaveDialog({
      title: 'Save a Copy',
      defaultPath: path.join(path.dirname(workspace.path), `${workspace.name} copy${WORKSPACE_EXTENSION}`),
      filters: workspaceFilter,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }).then(({ canceled, filePath }) => {
      if (canceled || !filePath || !appSession) return;
      try {
        appSession.saveCopy(filePath);
      } catch (e) {
        showRefusal(e as ClaimbenchError, 'The copy could not be saved');
      }
    });
  },
  restoreBackup: () => {
    if (!appSession?.workspace) return;
    bringToFront();
    void restoreFromBackup(appSession, restorePrompts).then(reportRestore, (e: unknown) =>
      showRefusal(e as ClaimbenchError, 'The backup could not be restored'),
    );
  },
  send,
  setSpellcheck: (enabled) => {
    saveShellSettings(shellSettingsFile(), { ...loadShellSettings(shellSettingsFile()), spellcheck: enabled });
    applySpellcheck();
    rebuildMenu();
  },
};

function rebuildMenu(): void {
  const template = buildMenuTemplate({
    appName: APP_NAME,
    isMac,
    isDev,
    recent: appSession?.recent.list() ?? [],
    actions: menuActions,
    spellcheck,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Locks every web contents down: no navigation away, no new windows, no webviews. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Never opens anything: links reach the system browser only through openExternalOnGesture.
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

/** A link the renderer asked to open: only a safe http(s) URL, only right after a real click or key press. */
async function openExternalOnGesture(sender: WebContents, url: string): Promise<boolean> {
  const target = externalUrlForRequest(url, inputs.get(sender)?.gestures.consume() ?? false);
  if (!target) return false;
  await shell.openExternal(target);
  return true;
}

/** Spellcheck for the default session: local dictionaries only, on or off as the person chose. */
function applySpellcheck(): void {
  const dictionariesDir = app.isPackaged
    ? path.join(process.resourcesPath, DICTIONARIES_DIR)
    : path.join(app.getAppPath(), 'build', DICTIONARIES_DIR);
  spellcheck = spellcheckPolicy({
    platform: process.platform,
    setting: loadShellSettings(shellSettingsFile()).spellcheck,
    dictionariesDir,
    bundled: listDictionaryFiles(dictionariesDir),
  });
  const ses = session.defaultSession;
  if (spellcheck.dictionaryUrl) ses.setSpellCheckerDictionaryDownloadURL(spellcheck.dictionaryUrl);
  if (spellcheck.enabled && spellcheck.languages.length > 0) ses.setSpellCheckerLanguages(spellcheck.languages);
  ses.setSpellCheckerEnabled(spellcheck.enabled);
}

function showContextMenu(win: BrowserWindow, params: ContextMenuParams): void {
  const contents = win.webContents;
  const template = contextMenuTemplate(
    params,
    { claimable: inputs.get(contents)?.selection.take() ?? false, spellcheck: spellcheck.enabled },
    {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      makeClaim: () => send('menu:make-claim'),
    },
  );
  if (template.length > 0) Menu.buildFromTemplate(template).popup({ window: win });
}

/** Windows whose page became ready at least once (shown since, unless the person hid them). */
const revealed = new WeakSet<BrowserWindow>();
const recovering = new WeakSet<BrowserWindow>();

/** A crashed or unloadable page: never leave it blank or hidden; ask to Reload or Quit. */
function recover(win: BrowserWindow, failure: RendererFailure): void {
  if (!needsRecovery(failure) || win.isDestroyed() || recovering.has(win)) return;
  recovering.add(win);
  const prompt = recoveryPrompt(failure, failures.record());
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
      recovering.delete(win);
      if (recoveryAction(prompt, response) === 'quit') app.quit();
      else if (win.isDestroyed()) windows.ensure();
      else void win.loadURL(appEntryUrl(appUrl));
    });
}

/** Serve the built renderer on app://claimbench, with the CSP as a real response header. */
function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, request.method, appUrl);
    if (!resolved.ok) return new Response(resolved.message, { status: resolved.status });
    try {
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(resolved.file);
      return new Response(body, { status: 200, headers: resolved.headers });
    } catch {
      return new Response('Not found.', { status: 404 });
    }
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, appUrl) });
  });
}

function createWindow(): BrowserWindow {
  // The primary display first: clampToDisplays falls back to the first work area.
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  const state = loadWindowState(
    windowStateFile(),
    displays.map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: appSession?.title ?? APP_NAME,
    show: false,
    // Painted before the page: the page's own background, so dark mode never flashes white.
    backgroundColor: windowBackgroundColor(nativeTheme.shouldUseDarkColors),
    webPreferences: secureWebPreferences(preloadPath, { spellcheck: spellcheck.available }),
  });
  if (isMac && appSession?.workspace) win.setRepresentedFilename(appSession.workspace.path);
  // The title is ours ("<workspace> — Claimbench"), not the document's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  // Maximising before the page is ready would show an empty window early.
  const reveal = () => {
    clearTimeout(readyTimer);
    if (revealed.has(win) || win.isDestroyed()) return;
    revealed.add(win);
    revealWindow(win, state.maximized);
  };
  const readyTimer = setTimeout(reveal, READY_TIMEOUT_MS);
  win.once('ready-to-show', reveal);
  const contents = win.webContents;
  const input = { gestures: new GestureClock(), selection: new ContextSelection() };
  inputs.set(contents, input);
  contents.on('input-event', (_event, inputEvent) => input.gestures.record(inputEvent.type));
  contents.on('context-menu', (_event, params) => showContextMenu(win, params));
  contents.on('render-process-gone', (_event, details) =>
    recover(win, { kind: 'gone', reason: details.reason, exitCode: details.exitCode }),
  );
  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) =>
    recover(win, { kind: 'load-failed', errorCode, errorDescription, url: validatedURL, isMainFrame }),
  );
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(windowStateFile(), { ...bounds, maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    clearTimeout(readyTimer);
    windows.forget(win);
  });
  void win.loadURL(appEntryUrl(appUrl));
  return win;
}

/** The PDF print window's session: only the report file being printed, nothing from the network. */
const printableFiles = new Set<string>();

function hardenPrintSession(): void {
  const ses = session.fromPartition(PDF_PARTITION);
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPdfRequestAllowed(details.url, printableFiles) }));
}

function createHost(): HostServices {
  const parent = dialogParent;
  return createHostServices(
    {
      showOpenDialog: (spec) => {
        const win = parent();
        return win ? dialog.showOpenDialog(win, spec) : dialog.showOpenDialog(spec);
      },
      showSaveDialog: (spec) => {
        const win = parent();
        return win ? dialog.showSaveDialog(win, spec) : dialog.showSaveDialog(spec);
      },
      openPath: (file) => shell.openPath(file),
      printToPdf: (html, options) =>
        printHtmlToPdf(
          html,
          {
            createWindow: (windowOptions) => new BrowserWindow(windowOptions),
            allowFile: (url) => {
              printableFiles.add(url);
              return () => printableFiles.delete(url);
            },
          },
          { ...pdfTimeoutsFromEnv(process.env), ...options },
        ),
    },
    {
      defaultDir: () => (appSession?.workspace ? path.dirname(appSession.workspace.path) : app.getPath('documents')),
      recentWorkspaces: () => (appSession ? appSession.recent.list().filter((f) => f !== appSession?.workspace?.path) : []),
    },
  );
}

function onWorkspaceChanged(): void {
  const workspace = appSession?.workspace;
  if (!workspace) return;
  app.addRecentDocument(workspace.path);
  const win = windows.current();
  if (win) {
    win.setTitle(windowTitle(workspace.name));
    if (isMac) win.setRepresentedFilename(workspace.path);
  }
  rebuildMenu();
  send('workspace-changed');
}

function start(): void {
  hardenSession();
  hardenPrintSession();
  if (appUrl.kind === 'app') serveAppProtocol();
  applySpellcheck();
  const userData = app.getPath('userData');
  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  // Every database the core opens (share files, backups, other workspaces) needs Electron's build.
  useNativeBinding(nativeBinding);
  appSession = new AppSession({
    userDataDir: userData,
    identity: new FileIdentityStore(path.join(userData, 'identity.json')),
    nativeBinding,
    onChange: onWorkspaceChanged,
    onSynced: () => send('workspace-changed'),
    host: createHost(),
  });
  let refusals: ClaimbenchError[];
  try {
    refusals = appSession.openInitial(pendingFile);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    dialog.showErrorBox(
      APP_NAME,
      storeLoadFailureMessage(message, { isPackaged: app.isPackaged, platform: process.platform, arch: process.arch }),
    );
    app.exit(1);
    return;
  }
  pendingFile = undefined;
  registerIpc(ipcMain, {
    isTrustedSender: (frame) => isTrustedSender(frame, appUrl),
    context: () => {
      if (!appSession) throw new Error('The app is shutting down.');
      return appSession.context();
    },
    afterInvoke: (name) => appSession?.afterOperation(name),
  });
  ipcMain.removeHandler(SHELL_CHANNEL);
  ipcMain.handle(
    SHELL_CHANNEL,
    createShellRequestHandler<WebContents>({
      isTrustedSender: (frame) => isTrustedSender(frame, appUrl),
      openLink: openExternalOnGesture,
      contextSelection: (sender, claimable) => inputs.get(sender)?.selection.set(claimable),
    }),
  );
  rebuildMenu();
  windows.ensure();
  const refused = appSession.refusedAtStart;
  for (const refusal of refusals) {
    const corrupt = refused.find((r) => r.error === refusal && r.error.code === 'CORRUPT');
    if (corrupt) report({ ok: false, error: refusal }, corrupt.file);
    else showRefusal(refusal);
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = workspaceFileFromArgv(argv, workingDirectory);
    if (file) openFile(file);
    else if (appSession) bringToFront();
  });
  // macOS delivers double-clicked files here, possibly before 'ready'.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(file);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('activate', () => {
    if (appSession) bringToFront();
  });
  app.on('will-quit', () => {
    appSession?.close();
    appSession = undefined;
  });
  void app.whenReady().then(start);
}
