import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageConnections } from '../../electron/browser-host/pages';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { spawnCore, type SpawnedCore } from '../../electron/core/process/spawn-core';
import { tempDir } from '../helpers/workspace';
import { RENDERER_DIR, screenshot, startHarness, type Harness } from './harness';

/** The browser host has no File menu: the workspace's name opens New workspace… and Open a workspace…, with the desktop's keys. */
let harness: Harness;
let core: SpawnedCore;
let server: BrowserHost;
const userDataDir = tempDir('claimbench-e2e-workspaces-');

beforeAll(async () => {
  fs.writeFileSync(path.join(userDataDir, 'identity.json'), JSON.stringify({}));
  harness = await startHarness();
  const pages = new PageConnections(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-e2e-workspaces-files-')));
  core = await spawnCore({ userDataDir }, { host: pages.host, log: () => {} });
  await core.client.invoke('identity.setAuthor', { name: 'Mara Quinn' });
  server = await startBrowserHost({ rendererDir: RENDERER_DIR, core: core.client, pages });
});

afterAll(async () => {
  await server?.close();
  await core?.stop();
  await harness?.close();
});

describe('workspaces in the browser host', () => {
  it('creates a named workspace with Ctrl+Shift+N and opens the first one again with Ctrl+O', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1024, height: 640 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(server.url);
    const name = page.locator('.brand-workspace');
    await expect.poll(() => name.textContent()).toBe('My Investigation');
    await page.locator('.app').click({ position: { x: 500, y: 400 } });

    await page.keyboard.press('Control+Shift+N');
    await page.getByRole('dialog', { name: 'New workspace' }).waitFor();
    await page.keyboard.type('Election debate');
    await page.keyboard.press('Enter');
    await expect.poll(() => name.textContent()).toBe('Election debate');
    expect(fs.existsSync(path.join(userDataDir, 'Workspaces', 'Election debate.claimbench'))).toBe(true);

    await page.keyboard.press('Control+o');
    const dialog = page.getByRole('dialog', { name: 'Open a workspace' });
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByRole('button').allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('Election debate (open now)'),
          expect.stringContaining('My Investigation'),
        ]),
      );
    await screenshot(page, 'browser-open-workspace-1024-dark');
    await dialog.getByRole('button', { name: /^My Investigation/ }).click();
    await expect.poll(() => name.textContent()).toBe('My Investigation');
    await context.close();
  });
});
