/**
 * HTML report -> PDF through headless Chromium (the CLI, the browser host and tests). The desktop
 * app does not use this: its shell prints the very same HTML with Electron's webContents.printToPDF.
 */
import fs from 'node:fs';
import { ClaimbenchError } from '../../../shared/result';
import { PDF_HEADER_TEMPLATE, pdfFooterTemplate } from './pdf-layout';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** $CLAIMBENCH_CHROMIUM, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CLAIMBENCH_CHROMIUM?.trim() || DEFAULT_CHROMIUM;
}

/** Why PDF cannot be printed on this machine, in one line; null when Chromium is there. */
export function pdfUnavailableReason(executablePath = chromiumPath()): string | null {
  if (fs.existsSync(executablePath)) return null;
  return `PDF export needs Chromium, which was not found at ${executablePath}. Install it (Debian: apt install chromium) or set CLAIMBENCH_CHROMIUM to its path.`;
}

export interface PdfOptions {
  /** Shown in the page footer next to the page number. */
  footerText?: string;
  executablePath?: string;
  /** Aborting closes the browser, so a long print stops at once. */
  signal?: AbortSignal;
}

export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const executablePath = options.executablePath ?? chromiumPath();
  const unavailable = pdfUnavailableReason(executablePath);
  if (unavailable) throw new ClaimbenchError('UNSUPPORTED_FORMAT', unavailable);
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new ClaimbenchError('UNSUPPORTED_FORMAT', 'PDF export needs the playwright-core package, which is not installed.');
  }
  const browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const closeOnAbort = () => void browser.close();
  options.signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    if (options.signal?.aborted) throw new ClaimbenchError('CANCELLED', 'The report export was cancelled.');
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    // Nothing in the report should load anything; refuse every request that is not the page itself.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: pdfFooterTemplate(options.footerText),
      outline: true,
      // A tagged (accessible) PDF costs about a third more time on large reports.
      tagged: false,
    });
  } catch (e) {
    if (e instanceof ClaimbenchError) throw e;
    if (options.signal?.aborted) throw new ClaimbenchError('CANCELLED', 'The report export was cancelled.');
    throw new ClaimbenchError('IO', `PDF rendering failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    options.signal?.removeEventListener('abort', closeOnAbort);
    await browser.close();
  }
}
