/**
 * The Electron main process. The core (the workspace session and every operation) runs in a
 * utilityProcess (electron/core/process/entry.ts, the same entry and protocol as the browser host's
 * Node child); this process only routes: renderer IPC → core requests, core events → the window,
 * the core's host requests → native dialogs, the File menu → host-only core commands. It only wires, with main-window.ts (the window's life) and
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
  utilityProcess,
  type MessageBoxOptions,
  type SaveDialogOptions,
  type WebContents,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_EVENT_CHANNEL } from '../shared/api';
import { eventFromWire, type BridgeEvent } from '../shared/events';
import { z } from 'zod';
import { errorCodeSchema, type ProtocolEvent } from '../shared/protocol';
import { ClaimbenchError, type Result } from '../shared/result';
import { parseOrThrow } from '../shared/validate';
import type { HostServices } from './core/host';
import { backupInfoSchema, coreStateSchema, type CoreState } from './core/process/command-schemas';
import { coreEnv } from './core/process/core-config';
import { WORKSPACE_EXTENSION } from './core/store/open';
import { registerCoreIpc } from './ipc';
import { MainWindows } from './main-window';
import { applySpellcheck, hardenPrintSession, hardenSession, hardenWebContents, serveAppProtocol } from './protection';
import { appUserModelIdFor } from './shell/app-identity';
import { APP_NAME, windowTitle } from './shell/app-session';
import { APP_SCHEME_PRIVILEGES } from './shell/app-protocol';
import { devAppUrl, productionAppUrl } from './shell/app-url';
import { workspaceFileFromArgv } from './shell/argv';
import { createHostServices } from './shell/host-services';
import { CoreSupervisor } from './shell/core-supervisor';
import { buildMenuTemplate, type MenuActions } from './shell/menu';
import { nativeBindingPath, storeLoadFailureMessage } from './shell/native-binding';
import { pdfTimeoutsFromEnv, printHtmlToPdf } from './shell/print-pdf';
import {
  offerRestoreForCorrupt,
  restoreFromBackup,
  type RestoreOutcome,
  type RestorePrompts,
  type RestoreResult,
  type RestoreTarget,
} from './shell/restore-flow';
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

let core: CoreSupervisor | undefined;
/** What the core last said of itself: the title bar, the represented file and Open Recent read it. */
let coreState: CoreState = { title: APP_NAME, workspace: null, recent: [] };
let spellcheck: SpellcheckPolicy = { available: false, enabled: false, dictionaryUrl: undefined, languages: [] };
const windows = new MainWindows({
  appUrl,
  preloadPath,
  stateFile: () => path.join(app.getPath('userData'), 'window-state.json'),
  title: () => coreState.title,
  representedFile: () => (isMac ? coreState.workspace?.path : undefined),
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

function showRefusal(error: { message: string }, title = 'The workspace could not be opened'): void {
  void messageBox({ type: 'error', title: APP_NAME, message: title, detail: error.message });
}

/** A host-only core command; a refusal comes back as a thrown ClaimbenchError. */
async function command(...args: Parameters<CoreSupervisor['command']>): Promise<unknown> {
  if (!core) throw new ClaimbenchError('BUSY', 'The Claimbench core is not running.');
  const result = await core.command(...args);
  if (!result.ok) throw new ClaimbenchError(result.error.code, result.error.message);
  return result.value;
}

function adoptState(value: unknown): void {
  const parsed = coreStateSchema.safeParse(value);
  if (!parsed.success) return;
  coreState = parsed.data;
  core?.setRecentWorkspaces(coreState.recent.filter((f) => f !== coreState.workspace?.path));
}

async function refreshState(): Promise<void> {
  try {
    adoptState(await command('state', {}));
  } catch {
    // The core stopped; its crash handler tells the person.
  }
}

/** A command that switches workspace: its reply is the new state, or the refusal. */
async function switchWith(run: Promise<Result<unknown>>): Promise<RestoreResult> {
  const result = await run;
  if (result.ok) adoptState(result.value);
  return result.ok ? { ok: true } : result;
}

const busy = (): Promise<Result<unknown>> =>
  Promise.resolve({ ok: false, error: { code: 'BUSY', message: 'The Claimbench core is not running.' } });

/** The restore flows' view of the session, answered by the core process. */
const restoreTarget: RestoreTarget = {
  get workspace() {
    return coreState.workspace ?? undefined;
  },
  listBackups: async () => parseOrThrow(backupInfoSchema.array(), await command('listBackups', {}), 'backups'),
  latestGoodBackup: async (file) =>
    parseOrThrow(backupInfoSchema.nullable(), await command('latestGoodBackup', { file }), 'backup'),
  restore: (file, backup) => switchWith(core?.command('restore', { file, backup }) ?? busy()),
};

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

async function report(outcome: RestoreResult, file?: string): Promise<void> {
  if (outcome.ok) return;
  if (file && outcome.error.code === 'NOT_FOUND') {
    try {
      adoptState(await command('forgetRecent', { file }));
    } catch {
      // Only the recent list is out of date.
    }
  }
  if (file && outcome.error.code === 'CORRUPT') {
    void offerRestoreForCorrupt(restoreTarget, file, outcome.error, restorePrompts).then(reportRestore, (e: unknown) =>
      showRefusal(e as ClaimbenchError, 'The backup could not be restored'),
    );
    return;
  }
  showRefusal(outcome.error);
  rebuildMenu();
}

function openFile(file: string): void {
  if (!core) {
    pendingFile = file;
    return;
  }
  bringToFront();
  void switchWith(core.command('open', { file })).then((outcome) => report(outcome, file));
}

function showSaveDialog(options: SaveDialogOptions) {
  bringToFront();
  const parent = dialogParent();
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

const menuActions: MenuActions = {
  newWorkspace: () => {
    if (!core) return;
    void showSaveDialog({
      title: 'New Workspace',
      buttonLabel: 'Create',
      defaultPath: path.join(app.getPath('documents'), `Untitled${WORKSPACE_EXTENSION}`),
      filters: workspaceFilter,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }).then(({ canceled, filePath }) => {
      if (!canceled && filePath && core) void switchWith(core.command('create', { file: filePath })).then((o) => report(o));
    });
  },
  openWorkspace: () => {
    if (!core) return;
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
    app.clearRecentDocuments();
    void command('clearRecent', {}).then(
      (state) => {
        adoptState(state);
        rebuildMenu();
      },
      (e: unknown) => showRefusal(e as ClaimbenchError, 'The recent list could not be cleared'),
    );
  },
  saveCopy: () => {
    const workspace = coreState.workspace;
    if (!core || !workspace) return;
    void showSaveDialog({
      title: 'Save a Copy',
      defaultPath: path.join(path.dirname(workspace.path), `${workspace.name} copy${WORKSPACE_EXTENSION}`),
      filters: workspaceFilter,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    }).then(({ canceled, filePath }) => {
      if (canceled || !filePath) return;
      command('saveCopy', { target: filePath }).catch((e: unknown) =>
        showRefusal(e as ClaimbenchError, 'The copy could not be saved'),
      );
    });
  },
  restoreBackup: () => {
    if (!core || !coreState.workspace) return;
    bringToFront();
    void restoreFromBackup(restoreTarget, restorePrompts).then(reportRestore, (e: unknown) =>
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
    recent: coreState.recent,
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
      defaultDir: () => (coreState.workspace ? path.dirname(coreState.workspace.path) : app.getPath('documents')),
      recentWorkspaces: () => coreState.recent.filter((f) => f !== coreState.workspace?.path),
    },
  );
}

function setUpSpellcheck(): void {
  const dictionariesDir = app.isPackaged
    ? path.join(process.resourcesPath, DICTIONARIES_DIR)
    : path.join(app.getAppPath(), 'build', DICTIONARIES_DIR);
  spellcheck = applySpellcheck(loadShellSettings(shellSettingsFile()).spellcheck, dictionariesDir);
}

async function onWorkspaceChanged(): Promise<void> {
  await refreshState();
  const workspace = coreState.workspace;
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

/** A workspace the core could not open at start; the file lets the shell offer a backup of a damaged one. */
const openRefusedSchema = z.object({
  code: errorCodeSchema,
  message: z.string().max(10_000),
  file: z.string().max(4_096).optional(),
});
/** Refusals from the core's first open wait until the window and the menu exist. */
const earlyRefusals: ProtocolEvent[] = [];

/** Events from the core: the window's, and the shell's own (a switch, a refusal at start). */
function onCoreEvent(event: ProtocolEvent): void {
  if (event.kind === 'workspace-changed') {
    void onWorkspaceChanged();
    return;
  }
  if (event.kind === 'open-refused') {
    if (!core) {
      earlyRefusals.push(event);
      return;
    }
    const parsed = openRefusedSchema.safeParse(event.payload);
    if (!parsed.success) return;
    const { code, message, file } = parsed.data;
    void report({ ok: false, error: { code, message } }, file);
    return;
  }
  const bridgeEvent = eventFromWire(event);
  windows.current()?.webContents.send(IPC_EVENT_CHANNEL, bridgeEvent);
}

/** The core process, told where the person's data is and which workspace to open first. */
function forkCore(workspace: string | undefined, nativeBinding: string | undefined) {
  const userDataDir = app.getPath('userData');
  return utilityProcess.fork(path.join(here, 'core.js'), [], {
    serviceName: `${APP_NAME} Core`,
    env: { ...process.env, ...coreEnv({ userDataDir, workspace, nativeBinding }) },
    stdio: 'inherit',
  });
}

async function onCoreCrash(code: number, nativeBinding: string | undefined): Promise<void> {
  // Until a core is back, files to open wait and the refusals of its first open are queued.
  core = undefined;
  const { response } = await messageBox({
    type: 'error',
    title: APP_NAME,
    message: 'The Claimbench core stopped unexpectedly.',
    detail: `It exited with code ${code}. Anything you changed before your last save or autosave is in the workspace; an operation that was running did not finish.`,
    buttons: ['Restart the Core', `Quit ${APP_NAME}`],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  if (response !== 0) {
    app.quit();
    return;
  }
  const supervisor = newSupervisor(coreState.workspace?.path, nativeBinding);
  try {
    await supervisor.start();
  } catch (e) {
    showRefusal(e instanceof Error ? e : { message: String(e) }, 'The Claimbench core could not be restarted');
    return;
  }
  core = supervisor;
  await onWorkspaceChanged();
  afterCoreStarted();
}

/** What waited for a core: the refusals of its first open, and a file asked for meanwhile. */
function afterCoreStarted(): void {
  for (const refusal of earlyRefusals.splice(0)) onCoreEvent(refusal);
  const file = pendingFile;
  pendingFile = undefined;
  if (file) openFile(file);
}

function newSupervisor(workspace: string | undefined, nativeBinding: string | undefined): CoreSupervisor {
  return new CoreSupervisor({
    fork: () => forkCore(workspace, nativeBinding),
    host: createHost(),
    onEvent: onCoreEvent,
    onCrash: (code) => void onCoreCrash(code, nativeBinding),
    log: (message) => console.error(`[core] ${message}`),
  });
}

async function start(): Promise<void> {
  hardenSession(appUrl);
  hardenPrintSession(printableFiles);
  if (appUrl.kind === 'app') serveAppProtocol(appUrl);
  setUpSpellcheck();
  // better-sqlite3 built for Electron's ABI: only the core process opens databases.
  const nativeBinding = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  const supervisor = newSupervisor(pendingFile, nativeBinding);
  pendingFile = undefined;
  try {
    await supervisor.start();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    dialog.showErrorBox(
      APP_NAME,
      storeLoadFailureMessage(message, { isPackaged: app.isPackaged, platform: process.platform, arch: process.arch }),
    );
    app.exit(1);
    return;
  }
  core = supervisor;
  await refreshState();
  if (coreState.workspace) app.addRecentDocument(coreState.workspace.path);
  registerCoreIpc(ipcMain, {
    isTrustedSender: (frame) => isTrustedSender(frame, appUrl),
    invoke: (name, input) => core?.invoke(name, input) ?? busy(),
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
  afterCoreStarted();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = workspaceFileFromArgv(argv, workingDirectory);
    if (file) openFile(file);
    else if (core) bringToFront();
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
    if (core) bringToFront();
  });
  // The core closes its workspace (last backup, sessions paused) before the app exits.
  app.on('will-quit', (event) => {
    const running = core;
    core = undefined;
    if (!running?.isRunning) return;
    event.preventDefault();
    void running.stop().finally(() => app.quit());
  });
  void app.whenReady().then(start);
}
