import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../shared/api';
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

  it('exposes one bridge method per operation and no Node', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { claimbench?: Record<string, unknown> }).claimbench ?? {};
      return {
        methods: Object.keys(bridge).filter((k) => typeof bridge[k] === 'function'),
        hasRequire: typeof (window as unknown as { require?: unknown }).require,
        hasProcess: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(shape.methods.sort()).toEqual([...OPERATION_NAMES, 'onEvent'].sort());
    expect(shape.hasRequire).toBe('undefined');
    expect(shape.hasProcess).toBe('undefined');
    const session = await page.evaluate(() =>
      (window as unknown as { claimbench: { 'session.get': (i: object) => Promise<unknown> } }).claimbench['session.get']({}),
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
