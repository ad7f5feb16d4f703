/**
 * Ingest: segmentation + check-worthiness scoring + claimant throughput on news text (one core),
 * against Intl.Segmenter alone over the same text in the same run (target >= 5 MB/s; the ratio to
 * Intl.Segmenter is what compares across machines); and importing
 * a 200-page PDF generated with headless Chromium, against pdftotext on the same file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { parseFile } from '../electron/core/ingest/parse';
import { analyzeText } from '../shared/text/candidates';
import { exitUnlessShared, gumArticles } from '../test/helpers/corpus';
import { median, report, round, timeMs, timeMsAsync } from './lib';
import { CHROMIUM_ARGS, chromiumPath } from '../electron/core/report/pdf';

exitUnlessShared('bench ingest (Wikinews articles from ../shared/corpus)');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-ingest-'));

/** About 2 MB of real Wikinews prose (the 12 GUM articles repeated). */
function newsText(): string {
  const articles = gumArticles().map((a) => a.text);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 2_000_000; i++) {
    const a = articles[i % articles.length]!;
    parts.push(a);
    size += a.length;
  }
  return parts.join('\n\n');
}

function throughput(): void {
  const text = newsText();
  const mb = Buffer.byteLength(text, 'utf8') / 1_048_576;
  analyzeText(text.slice(0, 50_000)); // warm up
  const runs = [0, 1, 2].map(() => timeMs(() => analyzeText(text)));
  // Baseline: Intl.Segmenter alone, fed one paragraph at a time (on one 2 MB string V8's segment
  // iterator slows down far more than linearly, so that would flatter us).
  const paragraphs = text.split('\n');
  const base = [0, 1, 2].map(() =>
    timeMs(() => {
      const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
      let n = 0;
      for (const p of paragraphs) for (const _ of segmenter.segment(p)) n++;
      if (n === 0) throw new Error('no sentences');
    }),
  );
  const ours = mb / (median(runs) / 1000);
  const icu = mb / (median(base) / 1000);
  report({
    name: 'segment+score+claimant throughput (news)',
    value: round(ours),
    unit: 'MB/s',
    target: '>= 5 MB/s',
    pass: ours >= 5,
  });
  report({
    name: 'segment+score throughput vs Intl.Segmenter alone',
    value: round(ours),
    unit: 'MB/s',
    baseline: round(icu),
    note: `${round(mb)} MB of Wikinews prose, median of 3`,
  });
  report({
    name: 'segment+score+claimant as a share of Intl.Segmenter alone',
    value: round(ours / icu),
    unit: 'ratio',
    target: '>= 0.23 (5 MB/s where Intl.Segmenter reads 22 MB/s)',
    pass: ours / icu >= 0.23,
  });
}

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

throughput();
await pdfImport();
fs.rmSync(dir, { recursive: true, force: true });
