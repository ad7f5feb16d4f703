/**
 * The built main process, run in plain Node against a stand-in `electron` module: not Electron,
 * but the real bundle's wiring of the shell's decisions (the same check the issue was filed from).
 * It proves what only main.ts can get wrong: that a window comes back on macOS when a file is
 * opened with none, that the context menu, crash recovery, the app:// protocol, the gesture check
 * and spellcheck are connected to the events Electron 41 emits, and that the core runs in its own
 * process: the stand-in utilityProcess.fork starts the built core.js as a real Node child. test/electron/smoke.test.ts repeats
 * the important parts against the real binary where it exists.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MainConfigFactory } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../../electron.vite.config';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { SHELL_CHANNEL } from '../../../electron/shell/shell-requests';
import { createTestContext, tempDir } from '../../helpers/workspace';

const root = path.resolve(import.meta.dirname, '../../..');

type Listener = (...args: unknown[]) => unknown;
type MenuItem = { label?: string; role?: string; type?: string; click?: () => void; submenu?: MenuItem[] };

/** Everything the stand-in records, for the assertions. */
const log = {
  windows: [] as FakeWindow[],
  menus: [] as MenuItem[][],
  popups: [] as MenuItem[][],
  messageBoxes: [] as { message?: string; buttons?: string[] }[],
  openedExternally: [] as string[],
  calls: [] as string[],
  /** Every core process main.ts started (the stand-in utilityProcess runs each as a Node child). */
  cores: [] as ChildProcess[],
};
/** What the next Open dialogs answer (a file path), or nothing: cancelled. */
let openDialogAnswer: string | undefined;
/** The answer the next message boxes give (index of the button). */
let messageBoxAnswer = 0;
const ipcHandlers = new Map<string, Listener>();
let protocolHandler: ((request: Request) => Promise<Response>) | undefined;

class FakeContents extends EventEmitter {
  sent: unknown[][] = [];
  loaded: string[] = [];
  session = fakeSession('window');
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  windowOpenHandler: Listener | undefined;
  replaceMisspelling(word: string) {
    log.calls.push(`replaceMisspelling:${word}`);
  }
}

class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  visible = false;
  destroyed = false;
  maximized = false;
  calls: string[] = [];
  constructor(public options: Record<string, unknown>) {
    super();
    log.windows.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.webContents.loaded.push(url);
    return Promise.resolve();
  }
  loadFile() {
    return Promise.resolve();
  }
  show() {
    this.calls.push('show');
    this.visible = true;
  }
  maximize() {
    this.calls.push('maximize');
    this.maximized = true;
    this.visible = true;
  }
  focus() {
    this.calls.push('focus');
  }
  isVisible() {
    return this.visible;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  isDestroyed() {
    return this.destroyed;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1280, height: 820 };
  }
  setTitle(title: string) {
    this.calls.push(`title:${title}`);
  }
  setRepresentedFilename() {}
  /** The person closes the window. */
  closeByUser() {
    this.emit('close');
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
    if (log.windows.every((w) => w.destroyed)) fake.app.emit('window-all-closed');
  }
  destroy() {
    this.destroyed = true;
  }
}

function fakeSession(name: string) {
  return {
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onHeadersReceived: () => undefined, onBeforeRequest: () => undefined },
    setSpellCheckerDictionaryDownloadURL: (url: string) => log.calls.push(`${name}:dictionaryUrl:${url}`),
    setSpellCheckerLanguages: (langs: string[]) => log.calls.push(`${name}:languages:${langs.join(',')}`),
    setSpellCheckerEnabled: (on: boolean) => log.calls.push(`${name}:spellcheck:${on}`),
    addWordToSpellCheckerDictionary: (word: string) => log.calls.push(`addWord:${word}`),
  };
}

const userData = tempDir('claimbench-main-wiring-');
const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  setName: () => undefined,
  setPath: () => undefined,
  getPath: (name: string) => (name === 'userData' ? userData : path.join(userData, name)),
  getAppPath: () => root,
  setAppUserModelId: (id: string) => log.calls.push(`appUserModelId:${id}`),
  requestSingleInstanceLock: () => true,
  whenReady: () => Promise.resolve(),
  quit: () => log.calls.push('quit'),
  exit: (code: number) => log.calls.push(`exit:${code}`),
  addRecentDocument: () => undefined,
  clearRecentDocuments: () => undefined,
});
const fake = {
  app,
  BrowserWindow: FakeWindow,
  dialog: {
    showMessageBox: (...args: unknown[]) => {
      const options = (args.length > 1 ? args[1] : args[0]) as { message?: string; buttons?: string[] };
      log.messageBoxes.push(options);
      return Promise.resolve({ response: messageBoxAnswer, checkboxChecked: false });
    },
    showOpenDialog: () =>
      Promise.resolve(openDialogAnswer ? { canceled: false, filePaths: [openDialogAnswer] } : { canceled: true, filePaths: [] }),
    showSaveDialog: (...args: unknown[]) => {
      log.calls.push(
        `saveDialog:${(args.length > 1 ? args[1] : args[0]) && ((args.length > 1 ? args[1] : args[0]) as { title: string }).title}`,
      );
      return Promise.resolve({ canceled: true });
    },
    showErrorBox: (title: string, content: string) => log.calls.push(`errorBox:${content}`),
  },
  ipcMain: {
    handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
  },
  Menu: {
    setApplicationMenu: (menu: { template: MenuItem[] }) => log.menus.push(menu.template),
    buildFromTemplate: (template: MenuItem[]) => ({ template, popup: () => log.popups.push(template) }),
  },
  nativeTheme: { shouldUseDarkColors: true },
  protocol: {
    registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
      log.calls.push(`privileged:${schemes.map((s) => s.scheme).join(',')}`),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      log.calls.push(`protocol:${scheme}`);
      protocolHandler = handler;
    },
  },
  screen: {
    getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  },
  session: { defaultSession: fakeSession('default'), fromPartition: () => fakeSession('pdf') },
  shell: {
    openExternal: (url: string) => {
      log.openedExternally.push(url);
      return Promise.resolve();
    },
    openPath: () => Promise.resolve(''),
  },
  /** Electron's UtilityProcess over a Node child: the same entry, environment and JSON messages. */
  utilityProcess: {
    fork: (modulePath: string, args: string[], options: { env?: NodeJS.ProcessEnv; serviceName?: string }) => {
      log.calls.push(`utilityProcess:${path.basename(modulePath)}:${options.serviceName}`);
      const child = fork(modulePath, args, {
        env: options.env,
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'json',
      });
      log.cores.push(child);
      const proc = Object.assign(new EventEmitter(), {
        pid: child.pid,
        postMessage: (message: unknown) => {
          if (child.connected) child.send(message as object);
        },
        kill: () => child.kill(),
      });
      child.on('message', (message) => proc.emit('message', message));
      child.on('exit', (code, signal) => proc.emit('exit', code ?? (signal ? 1 : 0)));
      return proc;
    },
  },
};

/** Build out/main as electron-vite does, beside a stand-in `electron` package and a tiny renderer. */
async function buildWithStandIn(): Promise<string> {
  fs.mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, 'node_modules/.cache/claimbench-wiring-'));
  const outDir = path.join(scratch, 'out/main');
  const main = structuredClone((electronViteConfig as { main?: { build?: object } }).main ?? {});
  const factory = new MainConfigFactory(
    { ...main, build: { ...main.build, outDir } },
    { logLevel: 'silent', mode: 'production' },
    { root },
  );
  await build({ ...(await factory.build()), configFile: false } as InlineConfig);
  // Node resolves `electron` from out/main/node_modules first; every other package from the project.
  const standIn = path.join(outDir, 'node_modules/electron');
  fs.mkdirSync(standIn, { recursive: true });
  fs.writeFileSync(path.join(standIn, 'package.json'), JSON.stringify({ name: 'electron', type: 'module', main: 'index.js' }));
  const names = Object.keys(fake);
  fs.writeFileSync(
    path.join(standIn, 'index.js'),
    `const e = globalThis.__electronStandIn;\n${names.map((n) => `export const ${n} = e.${n};`).join('\n')}\nexport default e;\n`,
  );
  fs.mkdirSync(path.join(scratch, 'out/renderer'), { recursive: true });
  fs.writeFileSync(path.join(scratch, 'out/renderer/index.html'), '<!doctype html><title>stand-in renderer</title>');
  return scratch;
}

const mac = process.platform === 'darwin';
let scratch: string;
const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;

beforeAll(async () => {
  scratch = await buildWithStandIn();
  (globalThis as { __electronStandIn?: unknown }).__electronStandIn = fake;
  process.env.CLAIMBENCH_USER_DATA_DIR = userData;
  // Run the macOS paths (the app outlives its window): main.ts reads the platform when it loads.
  if (!mac) Object.defineProperty(process, 'platform', { ...platform, value: 'darwin' });
  try {
    await import(pathToFileURL(path.join(scratch, 'out/main/index.js')).href);
  } finally {
    Object.defineProperty(process, 'platform', platform);
  }
  for (let i = 0; i < 3000 && log.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
}, 120_000);

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

afterAll(async () => {
  app.emit('will-quit', { preventDefault: () => log.calls.push('will-quit:deferred') });
  for (let i = 0; i < 1000 && log.cores.some(alive); i++) await new Promise((r) => setTimeout(r, 10));
  for (const child of log.cores.filter(alive)) child.kill('SIGKILL');
  fs.rmSync(scratch, { recursive: true, force: true });
  delete process.env.CLAIMBENCH_USER_DATA_DIR;
});

const first = () => log.windows[0]!;
const frame = { url: 'app://claimbench/index.html', parent: null };

describe('the built main process, wired to a stand-in Electron', () => {
  it('registers app:// before ready and serves the renderer with the CSP header', async () => {
    expect(log.calls).toContain('privileged:app');
    expect(log.calls).toContain('protocol:app');
    expect(first().webContents.loaded).toEqual(['app://claimbench/index.html']);
    const response = await protocolHandler!(new Request('app://claimbench/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('stand-in renderer');
    expect((await protocolHandler!(new Request('app://claimbench/../../package.json'))).status).toBe(404);
  });

  it('paints a dark background, stays hidden until ready-to-show, then shows', () => {
    const win = first();
    expect(win.options).toMatchObject({ show: false, backgroundColor: '#1a1b1f' });
    expect(win.calls).not.toContain('maximize');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.calls).toEqual(expect.arrayContaining(['show', 'focus']));
    expect(win.calls).not.toContain('maximize');
  });

  it('keeps spellcheck off and the dictionary downloader local on this platform', () => {
    // The stand-in ran the macOS paths: the system spellchecker, no download URL.
    expect(log.calls).toContain('default:spellcheck:true');
    expect(log.calls.some((c) => c.startsWith('default:dictionaryUrl:https'))).toBe(false);
    const edit = log.menus.at(-1)!.find((m) => m.label === '&Edit')!;
    expect(edit.submenu!.map((i) => i.label)).toContain('Check Spelling While Typing');
    const view = log.menus.at(-1)!.find((m) => m.label === '&View')!;
    expect(view.submenu!.map((i) => i.role)).toContain('reload');
  });

  it('denies window.open for every disposition and opens links only after a real click', async () => {
    const contents = first().webContents;
    expect(contents.windowOpenHandler!({ url: 'https://example.org/', disposition: 'foreground-tab' })).toEqual({
      action: 'deny',
    });
    const shell = ipcHandlers.get(SHELL_CHANNEL)!;
    const request = { kind: 'open-external', url: 'https://example.org/a' };
    // A script-made click produces no input event: refused.
    expect(await shell({ senderFrame: frame, sender: contents }, request)).toEqual({ ok: true, opened: false });
    contents.emit('input-event', {}, { type: 'mouseDown' });
    contents.emit('input-event', {}, { type: 'mouseUp' });
    expect(await shell({ senderFrame: frame, sender: contents }, request)).toEqual({ ok: true, opened: true });
    expect(await shell({ senderFrame: frame, sender: contents }, request)).toEqual({ ok: true, opened: false });
    contents.emit('input-event', {}, { type: 'mouseUp' });
    expect(await shell({ senderFrame: { url: 'https://evil.example/', parent: null }, sender: contents }, request)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(log.openedExternally).toEqual(['https://example.org/a']);
  });

  it('shows the right-click menu with Make a Claim after the renderer reports a claimable selection', async () => {
    const win = first();
    const params = {
      isEditable: false,
      selectionText: 'the new bridge opened in 1932',
      misspelledWord: '',
      dictionarySuggestions: [],
      editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true },
    };
    await ipcHandlers.get(SHELL_CHANNEL)!(
      { senderFrame: frame, sender: win.webContents },
      { kind: 'context-selection', claimable: true },
    );
    win.webContents.emit('context-menu', {}, params);
    const menu = log.popups.at(-1)!;
    expect(menu.map((i) => i.label ?? i.role ?? i.type)).toEqual(['Make a Claim', 'separator', 'copy', 'separator', 'selectAll']);
    menu[0]!.click!();
    expect(win.webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, 'menu:make-claim']);
    // Without a fresh report the item is absent.
    win.webContents.emit('context-menu', {}, params);
    expect(log.popups.at(-1)!.map((i) => i.label ?? i.role)).not.toContain('Make a Claim');
    // Spelling suggestions go back to the page.
    win.webContents.emit(
      'context-menu',
      {},
      { ...params, isEditable: true, misspelledWord: 'brigde', dictionarySuggestions: ['bridge'] },
    );
    log.popups.at(-1)![0]!.click!();
    expect(log.calls).toContain('replaceMisspelling:bridge');
  });

  it('on a renderer crash asks, then reloads the app page instead of leaving a dead window', async () => {
    const win = first();
    messageBoxAnswer = 0;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await expect.poll(() => win.webContents.loaded.length).toBe(2);
    expect(log.messageBoxes.at(-1)).toMatchObject({
      message: 'The window’s page crashed.',
      buttons: ['Reload', 'Quit Claimbench'],
    });
    expect(win.webContents.loaded.at(-1)).toBe('app://claimbench/index.html');
    // A failed main-frame load is treated the same way; a blocked navigation (ERR_ABORTED) is not.
    win.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://example.org/', true);
    win.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://claimbench/index.html', true);
    await expect.poll(() => win.webContents.loaded.length).toBe(3);
    expect(log.messageBoxes.at(-1)!.message).toContain('ERR_FILE_NOT_FOUND');
    // A third failure within the minute is a crash loop: Quit comes first, and is what the default does.
    win.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await expect.poll(() => log.calls.filter((c) => c === 'quit').length).toBe(1);
    expect(log.messageBoxes.at(-1)!.buttons).toEqual(['Quit Claimbench', 'Reload Anyway']);
    expect(win.webContents.loaded).toHaveLength(3);
  });

  it('on macOS with the window closed, a double-clicked workspace opens in a new, visible window', async () => {
    first().closeByUser();
    expect(log.calls.filter((c) => c === 'quit')).toHaveLength(1); // macOS: closing the window does not quit
    const file = path.join(tempDir('claimbench-open-file-'), 'Field notes.claimbench');
    createTestContext('Ann', file).workspace.close();
    let prevented = false;
    app.emit('open-file', { preventDefault: () => (prevented = true) }, file);
    expect(prevented).toBe(true);
    expect(log.windows).toHaveLength(2);
    const second = log.windows[1]!;
    expect(second.destroyed).toBe(false);
    // The core opens the file; the title follows when it says it has.
    await expect.poll(() => second.calls).toContain('title:Field notes — Claimbench');
    expect(log.messageBoxes.filter((m) => m.message === 'The workspace could not be opened')).toEqual([]);
    second.emit('ready-to-show');
    expect(second.visible).toBe(true);
    expect(second.webContents.loaded).toEqual(['app://claimbench/index.html']);
    // The Dock icon with the window closed brings one back too.
    second.closeByUser();
    app.emit('activate');
    expect(log.windows).toHaveLength(3);
  });

  it('with the window closed, New Workspace… and Save a Copy… bring a window back before asking', () => {
    log.windows.at(-1)!.closeByUser();
    const count = log.windows.length;
    const file = log.menus.at(-1)!.find((m) => m.label === '&File')!.submenu!;
    file.find((i) => i.label === 'New Workspace…')!.click!();
    expect(log.windows).toHaveLength(count + 1);
    expect(log.calls).toContain('saveDialog:New Workspace');
    log.windows.at(-1)!.closeByUser();
    file.find((i) => i.label === 'Save a Copy…')!.click!();
    expect(log.windows).toHaveLength(count + 2);
    expect(log.calls).toContain('saveDialog:Save a Copy');
  });

  it('a second launch, with or without a file, brings a window back', async () => {
    log.windows.at(-1)!.closeByUser();
    const count = log.windows.length;
    app.emit('second-instance', {}, ['/usr/bin/claimbench'], '/');
    expect(log.windows).toHaveLength(count + 1);
    log.windows.at(-1)!.closeByUser();
    const file = path.join(tempDir('claimbench-second-'), 'Second.claimbench');
    createTestContext('Ann', file).workspace.close();
    app.emit('second-instance', {}, ['/usr/bin/claimbench', file], '/');
    expect(log.windows).toHaveLength(count + 2);
    await expect.poll(() => log.windows.at(-1)!.calls).toContain('title:Second — Claimbench');
  });

  it('runs the core in a utilityProcess: renderer calls reach it, and its data-changed events reach the window', async () => {
    expect(log.calls).toContain('utilityProcess:core.js:Claimbench Core');
    expect(log.cores).toHaveLength(1);
    expect(log.cores[0]!.pid).not.toBe(process.pid);
    const win = log.windows.at(-1)!;
    const ipc = ipcHandlers.get(IPC_CHANNEL)!;
    expect(await ipc({ senderFrame: frame }, 'identity.setAuthor', { name: 'Ann' })).toMatchObject({ ok: true });
    const added = (await ipc({ senderFrame: frame }, 'claims.add', { text: 'The bridge opened in 1932.' })) as {
      ok: boolean;
      value: { id: string };
    };
    expect(added).toMatchObject({ ok: true, value: { text: 'The bridge opened in 1932.' } });
    const listed = (await ipc({ senderFrame: frame }, 'claims.list', {})) as { ok: boolean; value: { items: { id: string }[] } };
    expect(listed.value.items.map((c) => c.id)).toEqual([added.value.id]);
    await expect
      .poll(() => win.webContents.sent.filter(([, e]) => (e as { type?: string }).type === 'data-changed'))
      .toContainEqual([IPC_EVENT_CHANNEL, expect.objectContaining({ type: 'data-changed' })]);
    // The core's host requests come back to this process's native dialogs; the page gets a token and a name, not the path.
    const picked = path.join(tempDir('claimbench-picked-'), 'ben.claimbench-share');
    fs.writeFileSync(picked, 'not read here');
    openDialogAnswer = picked;
    expect(await ipc({ senderFrame: frame }, 'team.chooseShareFile', {})).toEqual({
      ok: true,
      value: { file: { token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'ben.claimbench-share' } },
    });
    expect(await ipc({ senderFrame: frame }, 'host.chooseOpen', { purpose: 'import' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    openDialogAnswer = undefined;
    // The sender check still holds, and a renderer cannot name a host-only command.
    expect(await ipc({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'claims.list', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await ipc({ senderFrame: frame }, 'saveCopy', { target: path.join(userData, 'stolen.claimbench') })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
    expect(fs.existsSync(path.join(userData, 'stolen.claimbench'))).toBe(false);
  });

  it('File > Open… goes through the core: it opens the file, the title and Open Recent follow', async () => {
    const win = log.windows.at(-1)!;
    const file = path.join(tempDir('claimbench-menu-open-'), 'Third.claimbench');
    createTestContext('Ann', file).workspace.close();
    openDialogAnswer = file;
    log.menus
      .at(-1)!
      .find((m) => m.label === '&File')!
      .submenu!.find((i) => i.label === 'Open…')!.click!();
    await expect.poll(() => win.calls).toContain('title:Third — Claimbench');
    openDialogAnswer = undefined;
    const recent = log.menus
      .at(-1)!
      .find((m) => m.label === '&File')!
      .submenu!.find((i) => i.label === 'Open Recent')!;
    expect(recent.submenu!.map((i) => i.label)).toContain('Third.claimbench');
    expect(win.webContents.sent).toContainEqual([IPC_EVENT_CHANNEL, 'workspace-changed']);
    const listed = (await ipcHandlers.get(IPC_CHANNEL)!({ senderFrame: frame }, 'claims.list', {})) as {
      value: { total: number };
    };
    expect(listed.value.total).toBe(0);
  });

  it('when the core dies, calls in flight fail with a clear error, the shell asks, and a restarted core reopens the workspace', async () => {
    const win = log.windows.at(-1)!;
    const ipc = ipcHandlers.get(IPC_CHANNEL)!;
    const boxes = log.messageBoxes.length;
    messageBoxAnswer = 0;
    const inFlight = ipc({ senderFrame: frame }, 'claims.list', {});
    log.cores[0]!.kill('SIGKILL');
    const failed = (await inFlight) as { ok: boolean; error?: { message: string } };
    // Either the core answered before it died, or the call failed saying so; it never hangs.
    if (!failed.ok) expect(failed.error!.message).toMatch(/core/i);
    await expect.poll(() => log.messageBoxes.length).toBeGreaterThan(boxes);
    expect(log.messageBoxes.at(-1)).toMatchObject({
      message: 'The Claimbench core stopped unexpectedly.',
      buttons: ['Restart the Core', 'Quit Claimbench'],
    });
    await expect.poll(() => log.cores.length, { timeout: 20_000 }).toBe(2);
    await expect
      .poll(async () => ((await ipc({ senderFrame: frame }, 'claims.list', {})) as { ok: boolean }).ok, { timeout: 20_000 })
      .toBe(true);
    // The restarted core reopened the workspace that was open.
    await expect.poll(() => win.calls.filter((c) => c === 'title:Third — Claimbench').length >= 2).toBe(true);
    expect(((await ipc({ senderFrame: frame }, 'identity.get', {})) as { value: unknown }).value).toMatchObject({
      workspace: expect.objectContaining({ name: 'Third' }),
    });
    expect(log.calls.filter((c) => c === 'quit')).toHaveLength(1);
  });
});
