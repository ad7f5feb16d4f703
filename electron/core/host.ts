import type { OpenPurpose, SavePurpose } from '../../shared/host-api';

export interface PrintPdfOptions {
  footerText?: string;
  signal?: AbortSignal;
}

/**
 * What the surrounding program provides: native dialogs, the system viewer, PDF printing.
 * The Electron shell implements it; tests pass a stand-in; the CLI has none.
 */
export interface HostServices {
  chooseOpen(purpose: OpenPurpose, multiple: boolean): Promise<string[] | null>;
  chooseSave(purpose: SavePurpose, defaultName: string, extension?: string): Promise<string | null>;
  /** The workspace files opened recently (newest first), for claims.similar to look in. */
  recentWorkspaces?(): string[];
  /** Open a file in the system's default viewer (never executed). */
  openPath?(file: string): Promise<void>;
  /**
   * Print self-contained HTML to PDF bytes (Electron's printToPDF in the app), with the footer
   * text beside the page numbers; aborting `signal` stops the print.
   */
  printToPdf?(html: string, options?: PrintPdfOptions): Promise<Uint8Array>;
  /** Why printToPdf cannot work on this machine (no Chromium, say), in one line; null when it can. */
  pdfUnavailable?(): Promise<string | null>;
  /** Why chooseOpen cannot pick a folder here (a browser picks only files), in one line; absent or null when it can. */
  folderChoiceUnavailable?(): Promise<string | null>;
}
