import { chromium } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { buildReportModel } from '../electron/core/report/build';
import { renderReport } from '../electron/core/report/render';
import { CHROMIUM_ARGS } from '../electron/core/report/pdf';
import { FixedIdentityStore } from '../electron/core/session/identity';
import { Workspace } from '../electron/core/store/workspace';
import { DEFAULT_REPORT_OPTIONS } from '../shared/report';
import { claimText } from './fixtures';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
const id = new FixedIdentityStore('B');
const ws = Workspace.open(path.join(dir, 'w.claimbench'), () => ({ actorId: id.get().actorId, author: 'B' }), { create: true });
ws.recorder.action('b', (w) => { for (let d = 0; d < 2; d++) { const doc = randomUUID(); w.create('document', doc, { title: 'D', text: 'x' }); for (let i = 0; i < 500; i++) w.create('claim', randomUUID(), { documentId: doc, ordinal: i, text: claimText(i), verdict: 'sourced', rationale: 'r' }); } });
const html = renderReport('html', buildReportModel({ db: ws.db, workspaceName: 'b', options: DEFAULT_REPORT_OPTIONS })).content;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await b.newPage();
for (const [name, h, opts] of [
  ['base', html, { tagged: true, outline: true, displayHeaderFooter: true }],
  ['notag', html, { tagged: false, outline: false, displayHeaderFooter: true }],
  ['nouse', html.replace(/<svg class="icon"[^]*?<\/svg>/g, ''), { tagged: false, outline: false, displayHeaderFooter: true }],
  ['nowrap', html.replace('overflow-wrap: anywhere;', ''), { tagged: false, outline: false, displayHeaderFooter: true }],
] as const) {
  let t = performance.now(); await page.setContent(h); const tl = performance.now() - t;
  t = performance.now(); await page.pdf({ format: 'A4', printBackground: true, ...opts }); console.log(name, Math.round(tl), Math.round(performance.now() - t));
}
await b.close(); ws.close();
