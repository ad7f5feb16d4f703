/**
 * Ingest: importing a 200-page PDF generated with headless Chromium, against pdftotext on the same
 * file. Text throughput (segment + score + claimant) is measured by bench/spotting.bench.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { parseFile } from '../electron/core/ingest/parse';
import { exitUnlessShared, gumArticles } from '../test/helpers/corpus';
import { report, round, timeMs, timeMsAsync } from './lib';
import { CHROMIUM_ARGS, chromiumPath } from '../electron/core/report/pdf';

exitUnlessShared('bench ingest (Wikinews articles from ../shared/corpus)');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-ingest-'));

async function makePdf(pages: number): Promise<string> {
  const paragraphs = gumArticles().flatMap((a) => a.text.split('\n\n'));
  const html: string[] = ['<html><body style="font: 11pt serif; margin: 2cm">'];
  for (let p = 0; p < pages; p++) {
    html.push(`<div style="page-break-after: always"><h2>Page ${p + 1}</h2>`);
    for (let k = 0; k < 6; k++) html.push(`<p>${paragraphs[(p * 6 + k) % paragraphs.length]!.replace(/</g, '&lt;')}</p>`);
    html.push('</div>');
  }
  html.push('</body></html>');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html.join('\n'));
    const file = path.join(dir, 'long.pdf');
    await page.pdf({ path: file, format: 'A4' });
    return file;
  } finally {
    await browser.close();
  }
}

async function pdfImport(): Promise<void> {
  const file = await makePdf(200);
  const bytes = fs.readFileSync(file);
  let pages = 0;
  let sentences = 0;
  const ms = await timeMsAsync(async () => {
    const r = await parseFile('long.pdf', new Uint8Array(bytes));
    sentences = r.sentences.length;
    pages = r.document.text.split('Page ').length - 1;
  });
  const baseline = timeMs(() => execFileSync('pdftotext', ['-enc', 'UTF-8', file, path.join(dir, 'long.txt')]));
  report({
    name: 'import 200-page PDF (extract + segment + score)',
    value: round(ms / 1000),
    unit: 's',
    baseline: round(baseline / 1000),
    note: `${(bytes.length / 1024).toFixed(0)} KB, ${pages} page headings found, ${sentences} sentences; baseline pdftotext`,
  });
}

await pdfImport();
fs.rmSync(dir, { recursive: true, force: true });
