import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PageConnections } from '../../electron/browser-host/pages';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/server';
import { call } from '../../electron/core/dispatch';
import { spawnCore, type SpawnedCore } from '../../electron/core/process/spawn-core';
import { tempDir } from '../helpers/workspace';
import { openContext, RENDERER_DIR, screenshot, SCREENSHOT_DIR, startHarness, type Harness } from './harness';

/**
 * PDF export in the browser host as `npm start` runs it: a real core process asks the host to print,
 * and the host prints the report's HTML with headless Chromium (the CLI's way, the CLI's footer).
 * Without Chromium, the export dialog shows PDF as unavailable, with why, before anyone clicks.
 */
let harness: Harness;
let core: SpawnedCore;
let server: BrowserHost;
const userDataDir = tempDir('claimbench-e2e-pdf-');
const file = path.join(tempDir('claimbench-e2e-pdf-ws-'), 'Harbour desk.claimbench');
const CLAIMS = [
  'The harbour authority said cargo volumes rose to 41.2 million tonnes in 2023.',
  'According to the port police, 312 containers were inspected in March.',
  'The mayor said the new ferry line cost 18 million euros to build.',
];

beforeAll(async () => {
  const ctx = openContext('Ann Lee', file);
  await call(ctx, 'documents.createFromText', { title: 'Harbour report', text: CLAIMS.join(' ') });
  const claims = (await call(ctx, 'claims.list', {})).items;
  expect(claims).toHaveLength(CLAIMS.length);
  await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'sourced', rationale: 'Annual report, table 4.' });
  await call(ctx, 'claims.setVerdict', { ids: [claims[1]!.id], verdict: 'disputed', rationale: 'The police log says 213.' });
  await call(ctx, 'claims.setVerdict', { ids: [claims[2]!.id], verdict: 'unverified' });
  ctx.workspace.close();
  harness = await startHarness();
  const pages = new PageConnections(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-e2e-pdf-files-')));
  core = await spawnCore({ userDataDir, workspace: file }, { host: pages.host, log: () => {} });
  expect(await core.client.invoke('identity.setAuthor', { name: 'Ann Lee' })).toMatchObject({ ok: true });
  server = await startBrowserHost({ rendererDir: RENDERER_DIR, core: core.client, pages });
});

afterAll(async () => {
  await server?.close();
  await core?.stop();
  await harness?.close();
});

async function openExportDialog(page: Page) {
  await page.goto(server.url);
  await page.locator('.app').waitFor();
  await page.getByRole('button', { name: 'Export report' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export report' });
  await dialog.locator('label.format-option', { hasText: 'PDF' }).waitFor();
  return dialog;
}

describe('PDF export in the browser host', () => {
  it('prints the report with headless Chromium and downloads a PDF that holds the claims', { timeout: 120_000 }, async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const dialog = await openExportDialog(page);
      await dialog.locator('label.format-option', { hasText: 'PDF' }).click();
      expect(await dialog.getByRole('radio', { name: /PDF/ }).isChecked()).toBe(true);
      const downloaded = page.waitForEvent('download', { timeout: 90_000 });
      await dialog.getByRole('button', { name: 'Export…' }).click();
      const download = await downloaded;
      expect(download.suggestedFilename()).toMatch(/^harbour-desk-report-\d{4}-\d{2}-\d{2}\.pdf$/i);
      const pdf = path.join(SCREENSHOT_DIR, 'browser-host-report.pdf');
      fs.copyFileSync((await download.path())!, pdf);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const claim of ['cargo volumes rose to 41.2 million tonnes', '312 containers were inspected', '18 million euros']) {
        expect(text).toContain(claim);
      }
      expect(text).toMatch(/Page 1 of \d+/);
      for (const old of fs.readdirSync(SCREENSHOT_DIR).filter((n) => n.startsWith('browser-host-report-page'))) {
        fs.rmSync(path.join(SCREENSHOT_DIR, old));
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(SCREENSHOT_DIR, 'browser-host-report-page')]);
      expect(fs.readdirSync(SCREENSHOT_DIR).some((n) => n.startsWith('browser-host-report-page'))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows PDF as unavailable, with why, where Chromium cannot be found', async () => {
    const before = process.env.CLAIMBENCH_CHROMIUM;
    process.env.CLAIMBENCH_CHROMIUM = '/nonexistent/chromium';
    try {
      for (const [width, height, scheme] of [
        [1024, 640, 'light'],
        [1440, 900, 'dark'],
      ] as const) {
        const context = await harness.browser.newContext({ viewport: { width, height }, colorScheme: scheme });
        try {
          const page = await context.newPage();
          const dialog = await openExportDialog(page);
          const pdf = dialog.getByRole('radio', { name: /PDF/ });
          expect(await pdf.isDisabled()).toBe(true);
          expect(await pdf.isChecked()).toBe(false);
          await expect
            .poll(() => dialog.locator('.format-unavailable').textContent())
            .toBe(
              'PDF: PDF export needs Chromium, which was not found at /nonexistent/chromium. Install it (Debian: apt install chromium) or set CLAIMBENCH_CHROMIUM to its path.',
            );
          await screenshot(page, `browser-host-pdf-unavailable-${width}-${scheme}`);
        } finally {
          await context.close();
        }
      }
    } finally {
      if (before === undefined) delete process.env.CLAIMBENCH_CHROMIUM;
      else process.env.CLAIMBENCH_CHROMIUM = before;
    }
  });
});
