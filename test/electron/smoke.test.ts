import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { tempDir } from '../helpers/workspace';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron executable, or undefined when the binary was never downloaded. */
function electronBinary(): string | undefined {
  try {
    const bin = createRequire(import.meta.url)('electron') as unknown;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

const executablePath = electronBinary();
if (!executablePath) {
  console.log('Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): skipping Electron smoke test');
}

describe.skipIf(!executablePath)('the Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  beforeAll(async () => {
    // Same preparation as `npm start`: better-sqlite3 for Electron's ABI, then the built app.
    execFileSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], { cwd: root, stdio: 'inherit' });
    if (!fs.existsSync(path.join(root, 'out/main/index.js')) || !fs.existsSync(path.join(root, 'out/renderer/index.html'))) {
      execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
        cwd: root,
        stdio: 'inherit',
      });
    }
    userData = tempDir('claimbench-electron-');
    app = await electron.launch({
      executablePath,
      // The project folder as the app: Electron runs package.json's main (out/main/index.js) and
      // app.getAppPath() is the root, where .electron-native/ lives.
      args: [root, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: root,
      env: { ...process.env, CLAIMBENCH_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('shows the default workspace in the title and created it in the fresh user-data folder', async () => {
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toBe('My Investigation — Claimbench');
    expect(fs.existsSync(path.join(userData, 'My Investigation.claimbench'))).toBe(true);
  });

  it('runs the core in its own utility process, not in the main process', async () => {
    const metrics = await app.evaluate(({ app }) => app.getAppMetrics().map((m) => ({ type: m.type, name: m.name })));
    expect(metrics).toContainEqual({ type: 'Utility', name: 'Claimbench Core' });
  });

  it('exposes one bridge method per operation and no Node', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { claimbench?: Record<string, unknown> }).claimbench ?? {};
      return {
        methods: Object.keys(bridge).filter((k) => typeof bridge[k] === 'function'),
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(shape.methods.sort()).toEqual([...OPERATION_NAMES, 'onEvent', 'openExternal', 'reportContextSelection'].sort());
    expect(shape.hasRequire).toBe('undefined');
    expect(shape.hasProcess).toBe('undefined');
    const session = await page.evaluate(() =>
      (window as unknown as { claimbench: { 'identity.get': (i: object) => Promise<unknown> } }).claimbench['identity.get']({}),
    );
    expect(session).toMatchObject({ ok: true, value: { workspace: { name: 'My Investigation' } } });
  });

  it('has the File menu items of the shell, including Restore from Backup', async () => {
    const labels = await app.evaluate(({ Menu }) =>
      (Menu.getApplicationMenu()?.items ?? []).flatMap((top) => (top.submenu?.items ?? []).map((i) => i.label)),
    );
    expect(labels).toEqual(
      expect.arrayContaining([
        'Import…',
        'Export Report…',
        'Share…',
        'Merge from Teammate…',
        'Sync Folder…',
        'Restore from Backup…',
        'Conflicts',
        'Activity',
      ]),
    );
  });

  it('prints HTML to PDF in a hidden window without JavaScript', async () => {
    // The same options and print call as shell/print-pdf.ts, run in the real main process.
    const header = await app.evaluate(async ({ BrowserWindow }) => {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { offscreen: true, javascript: false, sandbox: true, partition: 'claimbench-pdf' },
      });
      try {
        await win.loadURL('data:text/html,<h1>Report</h1><script>document.body.textContent="ran"</script>');
        const pdf = await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
        return Buffer.from(pdf).subarray(0, 5).toString('latin1');
      } finally {
        win.destroy();
      }
    });
    expect(header).toBe('%PDF-');
  });

  it('loads the renderer from app:// with the CSP as a response header', async () => {
    expect(page.url()).toBe('app://claimbench/index.html');
    const csp = await page.evaluate(async () =>
      (await fetch('app://claimbench/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
  });

  it('shows a right-click menu with Make a Claim after the page reports a claimable selection', async () => {
    await app.evaluate(({ Menu }) => {
      const g = globalThis as unknown as { __popups: string[][] };
      g.__popups = [];
      Menu.prototype.popup = function (this: Electron.Menu) {
        g.__popups.push(this.items.map((i) => i.label || i.role || i.type));
      };
    });
    await page.evaluate(() =>
      (window as unknown as { claimbench: { reportContextSelection(c: boolean): void } }).claimbench.reportContextSelection(true),
    );
    await page.waitForTimeout(100);
    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows()[0]!.webContents.emit(
        'context-menu',
        { preventDefault() {} },
        {
          isEditable: false,
          selectionText: 'the bridge opened in 1932',
          misspelledWord: '',
          dictionarySuggestions: [],
          editFlags: { canCut: false, canCopy: true, canPaste: false, canSelectAll: true },
        },
      );
    });
    const popups = await app.evaluate(() => (globalThis as unknown as { __popups: string[][] }).__popups);
    expect(popups.at(-1)?.[0]).toBe('Make a Claim');
  });

  it('exports a PDF through the app’s printer with the title and page numbers in the footer', async () => {
    const target = path.join(userData, 'smoke-report.pdf');
    const result = await page.evaluate(
      (target) =>
        (window as unknown as { claimbench: { 'report.export': (i: object) => Promise<unknown> } }).claimbench['report.export']({
          format: 'pdf',
          path: target,
          options: { title: 'Smoke report' },
        }),
      target,
    );
    expect(result).toMatchObject({ ok: true });
    expect(fs.readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' });
    expect(text).toContain('Smoke report');
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('on macOS, re-creates the window when a workspace is opened with every window closed', async () => {
    if (process.platform !== 'darwin') {
      // Elsewhere closing the last window quits the app, so there is no windowless state to test.
      console.log('window re-creation on open-file: macOS only; skipped on', process.platform);
      return;
    }
    const file = path.join(userData, 'Reopened.claimbench');
    fs.copyFileSync(path.join(userData, 'My Investigation.claimbench'), file);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0);
    const next = app.waitForEvent('window');
    await app.evaluate(({ app }, file) => app.emit('open-file', { preventDefault() {} }, file), file);
    page = await next;
    await page.waitForLoadState('domcontentloaded');
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => [w.isVisible(), w.getTitle()])))
      .toEqual([[true, 'Reopened — Claimbench']]);
  });

  it('recovers from a renderer crash by asking and reloading, never leaving a dead window', async () => {
    await app.evaluate(({ dialog }) => {
      const g = globalThis as unknown as { __boxes: string[] };
      g.__boxes = [];
      dialog.showMessageBox = (async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { message: string };
        g.__boxes.push(options.message);
        return { response: 0, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
    await expect
      .poll(() => app.evaluate(() => (globalThis as unknown as { __boxes: string[] }).__boxes))
      .toContain('The window’s page crashed.');
    await expect
      .poll(() =>
        app.evaluate(({ BrowserWindow }) => {
          const win = BrowserWindow.getAllWindows()[0]!;
          return [win.isVisible(), win.webContents.isCrashed(), win.webContents.getURL()];
        }),
      )
      .toEqual([true, false, 'app://claimbench/index.html']);
  });

  it('blocks navigation away from the app and window.open', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    // A scheme the link policy refuses, so no system browser is started by the test.
    const opened = await page.evaluate(() => window.open('file:///etc/passwd') === null);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});

describe.skipIf(!executablePath)('the Electron app with a PDF time limit', () => {
  let app: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    app = await electron.launch({
      executablePath,
      args: [root, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: root,
      env: {
        ...process.env,
        CLAIMBENCH_USER_DATA_DIR: tempDir('claimbench-electron-pdf-'),
        CLAIMBENCH_PDF_TIMEOUT_MS: '1',
        ELECTRON_RENDERER_URL: '',
      } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
  });

  it('stops a PDF export that takes longer than the limit, with a clear error and no file', async () => {
    const target = path.join(tempDir('claimbench-electron-pdf-out-'), 'slow.pdf');
    const result = await page.evaluate(
      (target) =>
        (window as unknown as { claimbench: { 'report.export': (i: object) => Promise<unknown> } }).claimbench['report.export']({
          format: 'pdf',
          path: target,
        }),
      target,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'IO', message: expect.stringMatching(/PDF export stopped: .* took longer than/) },
    });
    expect(fs.existsSync(target)).toBe(false);
    // The print window is gone: only the main window is left.
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});

describe.skipIf(!executablePath)('the Electron binary as the claimbench command', () => {
  it('runs the command line in the main process, with the app’s own better-sqlite3, and exits with its code', () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs')], { cwd: root, stdio: 'inherit' });
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'inherit',
    });
    const dir = tempDir('claimbench-electron-cli-');
    const run = (...args: string[]) =>
      spawnSync(executablePath!, [root, ...args], {
        encoding: 'utf8',
        env: { ...process.env, CLAIMBENCH_AUTHOR: 'Smoke', CLAIMBENCH_PROFILE: dir },
      });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: claimbench/);
    const file = path.join(dir, 'w.claimbench');
    expect(run('init', file).status).toBe(0);
    expect(run('--cli', 'claims', file, '--json').stdout.trim()).toBe('[]');
    expect(run('claims', path.join(dir, 'missing.claimbench')).status).toBe(1);
  }, 180_000);
});
