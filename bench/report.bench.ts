/**
 * Report export: an HTML report of 10,000 claims (target ≤ 2 s, model build included) and a PDF of
 * 1,000 claims through headless Chromium (target ≤ 20 s). Baselines, measured in the same run:
 * HTML — reading the same claim rows and JSON.stringify-ing them (the least any export must do);
 * PDF — Chromium printing an empty report (launch + print overhead).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReportModel } from '../electron/core/report/build';
import { renderPdf } from '../electron/core/report/pdf';
import { renderReport, renderReportCooperatively } from '../electron/core/report/render';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../shared/report';
import { claimText, VERDICT_CYCLE } from './fixtures';
import { median, now, report, round, timeMs } from './lib';

const CLAIMS = 10_000;
const PER_DOCUMENT = 500;
const PDF_CLAIMS = 1_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-report-'));
const identity = new FixedIdentityStore('Bench');
const ws = Workspace.open(path.join(dir, 'report.claimbench'), () => ({ actorId: identity.get().actorId, author: 'Bench' }), {
  create: true,
});

/** Documents whose text is their claims, so every claim has an anchor and a context line. */
function populate(): string[] {
  const documentIds: string[] = [];
  ws.recorder.action('bench', (w) => {
    for (let d = 0; d < CLAIMS / PER_DOCUMENT; d++) {
      const documentId = randomUUID();
      documentIds.push(documentId);
      const texts = Array.from({ length: PER_DOCUMENT }, (_, k) => claimText(d * PER_DOCUMENT + k));
      const text = texts.join(' ');
      w.create('document', documentId, { title: `Bench document ${d + 1}`, origin: `https://news.example/${d}`, text });
      let offset = 0;
      for (const [k, t] of texts.entries()) {
        const i = d * PER_DOCUMENT + k;
        const claimId = randomUUID();
        const anchor = { start: offset, end: offset + t.length, exact: t, prefix: '', suffix: '' };
        offset += t.length + 1;
        const verdict = VERDICT_CYCLE[i % VERDICT_CYCLE.length];
        w.create('claim', claimId, {
          documentId,
          ordinal: anchor.start,
          text: t,
          anchor,
          verdict,
          rationale: verdict === 'unverified' ? '' : `Checked against the record (${i}).`,
        });
        if (i % 5 === 0) {
          w.create('source', randomUUID(), {
            claimId,
            url: `https://source.example/${i}`,
            title: `Source ${i}`,
            excerpt: 'Excerpt.',
            stance: 'supports',
          });
        }
        if (i % 10 === 0) w.create('note', randomUUID(), { claimId, text: `Note on claim ${i}` });
      }
    }
  });
  return documentIds;
}

const documentIds = populate();
const options: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, organisation: 'Bench Desk' };

function baselineReadRows(): number {
  return timeMs(() => {
    const rows = ws.db.prepare('SELECT * FROM claims WHERE deleted = 0 ORDER BY document_id, ordinal').all();
    JSON.stringify(rows);
  });
}

function htmlReport(): { ms: number; bytes: number } {
  let bytes = 0;
  const ms = timeMs(() => {
    const model = buildReportModel({ db: ws.db, workspaceName: 'bench', options });
    bytes = renderReport('html', model).content.length;
  });
  return { ms, bytes };
}

// Peak memory first, before anything else has grown the heap.
const rssBefore = process.memoryUsage().rss;
const first = htmlReport();
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const baselines: number[] = [];
const runs: number[] = [];
for (let i = 0; i < 5; i++) {
  baselines.push(baselineReadRows());
  runs.push(htmlReport().ms);
}
const htmlMs = median(runs);
const baseMs = median(baselines);
report({
  name: `HTML report, ${CLAIMS} claims (build + render)`,
  value: round(htmlMs),
  unit: 'ms',
  baseline: round(baseMs),
  target: '<= 2000 ms',
  pass: htmlMs <= 2000,
  note: `baseline: read the same rows + JSON.stringify; output ${(first.bytes / 1e6).toFixed(1)} MB`,
});
report({
  name: `HTML report, ${CLAIMS} claims: peak RSS`,
  value: round(peakRssMb, 1),
  unit: 'MB',
  baseline: round(rssBefore / 1024 / 1024, 1),
  note: 'process maxRSS after the first export; baseline: RSS with the workspace open, before it',
});

// The longest the event loop is held during a cooperative render (what the app's window would feel).
const model = buildReportModel({ db: ws.db, workspaceName: 'bench', options });
const buildMs = median([0, 1, 2].map(() => timeMs(() => buildReportModel({ db: ws.db, workspaceName: 'bench', options }))));
let longest = 0;
let last = now();
const ticker = setInterval(() => {
  const t = now();
  longest = Math.max(longest, t - last);
  last = t;
}, 1);
last = now();
await renderReportCooperatively('html', model);
clearInterval(ticker);
report({
  name: `HTML report, ${CLAIMS} claims: longest event-loop block while rendering`,
  value: round(longest),
  unit: 'ms',
  target: '<= 100 ms',
  pass: longest <= 100,
  note: `model build (one synchronous read transaction) takes ${round(buildMs)} ms and is not sliced`,
});

// PDF of 1,000 claims (two of the documents) against Chromium printing an empty report.
const pdfOptions: ReportOptions = { ...options, scope: { documentIds: documentIds.slice(0, PDF_CLAIMS / PER_DOCUMENT) } };
const emptyOptions: ReportOptions = { ...options, scope: { verdicts: ['sourced'], query: 'no claim has this text' } };
const pdfBaseline = now();
await renderPdf(renderReport('html', buildReportModel({ db: ws.db, workspaceName: 'bench', options: emptyOptions })).content);
const pdfBaseMs = now() - pdfBaseline;
const t0 = now();
const pdfModel = buildReportModel({ db: ws.db, workspaceName: 'bench', options: pdfOptions });
const pdf = await renderPdf(renderReport('html', pdfModel).content, { footerText: pdfModel.title });
const pdfMs = now() - t0;
report({
  name: `PDF report, ${pdfModel.summary.total} claims (headless Chromium)`,
  value: round(pdfMs),
  unit: 'ms',
  baseline: round(pdfBaseMs),
  target: '<= 20000 ms',
  pass: pdfMs <= 20_000,
  note: `baseline: Chromium printing an empty report; ${(pdf.length / 1e6).toFixed(1)} MB PDF`,
});
report({
  name: `PDF report, ${pdfModel.summary.total} claims: Node peak RSS`,
  value: round(process.resourceUsage().maxRSS / 1024, 1),
  unit: 'MB',
  note: 'this process only; Chromium runs in its own processes',
});

ws.close();
fs.rmSync(dir, { recursive: true, force: true });
