import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageConnections } from '../../electron/browser-host/pages';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { call } from '../../electron/core/dispatch';
import { inProcessCore } from '../../electron/core/process/in-process-core';
import { runClaimbench } from '../helpers/cli';
import { tempDir } from '../helpers/workspace';
import {
  openContext,
  RENDERER_DIR,
  screenshot,
  screenshotAtBothSizes,
  startHarness,
  type Harness,
  type TestContext,
} from './harness';

/**
 * The browser host's stand-ins for native dialogs, in the real page: "Import files" opens the
 * browser's file chooser and the core imports the bytes it sent; "Export…" ends in a download.
 */
let harness: Harness;
let server: BrowserHost;
let ctx: TestContext;
let filesRoot: string;

const article = Array.from(
  { length: 12 },
  (_, i) => `The ministry said unemployment in district ${i + 1} rose to ${i + 3}.${i} percent in ${2001 + i}.`,
).join(' ');

beforeAll(async () => {
  harness = await startHarness();
  filesRoot = tempDir('claimbench-e2e-browser-files-');
  const pages = new PageConnections(filesRoot);
  ctx = { ...openContext('Ann Lee'), host: pages.host };
  server = await startBrowserHost({ rendererDir: RENDERER_DIR, core: inProcessCore(() => ctx), pages });
});

afterAll(async () => {
  await server?.close();
  await harness?.close();
  ctx?.workspace.close();
});

describe('files in the browser host', () => {
  it('imports a file chosen with the browser file chooser and saves an export as a download', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(server.url);
      await page.locator('.app').waitFor();
      expect(new URL(page.url()).search).toBe('');

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import files', exact: true }).click();
      const picker = await chooser;
      expect(picker.isMultiple()).toBe(true);
      await picker.setFiles({ name: 'district-report.txt', mimeType: 'text/plain', buffer: Buffer.from(article) });
      const dialog = page.getByRole('dialog', { name: 'Import documents' });
      await dialog.getByText('Import finished').waitFor({ timeout: 30_000 });
      const documents = await call(ctx, 'documents.list', {});
      expect(documents.map((d) => d.origin ?? d.title)).toEqual([expect.stringContaining('district-report')]);
      await screenshot(page, 'browser-host-import-light');
      await dialog.getByRole('button', { name: 'Done' }).click();

      await page.getByRole('button', { name: 'Export report' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export report' });
      await exportDialog.locator('label.format-option', { hasText: 'CSV' }).click();
      const downloaded = page.waitForEvent('download');
      await exportDialog.getByRole('button', { name: 'Export…' }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      expect(csv).toContain('district 1 rose');
      // The notice and the dialog name the downloaded file, never where the server wrote it.
      await page.locator('.notice', { hasText: download.suggestedFilename() }).waitFor();
      await exportDialog.locator('.export-path', { hasText: download.suggestedFilename() }).waitFor();
      await screenshot(page, 'browser-host-export-light');
      expect(await page.locator('body').innerText()).not.toContain(filesRoot);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('confirms a share with the name it downloads as, and a newer notice replaces an older one', async () => {
    await call(ctx, 'documents.createFromText', { text: article, title: 'District figures' });
    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(server.url);
      await page.locator('.claim-row').first().waitFor();
      await page.getByRole('button', { name: /^Team/ }).click();
      await page.getByRole('menuitem', { name: 'Share…' }).click();
      const share = page.getByRole('dialog', { name: 'Share with a teammate' });
      const downloaded = page.waitForEvent('download');
      await share.getByRole('button', { name: 'Share…' }).click();
      const download = await downloaded;
      const name = download.suggestedFilename();
      expect(name).toMatch(/\.claimbench-share$/);
      const notice = page.locator('.notice');
      await notice.filter({ hasText: `downloaded as ${name} (see your browser’s downloads)` }).waitFor();
      expect(await notice.innerText()).toMatch(/^Shared \d+ changes from \d+ documents?: downloaded as/);
      await screenshotAtBothSizes(page, 'browser-host-shared');
      await page.emulateMedia({ colorScheme: 'light' });

      // A verdict and its undo: each notice replaces the one before instead of stacking over the list.
      await page.locator('.claim-list').focus();
      await page.keyboard.press('s');
      await page.keyboard.press('Control+z');
      await page.locator('.notice', { hasText: 'Undone: Mark sourced' }).waitFor();
      expect(await page.locator('.notice').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('“Import more…” opens the file chooser at once, and the second batch shows its progress and results', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const text = (place: string) =>
      Array.from({ length: 6 }, (_, i) => `Officials in ${place} said ${i + 4} bridges were closed in ${2010 + i}.`).join(' ');
    try {
      await page.goto(server.url);
      await page.locator('.app').waitFor();
      const first = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import files', exact: true }).click();
      await (await first).setFiles({ name: 'north-bridges.txt', mimeType: 'text/plain', buffer: Buffer.from(text('the north')) });
      const dialog = page.getByRole('dialog', { name: 'Import documents' });
      await dialog.getByText('Import finished').waitFor({ timeout: 30_000 });

      const second = page.waitForEvent('filechooser');
      await dialog.getByRole('button', { name: 'Import more…' }).click();
      const chooser = await second;
      // While the chooser is up the dialog still shows the first batch, not an empty drop zone.
      expect(await dialog.getByText('Drop files here').count()).toBe(0);
      expect(await dialog.locator('.import-row').allInnerTexts()).toEqual([expect.stringContaining('north-bridges.txt')]);
      await chooser.setFiles([
        { name: 'south-bridges.txt', mimeType: 'text/plain', buffer: Buffer.from(text('the south')) },
        { name: 'east-bridges.txt', mimeType: 'text/plain', buffer: Buffer.from(text('the east')) },
      ]);
      // The first batch's "Import finished" is up until the second starts: wait for the second's own summary.
      await dialog.getByText('2 imported').waitFor({ timeout: 30_000 });
      await dialog.getByText('Import finished').waitFor();
      const rows = await dialog.locator('.import-row').allInnerTexts();
      expect(rows.join('\n')).toContain('south-bridges.txt');
      expect(rows.join('\n')).toContain('east-bridges.txt');
      expect(rows.join('\n')).not.toContain('north-bridges.txt');
      await expect.poll(async () => (await call(ctx, 'documents.list', {})).length).toBeGreaterThanOrEqual(3);
      await screenshot(page, 'browser-host-import-more-1440-light');
      // Ctrl/Cmd+Enter is Done once the batch has finished.
      await page.keyboard.press('Control+Enter');
      await dialog.waitFor({ state: 'detached' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('says up front that a browser cannot choose the shared folder, names the command that links it, and shows what it linked', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1024, height: 640 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const openSync = async () => {
      await page.getByRole('button', { name: /^Team/ }).click();
      await page.getByRole('menuitem', { name: 'Sync folder…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Sync folder' });
      await dialog.waitFor();
      return dialog;
    };
    try {
      await page.goto(server.url);
      await page.locator('.app').waitFor();
      let dialog = await openSync();
      await dialog.getByText('No shared folder linked').waitFor();
      const choose = dialog.getByRole('button', { name: 'Choose shared folder…' });
      expect(await choose.isDisabled()).toBe(true);
      // The reason is beside the button before any click, with the command that does work.
      const hint = dialog.getByTestId('sync-browser-hint');
      const location = (await call(ctx, 'identity.get', {})).workspace.location;
      expect(await hint.innerText()).toContain('Choosing a folder needs the desktop app; a browser can only pick files.');
      expect(await hint.locator('code').innerText()).toBe(`claimbench sync "${location}" --link FOLDER`);
      expect(await choose.getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'));
      await screenshotAtBothSizes(page, 'browser-host-sync');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      // The command, run as the hint says while the app is open; the dialog opened again shows the folder.
      const folder = tempDir('claimbench-e2e-browser-sync-');
      const cli = runClaimbench(['sync', ctx.file, '--link', folder], {
        env: { CLAIMBENCH_USER_DATA_DIR: tempDir('claimbench-e2e-cli-home-') },
      });
      expect(cli).toMatchObject({ code: 0, stderr: '' });
      dialog = await openSync();
      await dialog.getByText(folder).waitFor();
      expect(await dialog.getByRole('button', { name: 'Change folder…' }).isDisabled()).toBe(true);
      expect(await dialog.getByTestId('sync-browser-hint').innerText()).toContain('To link another folder');
      await dialog.getByRole('button', { name: 'Sync now' }).click();
      await page.locator('.notice', { hasText: /^Synced: / }).waitFor();
      expect(fs.readdirSync(folder).length).toBeGreaterThanOrEqual(1);
      await screenshot(page, 'browser-host-sync-linked');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
