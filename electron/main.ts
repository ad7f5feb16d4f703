/**
 * The Electron main process. It only wires, with main-window.ts (the window's life) and
 * protection.ts (sessions, app://, spellcheck): every decision (window options, CSP, navigation and
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
  protocol,
  shell,
  type MessageBoxOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import { dataChanged, type BridgeEvent } from '../shared/events';
import type { ClaimbenchError } from '../shared/result';
import type { HostServices } from './core/host';
import { FileIdentityStore } from './core/identity/identity';
import { WORKSPACE_EXTENSION } from './core/store/open';
import { useNativeBinding } from './core/store/sqlite';
import { registerIpc } from './ipc';
import { MainWindows } from './main-window';
import { applySpellcheck, hardenPrintSession, hardenSession, hardenWebContents, serveAppProtocol } from './protection';
import { appUserModelIdFor } from './shell/app-identity';
import { AppSession, APP_NAME, windowTitle, type OpenOutcome } from './shell/app-session';
import { APP_SCHEME_PRIVILEGES } from './shell/app-protocol';
import { devAppUrl, productionAppUrl } from './shell/app-url';
import { workspaceFileFromArgv } from './shell/argv';
import { createHostServices } from './shell/host-services';
import { buildMenuTemplate, type MenuActions } from './shell/menu';
import { nativeBindingPath, storeLoadFailureMessage } from './shell/native-binding';
import { pdfTimeoutsFromEnv, printHtmlToPdf } from './shell/print-pdf';
import { offerRestoreForCorrupt, restoreFromBackup, type RestorePrompts, type RestoreOutcome } from './shell/restore-flow';
import { isTrustedSender } from './shell/security';
import { createShellRequestHandler, SHELL_CHANNEL } from './shell/shell-requests';
import { DICTIONARIES_DIR, loadShellSettings, saveShellSettings, type SpellcheckPolicy } from './shell/spellcheck';

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

let appSession: AppSession | undefined;
let spellcheck: SpellcheckPolicy = { available: false, enabled: false, dictionaryUrl: undefined, languages: [] };
const windows = new MainWindows({
  appUrl,
  preloadPath,
  stateFile: () => path.join(app.getPath('userData'), 'window-state.json'),
  title: () => appSession?.title ?? APP_NAME,
  representedFile: () => (isMac ? appSession?.workspace?.path : undefined),
  spellcheck: () => spellcheck,
  send,
  quit: () => app.quit(),
});
let pendingFile = workspaceFileFromArgv(process.argv, process.cwd());

function shellSettingsFile(): string {
  return path.join(app.getPath('userData'), 'shell-settings.json');
}

function send(event: BridgeEvent): void {
  windows.current()?.webContents.send(IPC_EVENT_CHANNEL, event);
}

function dialogParent(): BrowserWindow | undefined {
  return windows.dialogParent();
}

function messageBox(options: MessageBoxOptions) {
  const parent = dialogParent();
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

function bringToFront(): BrowserWindow {
  return windows.bringToFront();
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
    setUpSpellcheck();
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

/** The PDF print window may load only the report file being printed. */
const printableFiles = new Set<string>();

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

function setUpSpellcheck(): void {
  const dictionariesDir = app.isPackaged
    ? path.join(process.resourcesPath, DICTIONARIES_DIR)
    : path.join(app.getAppPath(), 'build', DICTIONARIES_DIR);
  spellcheck = applySpellcheck(loadShellSettings(shellSettingsFile()).spellcheck, dictionariesDir);
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
  hardenSession(appUrl);
  hardenPrintSession(printableFiles);
  if (appUrl.kind === 'app') serveAppProtocol(appUrl);
  setUpSpellcheck();
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
    onDataChanged: (touched) => send(dataChanged(touched)),
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
  });
  ipcMain.removeHandler(SHELL_CHANNEL);
  ipcMain.handle(
    SHELL_CHANNEL,
    createShellRequestHandler<WebContents>({
      isTrustedSender: (frame) => isTrustedSender(frame, appUrl),
      openLink: (sender, url) => windows.openExternalOnGesture(sender, url),
      contextSelection: (sender, claimable) => windows.reportContextSelection(sender, claimable),
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
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appUrl));
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
