/**
 * Responsiveness through the browser host: the built renderer in Chromium, talking over HTTP +
 * WebSocket to a browser host whose core runs in a Node child process (what `npm start` runs
 * without Electron). The time from a `j` keydown to the next frame painted with the next claim
 * selected, while the core is idle (the baseline, same run), while it merges a teammate's file of
 * 100,000 changes, and while it imports a 200-page PDF printed by Chromium.
 *
 *   npm run bench -- responsiveness        (RESPONSIVENESS_CHANGES, RESPONSIVENESS_PAGES to scale down)
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PageConnections } from '../electron/browser-host/pages';
import { BRIDGE_SCRIPT, startBrowserHost } from '../electron/browser-host/server';
import { spawnCore } from '../electron/core/process/spawn-core';
import { CHROMIUM_ARGS, chromiumPath } from '../electron/core/report/pdf';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { writeShareFile } from '../electron/core/team/write-share';
import { percentile, report, round } from './lib';

const CHANGES = Number(process.env.RESPONSIVENESS_CHANGES ?? 100_000);
const PAGES = Number(process.env.RESPONSIVENESS_PAGES ?? 200);
const SAMPLES = 40;
const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out/renderer');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-responsive-'));

function ensureBuild(): void {
  if (fs.existsSync(path.join(rendererDir, BRIDGE_SCRIPT))) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The renderer build failed.');
}

function open(file: string, name: string): Workspace {
  const identity = new FixedIdentityStore(name);
  return Workspace.open(file, () => ({ actorId: identity.get().actorId, author: name }), { create: true });
}

const claimText = (i: number) => `The ministry said unemployment in district ${i} rose to ${(i % 90) + 3}.${i % 10} percent in ${1990 + (i % 30)}.`;

/**
 * The person's workspace (300 claims to move through) and a teammate's share file holding
 * CHANGES changes the workspace has never seen: new claims and edits to them.
 */
function prepare(): { workspace: string; share: string } {
  const workspaceFile = path.join(dir, 'mine.claimbench');
  const mine = open(workspaceFile, 'Mia');
  mine.recorder.action('seed', (w) => {
    for (let i = 0; i < 300; i++) w.create('claim', randomUUID(), { text: claimText(i), ordinal: i });
  });
  mine.close();
  const theirs = open(path.join(dir, 'theirs.claimbench'), 'Theo');
  const count = () => theirs.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
  let i = 0;
  while (count() < CHANGES) {
    theirs.recorder.action('work', (w) => {
      for (let k = 0; k < 2_000; k++, i++) {
        const id = randomUUID();
        w.create('claim', id, { text: claimText(100_000 + i), ordinal: i });
      }
    });
  }
  const share = writeShareFile(theirs, path.join(dir, 'theirs.claimbench-share'), { createdBy: 'theo' }).path;
  theirs.close();
  return { workspace: workspaceFile, share };
}

/** A PDF of PAGES pages of news-like prose, printed by Chromium. */
async function printPdf(page: Page): Promise<Buffer> {
  const paragraphs = Array.from({ length: PAGES }, (_, p) => {
    const sentences = Array.from({ length: 14 }, (_, s) => claimText(p * 14 + s)).join(' ');
    return `<section style="page-break-after: always"><h2>Page ${p + 1}</h2><p>${sentences}</p><p>${sentences}</p></section>`;
  }).join('');
  await page.setContent(`<!doctype html><html><body style="font: 12pt serif">${paragraphs}</body></html>`);
  return page.pdf({ format: 'A4' });
}

/** In the page: each `j` keydown's timestamp, and the frame after the selection moved. */
const PROBE = `(() => {
  const w = window;
  w.__latencies = [];
  let pending = null;
  window.addEventListener('keydown', (e) => { if (e.key === 'j') pending = e.timeStamp; }, true);
  new MutationObserver(() => {
    if (pending === null) return;
    const start = pending;
    pending = null;
    requestAnimationFrame((t) => w.__latencies.push(t - start));
  }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-selected'] });
})()`;

/** SAMPLES presses of j (k to go back when at the end), each waited for; the latencies measured in the page. */
async function measure(page: Page, busy?: () => boolean): Promise<number[]> {
  await page.evaluate('window.__latencies = []');
  for (let i = 0; i < SAMPLES; i++) {
    if (busy && !busy()) break;
    await page.keyboard.press('j');
    await page.waitForFunction((n) => (window as unknown as { __latencies: number[] }).__latencies.length >= n, i + 1, {
      timeout: 10_000,
    });
    await page.waitForTimeout(25);
  }
  return page.evaluate('window.__latencies') as Promise<number[]>;
}

async function main(): Promise<void> {
  ensureBuild();
  const { workspace, share } = prepare();
  const pages = new PageConnections(path.join(dir, 'files'));
  const core = await spawnCore({ userDataDir: dir, workspace }, { host: pages.host });
  const host = await startBrowserHost({ rendererDir, core: core.client, pages });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const pdfPage = await browser.newPage();
    const pdf = await printPdf(pdfPage);
    await pdfPage.close();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const nameField = page.getByRole('dialog').getByRole('textbox');
    if (await nameField.isVisible().catch(() => false)) {
      await nameField.fill('Mia');
      await page.keyboard.press('Enter');
    }
    await page.locator('.claim-row[data-claim-id]').first().waitFor({ timeout: 60_000 });
    await page.locator('.claim-row[data-claim-id]').first().click();
    await page.evaluate(PROBE);
    await measure(page); // warm up, unmeasured

    const idle = await measure(page);

    // The merge applies what its preview read (the file's content hash), as the app's dialog does.
    const preview = await core.client.invoke('team.mergePreview', { path: share });
    if (!preview.ok) throw new Error(`The preview failed: ${preview.error.message}`);
    const { contentHash } = preview.value as { contentHash: string };
    let merging = true;
    const merge = core.client.invoke('team.merge', { path: share, expectHash: contentHash }).finally(() => (merging = false));
    await new Promise((r) => setTimeout(r, 300));
    const duringMerge = await measure(page, () => merging);
    const merged = await merge;
    if (!merged.ok) throw new Error(`The merge failed: ${merged.error.message}`);

    let importing = true;
    const imported = core.client
      .invoke('ingest.importFile', { name: 'two-hundred-pages.pdf', dataBase64: pdf.toString('base64') })
      .finally(() => (importing = false));
    await new Promise((r) => setTimeout(r, 300));
    const duringImport = await measure(page, () => importing);
    const importResult = await imported;
    if (!importResult.ok) throw new Error(`The import failed: ${importResult.error.message}`);

    const baseline = percentile(idle, 95);
    const spread = (xs: number[]) =>
      `p50 ${round(percentile(xs, 50), 1)} ms, max ${round(Math.max(...xs), 1)} ms`;
    for (const [what, samples] of [
      [`merging ${CHANGES.toLocaleString('en')} changes`, duringMerge],
      [`importing a ${PAGES}-page PDF`, duringImport],
    ] as const) {
      const p95 = percentile(samples, 95);
      report({
        name: `responsiveness: j to painted selection p95 while ${what}`,
        value: round(p95, 1),
        unit: 'ms',
        baseline: round(baseline, 1),
        target: '<= 50 ms',
        pass: samples.length >= 10 && p95 <= 50,
        note: `${samples.length} presses while the core worked (${spread(samples)}; fewer than 10 = the work ended too soon to judge); baseline: p95 of ${idle.length} presses with the core idle (${spread(idle)})`,
      });
    }
  } finally {
    await browser.close();
    await host.close();
    await core.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
