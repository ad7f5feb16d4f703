import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ClaimbenchError } from '../../shared/result';
import type { PrintPdfOptions } from '../core/host';
import { PDF_HEADER_TEMPLATE, pdfFooterTemplate } from '../core/report/pdf-layout';
import { LOCKED_DOWN_WEB_PREFERENCES } from './security';

/** The in-memory session the print window uses: nothing it loads is persisted or shared with the app. */
export const PDF_PARTITION = 'claimbench-pdf';

/**
 * The hidden window a report is printed in. The HTML is the app's own export, but it quotes
 * documents and teammates' text, so it is treated as hostile: no JavaScript, sandboxed, no Node,
 * its own session (which main.ts restricts to the one temp file), never shown.
 */
export function pdfWindowOptions() {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      offscreen: true,
      javascript: false,
      ...LOCKED_DOWN_WEB_PREFERENCES,
      spellcheck: false,
      partition: PDF_PARTITION,
    },
  } as const;
}

/** The same page as the CLI's PDFs (core/report/pdf.ts): A4 from the report's @page rule, title and page numbers in the footer. */
export function pdfPrintOptions(footerText: string | undefined) {
  return {
    pageSize: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    displayHeaderFooter: true,
    headerTemplate: PDF_HEADER_TEMPLATE,
    footerTemplate: pdfFooterTemplate(footerText),
    generateDocumentOutline: true,
  } as const;
}
export type PdfPrintOptions = ReturnType<typeof pdfPrintOptions>;

/** Loading the one local file should take a moment; printing a very large report can take minutes. */
export const PDF_LOAD_TIMEOUT_MS = 60_000;
export const PDF_PRINT_TIMEOUT_MS = 300_000;

/**
 * CLAIMBENCH_PDF_TIMEOUT_MS caps both steps (the Electron smoke test sets it to prove a stuck print
 * is stopped). Anything but a positive whole number is ignored.
 */
export function pdfTimeoutsFromEnv(env: Record<string, string | undefined>): { loadTimeoutMs?: number; printTimeoutMs?: number } {
  const raw = env.CLAIMBENCH_PDF_TIMEOUT_MS?.trim();
  if (!raw || !/^\d{1,9}$/.test(raw) || Number(raw) === 0) return {};
  const ms = Number(raw);
  return { loadTimeoutMs: Math.min(ms, PDF_LOAD_TIMEOUT_MS), printTimeoutMs: Math.min(ms, PDF_PRINT_TIMEOUT_MS) };
}

/**
 * Requests the print session lets through: the report file itself and inline data (embedded images).
 * No network, no other local file.
 */
export function isPdfRequestAllowed(url: string, reportFileUrls: ReadonlySet<string>): boolean {
  if (url.startsWith('data:')) return true;
  try {
    const requested = new URL(url);
    if (requested.protocol !== 'file:') return false;
    return [...reportFileUrls].some((allowed) => new URL(allowed).pathname === requested.pathname);
  } catch {
    return false;
  }
}

/** What printHtmlToPdf needs of a BrowserWindow. */
export interface PdfWindow {
  loadFile(file: string): Promise<void>;
  webContents: { printToPDF(options: PdfPrintOptions): Promise<Buffer | Uint8Array> };
  destroy(): void;
}

export interface PrintDeps {
  createWindow(options: ReturnType<typeof pdfWindowOptions>): PdfWindow;
  /** Tell the print session's request filter which file it may load; returns the revocation. */
  allowFile?(fileUrl: string): () => void;
  tempRoot?: string;
}

export interface PrintOptions extends PrintPdfOptions {
  loadTimeoutMs?: number;
  printTimeoutMs?: number;
}

/**
 * Wait for `work`, but give up after `ms` or when `signal` aborts. The hidden window is destroyed
 * by the caller either way, which ends whatever Chromium was still doing.
 */
function bounded<T>(work: Promise<T>, ms: number, step: string, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancelled = () => reject(new ClaimbenchError('CANCELLED', 'The report export was cancelled.'));
    if (signal?.aborted) return cancelled();
    const timer = setTimeout(
      () => reject(new ClaimbenchError('IO', `PDF export stopped: ${step} took longer than ${Math.round(ms / 1000)} seconds.`)),
      ms,
    );
    signal?.addEventListener('abort', cancelled, { once: true });
    work.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancelled);
    });
  });
}

/**
 * Write the HTML to a private temp file, load it in a hidden window, print it, clean up. Each step
 * has a time limit and the export's cancel stops it at once; the window and the file are removed
 * whatever happens.
 */
export async function printHtmlToPdf(html: string, deps: PrintDeps, options: PrintOptions = {}): Promise<Uint8Array> {
  const { signal } = options;
  if (signal?.aborted) throw new ClaimbenchError('CANCELLED', 'The report export was cancelled.');
  const dir = fs.mkdtempSync(path.join(deps.tempRoot ?? os.tmpdir(), 'claimbench-print-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
  const revoke = deps.allowFile?.(pathToFileURL(file).href);
  let win: PdfWindow | undefined;
  try {
    win = deps.createWindow(pdfWindowOptions());
    const loaded = win.loadFile(file);
    await bounded(loaded, options.loadTimeoutMs ?? PDF_LOAD_TIMEOUT_MS, 'loading the report', signal);
    const printed = win.webContents.printToPDF(pdfPrintOptions(options.footerText));
    const pdf = await bounded(printed, options.printTimeoutMs ?? PDF_PRINT_TIMEOUT_MS, 'printing', signal);
    return new Uint8Array(pdf);
  } finally {
    win?.destroy();
    revoke?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
