import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageConnections } from '../../electron/browser-host/pages';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { spawnCore, type SpawnedCore } from '../../electron/core/process/spawn-core';
import { SCHEMA_VERSION } from '../../electron/core/store/migrations/index';
import { DEFAULT_WORKSPACE_NAME } from '../../electron/shell/app-session';
import { tempDir } from '../helpers/workspace';
import { RENDERER_DIR, screenshot, startHarness, type Harness } from './harness';

/**
 * The browser host as `npm start` runs it (a real core process, a real page) on a user-data folder
 * whose default workspace is not a workspace and whose most recent one was written by a newer build:
 * the page opens on the welcome screen, naming both files and why, and neither file changes.
 */
let harness: Harness;
let core: SpawnedCore;
let server: BrowserHost;
const userDataDir = tempDir('claimbench-e2e-startup-');
const defaultFile = path.join(userDataDir, DEFAULT_WORKSPACE_NAME);
const newer = path.join(tempDir('claimbench-e2e-newer-'), 'desk.claimbench');

beforeAll(async () => {
  fs.writeFileSync(defaultFile, 'PK\u0003\u0004 a zip archive, not a workspace');
  const db = new Database(newer);
  db.pragma('application_id = 1129073986');
  db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  db.close();
  fs.writeFileSync(path.join(userDataDir, 'recent-workspaces.json'), JSON.stringify({ files: [newer] }));
  harness = await startHarness();
  const pages = new PageConnections(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-e2e-startup-files-')));
  core = await spawnCore({ userDataDir }, { host: pages.host, log: () => {} });
  server = await startBrowserHost({ rendererDir: RENDERER_DIR, core: core.client, pages });
});

afterAll(async () => {
  await server?.close();
  await core?.stop();
  await harness?.close();
});

describe('starting on workspaces that are refused', () => {
  it('shows the welcome screen with each file and why, and a new workspace leaves them untouched', async () => {
    const defaultBytes = fs.readFileSync(defaultFile);
    const newerBytes = fs.readFileSync(newer);
    for (const [width, height, scheme] of [
      [1024, 640, 'light'],
      [1440, 900, 'dark'],
    ] as const) {
      const context = await harness.browser.newContext({ viewport: { width, height }, colorScheme: scheme });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url);
      await page.getByRole('heading', { name: 'No workspace is open' }).waitFor();
      const refusals = page.getByRole('list', { name: 'Workspaces not opened' }).getByRole('alert');
      await expect
        .poll(() => refusals.allTextContents())
        .toEqual([
          expect.stringContaining(
            `desk.claimbench was written by a newer version of Claimbench (format ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}).`,
          ),
          expect.stringContaining(`${DEFAULT_WORKSPACE_NAME} is not a Claimbench workspace (it is not a SQLite database).`),
        ]);
      await expect.poll(() => refusals.nth(1).textContent()).toContain(defaultFile);
      expect(await page.locator('.app').count()).toBe(0);
      await screenshot(page, `startup-refused-${width}-${scheme}`);
      expect(errors).toEqual([]);
      await context.close();
    }

    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Start a new workspace' }).click();
    await page.locator('.app').waitFor();
    await expect.poll(() => page.locator('.brand-workspace').textContent()).toBe('My Investigation 2');
    await context.close();
    expect(fs.readFileSync(defaultFile).equals(defaultBytes)).toBe(true);
    expect(fs.readFileSync(newer).equals(newerBytes)).toBe(true);
  });
});

describe('starting on a workspace file that does not exist', () => {
  it('opens the default workspace, says once how to make a new one, and not again after a reload', async () => {
    const missing = path.join(tempDir('claimbench-e2e-missing-'), 'desk.claimbench');
    const dataDir = tempDir('claimbench-e2e-missing-data-');
    const pages = new PageConnections(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-e2e-missing-files-')));
    const missingCore = await spawnCore({ userDataDir: dataDir, workspace: missing }, { host: pages.host, log: () => {} });
    const missingServer = await startBrowserHost({ rendererDir: RENDERER_DIR, core: missingCore.client, pages });
    try {
      const context = await harness.browser.newContext({ viewport: { width: 1024, height: 640 }, colorScheme: 'dark' });
      const page = await context.newPage();
      await page.goto(missingServer.url);
      await page.locator('.app').waitFor();
      const notice = page.getByText('desk.claimbench does not exist', { exact: false });
      await notice.waitFor();
      expect(await notice.textContent()).toContain(
        `Opened ${DEFAULT_WORKSPACE_NAME.replace(/\.claimbench$/, '')} instead. To make a new one, use New workspace… (Ctrl+Shift+N).`,
      );
      await screenshot(page, 'startup-missing-notice-1024-dark');
      await page.reload();
      await page.locator('.app').waitFor();
      await page.waitForTimeout(1_000);
      expect(await page.getByText('desk.claimbench does not exist', { exact: false }).count()).toBe(0);
      await context.close();
      expect(fs.existsSync(missing)).toBe(false);
    } finally {
      await missingServer.close();
      await missingCore.stop();
    }
  });
});
