import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageConnections } from '../../electron/browser-host/pages';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { call } from '../../electron/core/dispatch';
import { inProcessCore } from '../../electron/core/process/in-process-core';
import { tempDir } from '../helpers/workspace';
import { openContext, RENDERER_DIR, screenshot, startHarness, type Harness, type TestContext } from './harness';

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
});
