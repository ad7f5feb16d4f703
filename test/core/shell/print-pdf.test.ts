import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { pdfFooterTemplate, PDF_HEADER_TEMPLATE } from '../../../electron/core/report/pdf-layout';
import {
  PDF_LOAD_TIMEOUT_MS,
  PDF_PRINT_TIMEOUT_MS,
  pdfPrintOptions,
  pdfTimeoutsFromEnv,
  printHtmlToPdf,
  type PdfPrintOptions,
  type PdfWindow,
} from '../../../electron/shell/print-pdf';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** A stand-in for the hidden print window: each step resolves, fails or never settles, as told. */
function printWindow(
  behaviour: { load?: 'ok' | 'hang'; print?: 'ok' | 'hang' },
  log: string[],
  seen: PdfPrintOptions[] = [],
): PdfWindow {
  const never = new Promise<never>(() => undefined);
  return {
    loadFile: async (file) => {
      log.push(`load:${path.basename(file)}`);
      if (behaviour.load === 'hang') return never;
    },
    webContents: {
      printToPDF: async (options) => {
        seen.push(options);
        log.push('print');
        if (behaviour.print === 'hang') return never;
        return Buffer.from('%PDF-1.7 printed');
      },
    },
    destroy: () => log.push('destroy'),
  };
}

describe('the app prints PDFs like the CLI', () => {
  it('uses A4 from the report’s @page rule, backgrounds, and the CLI’s footer with title and page numbers', async () => {
    const options = pdfPrintOptions('Council <claims> & more');
    expect(options).toEqual({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: pdfFooterTemplate('Council <claims> & more'),
      generateDocumentOutline: true,
    });
    // The title is escaped (it is the person's text); the page number slots are Chromium's classes.
    expect(options.footerTemplate).toContain('Council &lt;claims&gt; &amp; more');
    expect(options.footerTemplate).toContain('<span class="pageNumber"></span> of <span class="totalPages"></span>');
    // The CLI's printer builds its footer from the same function.
    expect(fs.readFileSync(path.resolve('electron/core/report/pdf.ts'), 'utf8')).toContain(
      'footerTemplate: pdfFooterTemplate(options.footerText)',
    );

    const seen: PdfPrintOptions[] = [];
    const log: string[] = [];
    await printHtmlToPdf(
      '<h1>R</h1>',
      { createWindow: () => printWindow({}, log, seen), tempRoot: tempDir() },
      { footerText: 'My report' },
    );
    expect(seen).toEqual([pdfPrintOptions('My report')]);
  });

  it('has time limits for loading and for printing, which CLAIMBENCH_PDF_TIMEOUT_MS can only shorten', () => {
    expect(PDF_LOAD_TIMEOUT_MS).toBe(60_000);
    expect(PDF_PRINT_TIMEOUT_MS).toBe(300_000);
    expect(pdfTimeoutsFromEnv({})).toEqual({});
    expect(pdfTimeoutsFromEnv({ CLAIMBENCH_PDF_TIMEOUT_MS: '250' })).toEqual({ loadTimeoutMs: 250, printTimeoutMs: 250 });
    expect(pdfTimeoutsFromEnv({ CLAIMBENCH_PDF_TIMEOUT_MS: '999999999' })).toEqual({
      loadTimeoutMs: PDF_LOAD_TIMEOUT_MS,
      printTimeoutMs: PDF_PRINT_TIMEOUT_MS,
    });
    for (const bad of ['0', '-5', '1e3', 'soon', '', ' '])
      expect(pdfTimeoutsFromEnv({ CLAIMBENCH_PDF_TIMEOUT_MS: bad })).toEqual({});
  });
});

describe('a PDF export never hangs', () => {
  it.each([
    ['loading', { load: 'hang' as const }, ['load:report.html', 'destroy'], /loading the report took longer than 0 seconds/],
    ['printing', { print: 'hang' as const }, ['load:report.html', 'print', 'destroy'], /printing took longer than 0 seconds/],
  ])('gives up when %s takes too long, and removes the window and the temp file', async (_step, behaviour, events, message) => {
    const root = tempDir();
    const log: string[] = [];
    const started = Date.now();
    const printing = printHtmlToPdf(
      '<p>x</p>',
      { createWindow: () => printWindow(behaviour, log), tempRoot: root },
      { loadTimeoutMs: 50, printTimeoutMs: 50 },
    );
    await expect(printing).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(message) });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(log).toEqual(events);
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('stops at once on cancel, during loading or printing, and before it starts', async () => {
    for (const behaviour of [{ load: 'hang' as const }, { print: 'hang' as const }]) {
      const root = tempDir();
      const log: string[] = [];
      const controller = new AbortController();
      const printing = printHtmlToPdf(
        '<p>x</p>',
        { createWindow: () => printWindow(behaviour, log), tempRoot: root },
        { signal: controller.signal },
      );
      await sleep(20);
      controller.abort();
      await expect(printing).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(log.at(-1)).toBe('destroy');
      expect(fs.readdirSync(root)).toEqual([]);
    }
    const log: string[] = [];
    const root = tempDir();
    await expect(
      printHtmlToPdf('<p>x</p>', { createWindow: () => printWindow({}, log), tempRoot: root }, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(log).toEqual([]);
    expect(fs.readdirSync(root)).toEqual([]);
  });
});

describe('report.export through the app’s printer', () => {
  const ctx0 = createTestContext('Ann Analyst');
  const dir = tempDir('claimbench-print-export-');
  beforeAll(async () => {
    await call(ctx0, 'claims.add', { text: 'The bridge opened in 1932.' });
  });
  afterAll(() => ctx0.workspace.close());

  /** The app's host: the real printHtmlToPdf around a window that hangs while printing. */
  function hangingHost(log: string[], seen: PdfPrintOptions[]): HostServices {
    return {
      chooseOpen: () => Promise.resolve(null),
      chooseSave: () => Promise.resolve(null),
      printToPdf: (html, options) =>
        printHtmlToPdf(html, { createWindow: () => printWindow({ print: 'hang' }, log, seen), tempRoot: dir }, options),
    };
  }

  it('Cancel stops a print that would never finish, and no file is written', async () => {
    const log: string[] = [];
    const seen: PdfPrintOptions[] = [];
    const ctx = { ...ctx0, host: hangingHost(log, seen) };
    const target = path.join(dir, 'never.pdf');
    const pending = invoke(ctx, 'report.export', {
      format: 'pdf',
      path: target,
      options: { title: 'Cancel test' },
      jobId: 'pdf-cancel',
    });
    for (let i = 0; i < 200 && !log.includes('print'); i++) await sleep(10);
    expect(log).toContain('print');
    expect(await call(ctx, 'report.cancel', { jobId: 'pdf-cancel' })).toEqual({ cancelled: true });
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect((await call(ctx, 'report.progress', { jobId: 'pdf-cancel' })).state).toBe('cancelled');
    expect(fs.existsSync(target)).toBe(false);
    expect(log.at(-1)).toBe('destroy');
    // The app's PDF carries the report's title in its footer, as the CLI's does.
    expect(seen[0]?.footerTemplate).toContain('Cancel test');
  });
});
