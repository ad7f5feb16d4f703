import { escapeHtml } from './escape';

/**
 * The page layout every Claimbench PDF shares, whoever prints it (the CLI through headless
 * Chromium, the app through Electron's printToPDF): A4 from the report's own `@page` rule, with
 * backgrounds, and a footer with the report title and "Page n of m".
 */
export const PDF_HEADER_TEMPLATE = '<span></span>';

export function pdfFooterTemplate(footerText: string | undefined): string {
  return `<div style="width:100%;font:8px system-ui,sans-serif;color:#5b6470;padding:0 17mm;display:flex;justify-content:space-between"><span>${escapeHtml(
    footerText ?? '',
  )}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}
