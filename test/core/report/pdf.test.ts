import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderPdf } from '../../../electron/core/report/pdf';
import { renderReport } from '../../../electron/core/report/render';
import type { ReportModel } from '../../../electron/core/report/schema';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report';
import { buildReportFixture, HOSTILE, type ReportFixture } from './fixture';

const OUT = path.resolve('test-results/report');
let f: ReportFixture;
let model: ReportModel;
let pdfFile: string;

beforeAll(async () => {
  f = await buildReportFixture();
  model = buildReportModel({
    db: f.ctx.workspace.db,
    workspaceName: 'fixture',
    options: { ...DEFAULT_REPORT_OPTIONS, organisation: 'Example Fact Desk', author: 'Ann Analyst' },
  });
  fs.mkdirSync(OUT, { recursive: true });
  pdfFile = path.join(OUT, 'report.pdf');
  fs.writeFileSync(pdfFile, await renderPdf(renderReport('html', model).content, { footerText: model.title }));
}, 120_000);
afterAll(() => f.ctx.workspace.close());

const flat = (s: string) => s.replace(/\s+/g, ' ');

describe('PDF through headless Chromium', () => {
  it('holds every claim, the verdicts and the fingerprint as text', () => {
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }));
    // The news documents' claims; the hostile document's bidi and page-long claims are checked below.
    const news = model.documents.filter((d) => d.id !== f.hostileDocumentId);
    for (const c of news.flatMap((d) => d.claims).slice(0, 40)) {
      expect(text).toContain(flat(c.text).slice(0, 60));
    }
    expect(text.toUpperCase()).toContain('EXAMPLE FACT DESK');
    expect(text).toContain(model.workspace.fingerprint);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(f.attachmentSha256);
  });

  it('has a sane page count and page numbers', () => {
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    // One page per document at least (each starts a page), and far fewer pages than claims × 2.
    expect(pages).toBeGreaterThanOrEqual(model.documents.length + 1);
    expect(pages).toBeLessThan(model.summary.total * 2);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), pdfFile, '-'], { encoding: 'utf8' });
    expect(last).toContain(`Page ${pages} of ${pages}`);
  });

  it('renders pages to PNG for a person to look at', () => {
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '3', pdfFile, path.join(OUT, 'page')]);
    const pngs = fs.readdirSync(OUT).filter((n) => /^page-\d+\.png$/.test(n));
    expect(pngs.length).toBeGreaterThanOrEqual(3);
  });

  it('explains clearly when Chromium is missing', async () => {
    await expect(renderPdf('<p>x</p>', { executablePath: '/nonexistent/chromium' })).rejects.toThrow(
      /PDF export needs Chromium.*CLAIMBENCH_CHROMIUM/,
    );
  });
});
