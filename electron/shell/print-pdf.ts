import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

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
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      partition: PDF_PARTITION,
    },
  } as const;
}

export const PDF_PRINT_OPTIONS = { pageSize: 'A4', printBackground: true } as const;

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
  webContents: { printToPDF(options: typeof PDF_PRINT_OPTIONS): Promise<Buffer | Uint8Array> };
  destroy(): void;
}

export interface PrintDeps {
  createWindow(options: ReturnType<typeof pdfWindowOptions>): PdfWindow;
  /** Tell the print session's request filter which file it may load; returns the revocation. */
  allowFile?(fileUrl: string): () => void;
  tempRoot?: string;
}

/** Write the HTML to a private temp file, load it in a hidden window, print to A4, clean up. */
export async function printHtmlToPdf(html: string, deps: PrintDeps): Promise<Uint8Array> {
  const dir = fs.mkdtempSync(path.join(deps.tempRoot ?? os.tmpdir(), 'claimbench-print-'));
  const file = path.join(dir, 'report.html');
  fs.writeFileSync(file, html, { encoding: 'utf8', mode: 0o600 });
  const revoke = deps.allowFile?.(pathToFileURL(file).href);
  let win: PdfWindow | undefined;
  try {
    win = deps.createWindow(pdfWindowOptions());
    await win.loadFile(file);
    const pdf = await win.webContents.printToPDF(PDF_PRINT_OPTIONS);
    return new Uint8Array(pdf);
  } finally {
    win?.destroy();
    revoke?.();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
