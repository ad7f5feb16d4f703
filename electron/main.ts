/**
 * The Electron main process. It only wires: every decision (window options, CSP, navigation and
 * link policy, sender check, menu, recent list, window state, workspace switching) lives in
 * electron/shell/ as plain functions that Node tests cover.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type WebContents } from 'electron';
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
import { appEntryUrl, devAppUrl, productionAppUrl } from './shell/app-url';
import { workspaceFileFromArgv } from './shell/argv';
import { createHostServices } from './shell/host-services';
import { buildMenuTemplate, type MenuActions } from './shell/menu';
import { nativeBindingPath } from './shell/native-binding';
import { useNativeBinding } from './core/store/sqlite';
import { isPdfRequestAllowed, PDF_PARTITION, printHtmlToPdf } from './shell/print-pdf';
import { offerRestoreForCorrupt, restoreFromBackup, type RestorePrompts, type RestoreOutcome } from './shell/restore-flow';
import {
  decidePermission,
  externalUrlForWindowOpen,
  isNavigationAllowed,
  isTrustedSender,
  secureWebPreferences,
  withCspHeader,
} from './shell/security';
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState } from './shell/window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? devAppUrl(process.env.ELECTRON_RENDERER_URL) : undefined;
const isDev = devUrl !== undefined;
const appUrl = devUrl ?? productionAppUrl(path.join(here, '../renderer/index.html'));
const preloadPath = path.join(here, '../preload/index.cjs');
const isMac = process.platform === 'darwin';
const workspaceFilter = [{ name: 'Claimbench Workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }];

app.setName(APP_NAME);
// Tests and power users can point the app at a fresh data folder; must happen before 'ready'
// (and before the single-instance lock, which lives in that folder).
if (process.env.CLAIMBENCH_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.CLAIMBENCH_USER_DATA_DIR));

let mainWindow: BrowserWindow | undefined;
let appSession: AppSession | undefined;
let pendingFile = workspaceFileFromArgv(process.argv, process.cwd());

function windowStateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function send(event: AppEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT_CHANNEL, event);
}

function showRefusal(error: ClaimbenchError, title = 'The workspace could not be opened'): void {
  const options = { type: 'error' as const, title: APP_NAME, message: title, detail: error.message };
  if (mainWindow && !mainWindow.isDestroyed()) void dialog.showMessageBox(mainWindow, options);
  else void dialog.showMessageBox(options);
}

/** Native answers to the restore flows' questions, attached to the main window when there is one. */
const restorePrompts: RestorePrompts = {
  pickBackup: async ({ message, detail, buttons, cancelId }) => {
    const options = { type: 'question' as const, title: 'Restore from Backup', message, detail, buttons, cancelId, noLink: true };
    const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
    return response;
  },
  pickFile: async (folder) => {
    const options = {
      title: 'Choose a Backup',
      defaultPath: folder,
      filters: workspaceFilter,
      properties: ['openFile' as const],
    };
    const { canceled, filePaths } = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  },
  confirm: async ({ message, detail, buttons }) => {
    const options = {
      type: 'warning' as const,
      title: APP_NAME,
      message,
      detail,
      buttons,
      defaultId: 0,
      cancelId: buttons.length - 1,
      noLink: true,
    };
    const { response } = mainWindow ? await dialog.showMessageBox(mainWindow, options) : await dialog.showMessageBox(options);
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
  mainWindow?.show();
  mainWindow?.focus();
}

const menuActions: MenuActions = {
  newWorkspace: () => {
    if (!appSession || !mainWindow) return;
    void dialog
      .showSaveDialog(mainWindow, {
        title: 'New Workspace',
        buttonLabel: 'Create',
        defaultPath: path.join(app.getPath('documents'), `Untitled${WORKSPACE_EXTENSION}`),
        filters: workspaceFilter,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      .then(({ canceled, filePath }) => {
        if (!canceled && filePath && appSession) report(appSession.create(filePath));
      });
  },
  openWorkspace: () => {
    if (!appSession || !mainWindow) return;
    void dialog
      .showOpenDialog(mainWindow, { title: 'Open Workspace', filters: workspaceFilter, properties: ['openFile'] })
      .then(({ canceled, filePaths }) => {
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
    if (!appSession || !mainWindow || !workspace) return;
    void dialog
      .showSaveDialog(mainWindow, {
        title: 'Save a Copy',
        defaultPath: path.join(path.dirname(workspace.path), `${workspace.name} copy${WORKSPACE_EXTENSION}`),
        filters: workspaceFilter,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      })
      .then(({ canceled, filePath }) => {
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
    void restoreFromBackup(appSession, restorePrompts).then(reportRestore, (e: unknown) =>
      showRefusal(e as ClaimbenchError, 'The backup could not be restored'),
    );
  },
  send,
};

function rebuildMenu(): void {
  const template = buildMenuTemplate({
    appName: APP_NAME,
    isMac,
    isDev,
    recent: appSession?.recent.list() ?? [],
    actions: menuActions,
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
  contents.setWindowOpenHandler((details) => {
    const external = externalUrlForWindowOpen(details);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
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
    webPreferences: secureWebPreferences(preloadPath),
  });
  if (state.maximized) win.maximize();
  if (isMac && appSession?.workspace) win.setRepresentedFilename(appSession.workspace.path);
  // The title is ours ("<workspace> — Claimbench"), not the document's <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(windowStateFile(), { ...bounds, maximized: win.isMaximized() });
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
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
  const parent = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);
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
      printToPdf: (html) =>
        printHtmlToPdf(html, {
          createWindow: (options) => new BrowserWindow(options),
          allowFile: (url) => {
            printableFiles.add(url);
            return () => printableFiles.delete(url);
          },
        }),
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
  if (mainWindow && !mainWindow.isDestroyed()) {
    mainWindow.setTitle(windowTitle(workspace.name));
    if (isMac) mainWindow.setRepresentedFilename(workspace.path);
  }
  rebuildMenu();
  send('workspace-changed');
}

function start(): void {
  hardenSession();
  hardenPrintSession();
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
    const hint = /NODE_MODULE_VERSION|better_sqlite3/.test(message)
      ? '\n\nbetter-sqlite3 is not built for Electron: run `npm start`, which builds it into .electron-native/.'
      : '';
    dialog.showErrorBox(APP_NAME, `The workspace store could not be opened.\n\n${message}${hint}`);
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
  rebuildMenu();
  mainWindow = createWindow();
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
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
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
    if (!mainWindow && appSession) mainWindow = createWindow();
  });
  app.on('will-quit', () => {
    appSession?.close();
    appSession = undefined;
  });
  void app.whenReady().then(start);
}
