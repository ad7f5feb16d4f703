import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import type { SavePurpose } from '../../shared/host-api';
import { tempDir } from '../helpers/workspace';
import {
  newsArticle,
  openApp,
  openContext,
  screenshot,
  screenshotAtBothSizes,
  startHarness,
  type Harness,
  type TestContext,
} from './harness';
import { axeFindings } from './axe';
import { withoutShared } from '../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Stands in for the person in the native save dialog: answers with the paths the test queued. */
class SaveDialogStandIn implements HostServices {
  readonly asked: { purpose: SavePurpose; defaultName: string; extension?: string }[] = [];
  private readonly answers: string[] = [];
  answerNext(file: string): void {
    this.answers.push(file);
  }
  chooseOpen(): Promise<string[] | null> {
    return Promise.resolve(null);
  }
  chooseSave(purpose: SavePurpose, defaultName: string, extension?: string): Promise<string | null> {
    this.asked.push({ purpose, defaultName, extension });
    return Promise.resolve(this.answers.shift() ?? null);
  }
}

let harness: Harness;
const out = tempDir('claimbench-e2e-export-');

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

async function seed(ctx: TestContext) {
  const iodine = await call(ctx, 'documents.createFromText', { text: newsArticle('iodine').text, title: 'Iodine tablets' });
  const warming = await call(ctx, 'documents.createFromText', { text: newsArticle('warming').text, title: 'Warming report' });
  const claims = (await call(ctx, 'claims.list', { documentId: iodine.document.id, limit: 500 })).items;
  await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'sourced', rationale: 'Matches the ministry notice.' });
  await call(ctx, 'claims.setVerdict', {
    ids: [claims[1]!.id],
    verdict: 'disputed',
    rationale: 'The agency gives another figure.',
  });
  const hostile = await call(ctx, 'claims.add', { documentId: iodine.document.id, text: HOSTILE, claimant: HOSTILE });
  await call(ctx, 'claims.setVerdict', { ids: [hostile.id], verdict: 'disputed', rationale: HOSTILE });
  return {
    iodine: iodine.document,
    warming: warming.document,
    iodineClaims: claims.length + 1,
    sourcedId: claims[0]!.id,
    disputedId: claims[1]!.id,
  };
}

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Export report' });
const preview = (page: Page) => page.frameLocator('iframe[title="Report preview"]');

async function exportAs(page: Page, host: SaveDialogStandIn, format: string, file: string) {
  const dialog = dialogOf(page);
  await dialog.locator('label.format-option', { hasText: format }).click();
  host.answerNext(file);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await dialog
    .getByTestId('export-result')
    .filter({ hasText: path.basename(file) })
    .waitFor({ timeout: 45_000 });
}

describe.skipIf(noShared)('the export dialog', () => {
  it('previews live, exports HTML, CSV, PDF and ClaimReview, and remembers the choices', async () => {
    const host = new SaveDialogStandIn();
    const ctx = { ...openContext('Ann Lee'), host };
    const { iodine, iodineClaims, sourcedId, disputedId } = await seed(ctx);
    const { page, bridge, errors, close } = await openApp(harness, ctx);
    try {
      await page.locator('.claim-row').first().waitFor();
      await page.keyboard.press('Control+e');
      const dialog = dialogOf(page);
      await dialog.waitFor();

      // Defaults: the checker's name as author and, since claims are decided, only the decided ones.
      expect(await dialog.getByLabel('Author').inputValue()).toBe('Ann Lee');
      expect(await dialog.getByLabel('Decided claims only').isChecked()).toBe(true);
      await preview(page).locator('h1', { hasText: 'Fact-check report' }).waitFor();
      await preview(page).getByText('decided claims only').first().waitFor();
      await dialog.getByLabel('Whole workspace').check();
      await preview(page).getByText('Warming report').first().waitFor();

      // The title and the scope drive the preview.
      await dialog.getByLabel('Title').fill('Iodine desk check');
      await dialog.getByLabel('Chosen documents').check();
      await dialog.getByRole('checkbox', { name: /Iodine tablets/ }).check();
      await preview(page).locator('h1', { hasText: 'Iodine desk check' }).waitFor();
      await dialog
        .getByTestId('export-preview-status')
        .filter({ hasText: `${iodineClaims} claims` })
        .waitFor();
      const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
      const inFrame = await frame.evaluate(() => ({
        text: document.body.textContent ?? '',
        images: document.querySelectorAll('img').length,
        scripts: document.querySelectorAll('script').length,
      }));
      expect(inFrame.text).toContain(HOSTILE);
      expect(inFrame.text).not.toContain('Warming report');
      expect(inFrame.images).toBe(0);
      expect(inFrame.scripts).toBe(0);
      expect(await page.locator('iframe[title="Report preview"]').getAttribute('sandbox')).toBe('');
      await screenshot(page, 'export-light');

      // HTML, written by the core to the path the save dialog gave.
      const html = path.join(out, 'iodine.html');
      await exportAs(page, host, 'Web page', html);
      expect(host.asked.at(-1)).toMatchObject({ purpose: 'report', extension: 'html' });
      // Named after the workspace (e2e.claimbench) and the day.
      expect(host.asked.at(-1)!.defaultName).toMatch(/^e2e-report-\d{4}-\d{2}-\d{2}\.html$/);
      const doc = new JSDOM(fs.readFileSync(html, 'utf8')).window.document;
      expect(doc.querySelector('h1')?.textContent).toContain('Iodine desk check');
      expect(doc.body.textContent).toContain(HOSTILE);
      expect(doc.querySelectorAll('img, script').length).toBe(0);
      expect(doc.body.textContent).not.toContain('Warming report');
      await page.locator('.notice', { hasText: 'iodine.html' }).waitFor();
      expect(await page.locator('.notice', { hasText: out }).count()).toBe(0);
      // No report content and no path crossed into the renderer: a token went in, a file name and counts came back.
      const exportCall = bridge.calls.find((c) => c.name === 'report.export');
      expect(exportCall?.input).toMatchObject({
        format: 'html',
        chosen: expect.stringMatching(/^[0-9a-f]{32}$/),
        options: { title: 'Iodine desk check' },
      });
      expect(JSON.stringify(bridge.calls)).not.toContain(out);

      const csv = path.join(out, 'iodine.csv');
      await exportAs(page, host, 'Spreadsheet', csv);
      const rows = parseCsv(fs.readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(iodineClaims);
      expect(rows.some((r) => Object.values(r).includes(HOSTILE))).toBe(true);

      // PDF through the headless-Chromium printer (the stand-in host has no printToPdf).
      const pdf = path.join(out, 'iodine.pdf');
      await exportAs(page, host, 'PDF', pdf);
      const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(pdfText).toContain('Iodine desk check');
      expect(pdfText).toContain(HOSTILE);

      // ClaimReview needs a publisher and an address, and shows its warnings.
      await dialog.locator('label.format-option', { hasText: 'ClaimReview' }).click();
      await dialog.getByText('ClaimReview names the publishing organisation.').waitFor();
      expect(await dialog.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(true);
      await dialog.getByLabel('Organisation').fill('Example Fact Desk');
      await dialog.getByLabel('Published at').fill('https://factdesk.example/iodine');
      const jsonld = path.join(out, 'iodine.jsonld');
      // A claim whose teammates' decisions disagree is left out, and the dialog and the notice say which.
      await dialog.getByText(/holds its decided claims, except any whose teammates' decisions are still in conflict/).waitFor();
      // A decided claim with no claimant adds a third kind of warning: more than a few lines of them.
      await call(ctx, 'claims.update', { id: disputedId, patch: { claimant: null } });
      ctx.workspace.db.prepare("INSERT INTO conflicts (entity, entity_id, field) VALUES ('claim', ?, 'verdict')").run(sourcedId);
      await exportAs(page, host, 'ClaimReview', jsonld);
      await page
        .locator('.notice', { hasText: /^Exported 2 claims to iodine\.jsonld\. .*left out: open team conflict/ })
        .waitFor();
      ctx.workspace.db.prepare('DELETE FROM conflicts WHERE entity_id = ?').run(sourcedId);
      const warnings = dialog.locator('.export-warnings li');
      expect(await warnings.count()).toBeGreaterThan(0);
      // The count the notice gives is the list it shows, every item in view (no list that scrolls some out of sight).
      expect(await dialog.locator('.export-warnings-title').textContent()).toContain(`${await warnings.count()} warning`);
      const allInView = () => dialog.locator('.export-warnings ul').evaluate((ul) => ul.scrollHeight <= ul.clientHeight);
      expect(await allInView()).toBe(true);
      await page.setViewportSize({ width: 1024, height: 640 });
      expect(await allInView()).toBe(true);
      await screenshot(page, 'export-claimreview-1024-light');
      await page.setViewportSize({ width: 1440, height: 900 });
      expect((await warnings.allTextContents()).join('\n')).toMatch(
        /: claimReviewed is longer than the 75 characters search engines show/,
      );
      expect(fs.readFileSync(jsonld, 'utf8')).toContain('"ClaimReview"');
      await screenshot(page, 'export-claimreview-light');

      // Remembered in the workspace, and restored when the dialog opens again (menu and header).
      expect(await call(ctx, 'report.options.get', {})).toMatchObject({
        title: 'Iodine desk check',
        organisation: 'Example Fact Desk',
        scope: { documentIds: [iodine.id] },
      });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await bridge.emit('menu:export-report');
      await dialog.waitFor();
      expect(await dialog.getByLabel('Title').inputValue()).toBe('Iodine desk check');
      // The last export's result was seen: the dialog opens again without it, and with a preview a page can be read in.
      await expect(dialog.getByTestId('export-result').count()).resolves.toBe(0);
      await page.setViewportSize({ width: 1024, height: 640 });
      await expect(
        dialog.locator('.export-preview-frame').evaluate((el) => el.getBoundingClientRect().height),
      ).resolves.toBeGreaterThanOrEqual(270);
      await screenshot(page, 'export-reopened-1024');
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await dialog.getByLabel('Chosen documents').isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: /Iodine tablets/ }).isChecked()).toBe(true);
      expect(await dialog.getByRole('checkbox', { name: /Warming report/ }).isChecked()).toBe(false);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Export report' }).click();
      await dialog.waitFor();
      expect(await dialog.getByLabel('Organisation').inputValue()).toBe('Example Fact Desk');

      // The current filter of the claim list as scope.
      await page.keyboard.press('Escape');
      await page.getByTestId('count-disputed').click();
      await page.keyboard.press('Control+e');
      await dialog.getByLabel('Current filter').check();
      await dialog.getByText('Disputed claims').waitFor();
      await dialog
        .getByTestId('export-preview-status')
        .filter({ hasText: /^2 claims$/ })
        .waitFor();

      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      await screenshot(page, 'export-dark');
      expect(errors).toEqual([]);
    } finally {
      await close();
      ctx.workspace.close();
    }
  });

  it('names the fields an export lacks and takes the person to each, even below the fold at 1024×640', async () => {
    const ctx = { ...openContext('Ann Lee'), host: new SaveDialogStandIn() };
    await seed(ctx);
    const { page, errors, close } = await openApp(harness, ctx);
    try {
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.locator('.claim-row').first().waitFor();
      await page.keyboard.press('Control+e');
      const dialog = dialogOf(page);
      await dialog.waitFor();
      await dialog.locator('label.format-option', { hasText: 'ClaimReview' }).click();
      const fix = dialog.getByTestId('export-fields-to-fix');
      await fix.waitFor();
      expect(await fix.textContent()).toBe('To export, fix Organisation and Published at.');
      expect(await dialog.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(true);
      // Whether the field shows inside the form's scrolling column.
      const inView = (label: string) =>
        dialog.getByLabel(label, { exact: true }).evaluate((el) => {
          const column = el.closest('.export-form')!.getBoundingClientRect();
          const box = el.getBoundingClientRect();
          return box.top >= column.top && box.bottom <= column.bottom;
        });
      const focusedId = () => page.evaluate(() => document.activeElement?.id);
      expect(await inView('Organisation')).toBe(false);
      await screenshotAtBothSizes(page, 'export-fields-to-fix');
      await page.setViewportSize({ width: 1024, height: 640 });
      await page.emulateMedia({ colorScheme: 'light' });

      await fix.getByRole('button', { name: 'Organisation' }).click();
      expect(await focusedId()).toBe('export-organisation');
      expect(await inView('Organisation')).toBe(true);
      await screenshot(page, 'export-fields-to-fix-went-1024-light');
      await page.keyboard.type('Example Fact Desk');
      expect(await fix.textContent()).toBe('To export, fix Published at.');
      await dialog.locator('.export-form').evaluate((el) => el.scrollTo(0, 0));
      expect(await inView('Published at')).toBe(false);
      await fix.getByRole('button', { name: 'Published at' }).click();
      expect(await focusedId()).toBe('export-baseUrl');
      expect(await inView('Published at')).toBe(true);
      await page.keyboard.type('https://factdesk.example/iodine');
      await fix.waitFor({ state: 'detached' });
      expect(await dialog.getByRole('button', { name: 'Export…' }).isDisabled()).toBe(false);

      // A chosen-documents scope with none ticked: Claims is named too, and leads to the first document.
      await dialog.getByLabel('Published at', { exact: true }).fill('');
      await dialog.getByLabel('Chosen documents').check();
      await dialog.getByRole('checkbox', { name: /Iodine tablets/ }).waitFor();
      expect(await dialog.getByTestId('export-fields-to-fix').textContent()).toBe('To export, fix Claims and Published at.');
      await dialog.getByTestId('export-fields-to-fix').getByRole('button', { name: 'Claims' }).click();
      expect(await page.evaluate(() => document.activeElement?.closest('.scope-document')?.textContent)).toMatch(
        /^Iodine tablets/,
      );

      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      ctx.workspace.close();
    }
  });

  it('shows progress for a long export and cancels it without leaving a file', async () => {
    const host = new SaveDialogStandIn();
    const ctx = { ...openContext('Ann Lee'), host };
    const { iodine } = await seed(ctx);
    ctx.workspace.recorder.action('Seed many claims', (w) => {
      for (let i = 0; i < 3_000; i++) {
        w.create('claim', randomUUID(), {
          documentId: iodine.id,
          ordinal: 1_000 + i,
          text: `Seeded claim ${i}: the health ministry said ${i % 89} pharmacies ran out of iodine tablets.`,
        });
      }
    });
    const { page, errors, close } = await openApp(harness, ctx, { colorScheme: 'dark' });
    try {
      await page.locator('.claim-row').first().waitFor();
      await page.getByRole('button', { name: 'Export report' }).click();
      const dialog = dialogOf(page);
      // Some claims are decided, so the dialog starts on them; the long export is the whole workspace.
      await dialog.getByLabel('Whole workspace').check();
      await dialog
        .getByTestId('export-preview-status')
        .filter({ hasText: /Showing the first 60 of 3,0\d\d claims/ })
        .waitFor();
      const dir = tempDir('claimbench-e2e-cancel-');
      const target = path.join(dir, 'long.pdf');
      await dialog.locator('label.format-option', { hasText: 'PDF' }).click();
      host.answerNext(target);
      await dialog.getByRole('button', { name: 'Export…' }).click();
      const progress = dialog.getByTestId('export-progress');
      await progress.waitFor();
      await progress.getByText(/Exporting|Printing/).waitFor();
      // The window stays usable while the core works: the form still edits.
      await dialog.getByLabel('Title').fill('Still typing');
      await screenshot(page, 'export-progress-dark');
      await dialog.getByRole('button', { name: 'Cancel export' }).click();
      await page.locator('.notice', { hasText: 'Export cancelled. No file was written.' }).waitFor({ timeout: 30_000 });
      await progress.waitFor({ state: 'hidden' });
      expect(fs.readdirSync(dir)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      ctx.workspace.close();
    }
  });
});
