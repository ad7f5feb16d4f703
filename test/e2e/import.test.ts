import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { HostServices } from '../../electron/core/host';
import { CORPUS_DIR, withoutShared } from '../helpers/corpus';
import { BUILT_ARTICLES, BUILT_RUSSIAN } from '../helpers/built-articles';
import { buildDocx, encodeText, newsPageHtml, printablePage, printPdfs } from '../helpers/built-docs';
import { newsArticle, openApp, openContext, screenshot, startHarness, type Harness } from './harness';
import { axeFindings } from './axe';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const corpus = (p: string) => path.join(CORPUS_DIR, p);
const TXT = corpus('news_ru/ru_wikinews_nerel/140635_text.txt');
const HTML = corpus('news_en/html_raw/wikimediafoundation.org.turkey.html');
const DOCX = corpus('fixtures/docx/apache-poi/bib-chernigovka.netdo.ru_download_docs_17459.docx');
const PDF = corpus('fixtures/pdf/TAMReview.pdf');

/** Stands in for the person in the native open dialog. */
class OpenDialogStandIn implements HostServices {
  answer: string[] | null = null;
  chooseOpen(): Promise<string[] | null> {
    return Promise.resolve(this.answer);
  }
  chooseSave(): Promise<string | null> {
    return Promise.resolve(null);
  }
}

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

const dialogOf = (page: Page) => page.getByRole('dialog', { name: 'Import documents' });
const rowOf = (page: Page, name: string) => dialogOf(page).locator('.import-row', { hasText: name });

/** Drops files on the window the way the OS does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(page: Page, files: { name: string; text?: string; base64?: string }[], { release = true } = {}) {
  await page.evaluate(
    ({ files, release }) => {
      const data = new DataTransfer();
      for (const f of files) {
        const bytes = f.base64 ? Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0)) : (f.text ?? '');
        data.items.add(new File([bytes], f.name));
      }
      const fire = (type: string) =>
        document
          .querySelector('.panes')!
          .dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: data }));
      fire('dragenter');
      fire('dragover');
      if (release) fire('drop');
    },
    { files, release },
  );
}

describe.skipIf(noShared)('importing files', () => {
  it(
    'imports several formats with per-file progress, flags errors and duplicates, and accepts drops',
    { timeout: 90_000 },
    async () => {
      const host = new OpenDialogStandIn();
      const ctx = { ...openContext('Ann Lee'), host };
      const { page, bridge, errors, close } = await openApp(harness, { ...ctx, host: undefined });
      try {
        // Without a host (a plain browser) the dialog falls back to a file input.
        await page.keyboard.press('Control+i');
        const dialog = dialogOf(page);
        await dialog.waitFor();
        await page.locator('[data-testid="import-file-input"]').setInputFiles([
          ...[TXT, HTML, DOCX, PDF].map((file) => ({
            name: path.basename(file),
            mimeType: 'application/octet-stream',
            buffer: fs.readFileSync(file),
          })),
          { name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a zip') },
          { name: 'again.txt', mimeType: 'text/plain', buffer: fs.readFileSync(TXT) },
        ]);
        await dialog.getByText('Import finished').waitFor({ timeout: 60_000 });
        expect(await rowOf(page, '140635_text.txt').getAttribute('data-state')).toBe('done');
        expect(await rowOf(page, 'turkey.html').getAttribute('data-state')).toBe('done');
        expect(await rowOf(page, 'chernigovka').getAttribute('data-state')).toBe('done');
        expect(await rowOf(page, 'TAMReview.pdf').getAttribute('data-state')).toBe('done');
        const broken = rowOf(page, 'broken.docx');
        expect(await broken.getAttribute('data-state')).toBe('failed');
        expect((await broken.locator('.import-row-status').textContent())?.length).toBeGreaterThan(10);
        const again = rowOf(page, 'again.txt');
        expect(await again.getAttribute('data-state')).toBe('duplicate');
        expect(await again.textContent()).toMatch(/Same text as “Путин одобрил/);
        expect(await dialog.getByTestId('import-summary').textContent()).toMatch(
          /^4 imported · 1 already in the workspace, not imported · 1 could not be read/,
        );
        // Nothing half-imported: four documents stored, the duplicate held back, the corrupt one not at all.
        expect(await call(ctx, 'documents.list', {})).toHaveLength(4);
        await page.locator('.doc-row', { hasText: 'Путин одобрил' }).first().waitFor();
        expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
        await screenshot(page, 'import-light');
        // The duplicate is a question: "Import anyway" stores the copy the import held back.
        await again.getByRole('button', { name: 'Import anyway' }).click();
        await expect.poll(async () => (await call(ctx, 'documents.list', {})).length).toBe(5);
        await expect.poll(() => again.getAttribute('data-state')).toBe('done');
        await screenshot(page, 'import-anyway-light');

        // "Open" takes the checker to the document's text.
        await rowOf(page, 'turkey.html')
          .getByRole('button', { name: /^Open / })
          .click();
        await page.locator('.document-pane .doc-heading').waitFor();
        expect(await page.locator('.document-pane .doc-heading').textContent()).toMatch(/Wikipedia/);

        // Dropping files anywhere: the overlay says what will happen, the drop imports.
        await dropFiles(page, [{ name: 'dropped.txt', text: newsArticle('iodine').text }], { release: false });
        await page.getByTestId('drop-overlay').waitFor();
        await screenshot(page, 'import-drop-light');
        await dropFiles(page, [
          { name: 'dropped.txt', text: newsArticle('iodine').text },
          { name: 'empty.txt', text: '' },
        ]);
        await dialog.getByText('Import finished').waitFor({ timeout: 30_000 });
        expect(await page.getByTestId('drop-overlay').count()).toBe(0);
        expect(await rowOf(page, 'dropped.txt').getAttribute('data-state')).toBe('done');
        expect(await rowOf(page, 'empty.txt').getAttribute('data-state')).toBe('failed');
        expect(await rowOf(page, 'empty.txt').textContent()).toMatch(/empty/i);
        await dialog.getByRole('button', { name: 'Done' }).click();

        // File ▸ Import… in the app: the host's dialog picks, the core reads the paths.
        bridge.setContext(ctx);
        host.answer = [corpus('news_ru/ru_wikinews_nerel/141500_text.txt')];
        await bridge.emit('menu:import');
        await dialog.getByText('Import finished').waitFor({ timeout: 30_000 });
        expect(await rowOf(page, '141500_text.txt').getAttribute('data-state')).toBe('done');
        expect(await call(ctx, 'documents.list', {})).toHaveLength(7);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );

  it('says when much of a PDF could not be read, in the import row and in the document view', { timeout: 90_000 }, async () => {
    const ctx = openContext('Ann Lee');
    const { page, errors, close } = await openApp(harness, ctx);
    try {
      await page.keyboard.press('Control+i');
      const dialog = dialogOf(page);
      await dialog.waitFor();
      await page
        .locator('[data-testid="import-file-input"]')
        .setInputFiles([{ name: 'TAMReview.pdf', mimeType: 'application/pdf', buffer: fs.readFileSync(PDF) }]);
      await dialog.getByText('Import finished').waitFor({ timeout: 60_000 });
      const row = rowOf(page, 'TAMReview.pdf');
      expect(await row.getAttribute('data-state')).toBe('done');
      const warning =
        "Much of this PDF's text could not be read (its text layer looks garbled): check the claims against the original.";
      expect(await row.getByTestId('import-warning').textContent()).toBe(` ${warning}`);
      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      await row.getByRole('button', { name: /^Open / }).click();
      const banner = page.locator('.document-pane').getByTestId('garbled-banner');
      await banner.waitFor();
      expect(await banner.textContent()).toBe(warning);
      await screenshot(page, 'import-garbled-pdf-light');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('cancels a running import, keeping what finished and storing nothing else (dark theme)', { timeout: 60_000 }, async () => {
    const ctx = openContext('Ann Lee');
    const { page, errors, close } = await openApp(harness, ctx, { colorScheme: 'dark' });
    try {
      const pdf = fs.readFileSync(PDF).toString('base64');
      await dropFiles(
        page,
        Array.from({ length: 8 }, (_, i) => ({ name: `review-${i + 1}.pdf`, base64: pdf })),
      );
      const dialog = dialogOf(page);
      await dialog.getByRole('button', { name: 'Cancel import' }).click();
      await dialog.getByText('Import cancelled').waitFor({ timeout: 30_000 });
      const states = await dialog.locator('.import-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
      expect(states).toContain('cancelled');
      const done = states.filter((s) => s === 'done').length;
      expect(await call(ctx, 'documents.list', {})).toHaveLength(done);
      expect(await axeFindings(page, '[role="dialog"]')).toEqual([]);
      await screenshot(page, 'import-cancelled-dark');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('importing files the test builds', () => {
  it(
    'imports txt in windows-1251, Markdown, HTML, docx and a Chromium-printed PDF, and fails a truncated PDF',
    { timeout: 90_000 },
    async () => {
      const [harbour, school, rail] = BUILT_ARTICLES;
      const paragraphs = (a: (typeof BUILT_ARTICLES)[number]) => a.text.split('\n\n');
      const [pdf] = await printPdfs([printablePage(rail!.title, paragraphs(rail!))]);
      const files: [string, Uint8Array][] = [
        ['inflation-1251.txt', encodeText(BUILT_RUSSIAN, 'windows-1251')],
        ['school.md', encodeText(`# ${school!.title}\n\n${school!.text}\n`, 'utf-8')],
        ['harbour.html', encodeText(newsPageHtml({ title: harbour!.title, paragraphs: paragraphs(harbour!) }), 'utf-8')],
        ['council.docx', await buildDocx([school!.title, ...paragraphs(school!)].reverse())],
        ['rail.pdf', pdf!],
        ['cut.pdf', pdf!.subarray(0, 600)],
      ];
      const ctx = openContext('Ann Lee');
      const { page, errors, close } = await openApp(harness, ctx);
      try {
        await page.keyboard.press('Control+i');
        const dialog = dialogOf(page);
        await dialog.waitFor();
        await page
          .locator('[data-testid="import-file-input"]')
          .setInputFiles(
            files.map(([name, bytes]) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) })),
          );
        await dialog.getByText('Import finished').waitFor({ timeout: 60_000 });
        for (const [name] of files.slice(0, 5)) expect(await rowOf(page, name).getAttribute('data-state'), name).toBe('done');
        expect(await rowOf(page, 'cut.pdf').getAttribute('data-state')).toBe('failed');
        const docs = await call(ctx, 'documents.list', {});
        expect(docs).toHaveLength(5);
        await page.locator('.doc-row', { hasText: school!.title }).first().waitFor();
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    },
  );
});
