/**
 * Live capture as the checker sees it, in Chromium: the time from pressing Enter in the capture
 * box to the chunk's sentences on screen in the capture feed, at the start of a debate and after
 * ~25,000 words of it (bench/debate.ts). Baseline: the same chunk captured through the core alone
 * (capture.append, no IPC, no React), measured in the same run on a copy of the same transcript.
 * The renderer build in out/renderer is used (built first when missing), bound to the real core
 * through the test bridge as the e2e tests are.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { call } from '../electron/core/dispatch';
import type { CoreContext } from '../electron/core/context';
import { CHROMIUM_ARGS, chromiumPath } from '../electron/core/report/pdf';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { installBridge } from '../test/helpers/bridge';
import { serveStatic } from '../test/helpers/static-server';
import { debateParagraphs, type Paragraph } from './debate';
import { median, now, percentile, report, round } from './lib';
import { exitUnlessShared } from '../test/helpers/corpus';

exitUnlessShared('bench capture-ui (debate sentences from ../shared/data)');

const MEASURED = 12;
const root = path.resolve(import.meta.dirname, '..');
const rendererDir = path.join(root, 'out/renderer');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-capture-ui-'));

function ensureBuild(): void {
  if (fs.existsSync(path.join(rendererDir, 'index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('The renderer build failed.');
}

function openContext(file: string): CoreContext {
  const identity = new FixedIdentityStore('Bench');
  const workspace = Workspace.open(file, () => ({ actorId: identity.get().actorId, author: 'Bench' }), { create: true });
  return { workspace, identity };
}

const chunk = (p: Paragraph) => `${p.speaker}: ${p.text}`;

/** A workspace with a running capture session that already holds `before` paragraphs. */
async function captureSession(name: string, before: Paragraph[]): Promise<{ ctx: CoreContext; sessionId: string; file: string }> {
  const file = path.join(dir, `${name}.claimbench`);
  const ctx = openContext(file);
  const session = await call(ctx, 'sessions.start', { name: 'Debate', capture: { title: 'Debate' } });
  for (const p of before) await call(ctx, 'capture.append', { sessionId: session.id, text: chunk(p) });
  return { ctx, sessionId: session.id, file };
}

/**
 * Press Enter in the capture box holding `text`, and resolve with the milliseconds until a feed
 * sentence starting with `needle` is in the DOM. A script string: tsx would wrap named inner
 * functions in a helper the page lacks.
 */
function enterToFeedScript(needle: string): string {
  return `new Promise((resolve) => {
    const needle = ${JSON.stringify(needle)};
    const found = () => [...document.querySelectorAll('[data-testid="captured-sentence"] .capture-text')]
      .some((el) => (el.textContent || '').startsWith(needle));
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (found()) { observer.disconnect(); resolve(performance.now() - t0); }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const box = document.querySelector('#capture-input');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
  })`;
}

async function uiLatencies(page: Page, paragraphs: Paragraph[]): Promise<number[]> {
  const box = page.locator('#capture-input');
  await box.waitFor({ timeout: 60_000 });
  const times: number[] = [];
  for (const p of paragraphs) {
    await box.fill(chunk(p));
    // The draft save the typing started is not part of what is measured.
    await page.waitForTimeout(150);
    times.push((await page.evaluate(enterToFeedScript(p.text.slice(0, 24)))) as number);
    await page.waitForTimeout(100);
  }
  return times;
}

async function coreLatencies(ctx: CoreContext, sessionId: string, paragraphs: Paragraph[]): Promise<number[]> {
  const times: number[] = [];
  for (const p of paragraphs) {
    const t0 = now();
    await call(ctx, 'capture.append', { sessionId, text: chunk(p) });
    times.push(now() - t0);
  }
  return times;
}

async function main(): Promise<void> {
  ensureBuild();
  const paragraphs = debateParagraphs();
  const measured = paragraphs.slice(-MEASURED);
  const history = paragraphs.slice(0, -MEASURED);
  const words = history.reduce((n, p) => n + p.words, 0);

  const early = await captureSession('early', []);
  const late = await captureSession('late', history);
  // The core-only baseline runs on a copy of the late transcript, taken before the UI adds to it
  // (same person: FixedIdentityStore derives the actor id from the name).
  const coreFile = path.join(dir, 'core-late.claimbench');
  late.ctx.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
  fs.copyFileSync(late.file, coreFile);
  const coreCtx = openContext(coreFile);

  const server = await serveStatic(rendererDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const results: Record<string, number[]> = {};
    for (const [name, target] of [
      ['start', early],
      ['late', late],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await installBridge(page, target.ctx);
      await page.goto(server.url);
      // Warm up once (first render of the feed, first spotter use), unmeasured.
      await uiLatencies(page, [paragraphs[0]!]);
      results[name] = await uiLatencies(page, measured);
      await context.close();
    }
    const core = await coreLatencies(coreCtx, late.sessionId, measured);
    const ui = results.late!;
    report({
      name: 'capture-ui: Enter to sentences on screen p50, start of the debate',
      value: round(median(results.start!)),
      unit: 'ms',
      target: '<= 100 ms',
      pass: median(results.start!) <= 100,
      note: `${MEASURED} paragraphs typed into the capture box of an empty transcript`,
    });
    report({
      name: `capture-ui: Enter to sentences on screen p50, after ${words.toLocaleString('en')} words`,
      value: round(median(ui)),
      unit: 'ms',
      baseline: round(median(results.start!)),
      target: '<= 100 ms',
      pass: median(ui) <= 100,
      note: 'baseline: the same measurement at the start of the debate (ratio = slowing down)',
    });
    report({
      name: `capture-ui: Enter to sentences on screen p95, after ${words.toLocaleString('en')} words`,
      value: round(percentile(ui, 95)),
      unit: 'ms',
      baseline: round(percentile(core, 95)),
      target: '<= 100 ms',
      pass: percentile(ui, 95) <= 100,
      note: 'baseline: capture.append of the same paragraphs through the core alone, same transcript, same run',
    });
  } finally {
    await browser.close();
    await server.close();
    early.ctx.workspace.close();
    late.ctx.workspace.close();
    coreCtx.workspace.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
