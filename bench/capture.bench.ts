/**
 * Live capture of a three-hour debate (~25,000 words of real debate sentences from the CT24
 * check-worthiness data, in paragraphs of 60-120 words under alternating speaker labels), fed
 * paragraph by paragraph through capture.append into a capture session on a real workspace.
 * Reports per-paragraph latency early and late in the transcript (against segmenting and scoring
 * the same paragraph alone with analyzeText, in the same run), the session queue's first page and
 * one triage action at the start and at the end, and the throughput of `claimbench capture`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../electron/core/dispatch';
import type { CoreContext } from '../electron/core/context';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { analyzeText } from '../shared/text/candidates';
import { debateParagraphs, type Paragraph } from './debate';
import { median, now, percentile, report, round } from './lib';
import { exitUnlessShared } from '../test/helpers/corpus';

exitUnlessShared('bench capture (debate sentences from ../shared/data)');

const BIN = path.resolve(import.meta.dirname, '../bin/claimbench.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-capture-'));

function openContext(name: string): CoreContext {
  const identity = new FixedIdentityStore('Bench');
  const workspace = Workspace.open(
    path.join(dir, `${name}.claimbench`),
    () => ({ actorId: identity.get().actorId, author: 'Bench' }),
    { create: true },
  );
  return { workspace, identity };
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = now();
  const value = await fn();
  return [value, now() - t0];
}

/** First-page and triage latency of the queue as it stands (median of several samples). */
const QUEUE_PAGE = 50;

async function queueFigures(ctx: CoreContext, sessionId: string): Promise<{ page: number; act: number; total: number }> {
  const pages: number[] = [];
  let total = 0;
  for (let i = 0; i < 15; i++) {
    const [page, ms] = await timed(() => call(ctx, 'sessions.queue', { id: sessionId, limit: QUEUE_PAGE }));
    pages.push(ms);
    total = page.total;
  }
  const first = await call(ctx, 'sessions.queue', { id: sessionId, state: 'pending', limit: 10 });
  const acts: number[] = [];
  for (let i = -2; i < 10; i++) {
    const claimId = first.items[(i + 2) % first.items.length]!.claim.id;
    const [, done] = await timed(() => call(ctx, 'sessions.act', { id: sessionId, claimId, action: 'done' }));
    const [, reopen] = await timed(() => call(ctx, 'sessions.act', { id: sessionId, claimId, action: 'reopen' }));
    if (i >= 0) acts.push(done, reopen); // the first two pairs warm up
  }
  return { page: median(pages), act: median(acts), total };
}

function cliThroughput(paragraphs: Paragraph[], words: number): void {
  const ws = path.join(dir, 'cli.claimbench');
  const transcript = path.join(dir, 'debate.txt');
  fs.writeFileSync(transcript, paragraphs.map((p) => `${p.speaker}: ${p.text}\n`).join(''));
  const env = { ...process.env, CLAIMBENCH_AUTHOR: 'Bench' };
  const run = (args: string[]) => {
    const t0 = now();
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`claimbench ${args[0]} failed: ${r.stderr}`);
    return { ms: now() - t0, stdout: r.stdout };
  };
  run(['init', ws]);
  const startup = run(['session', 'list', ws]).ms;
  const r = run(['capture', ws, transcript, '--speaker', 'HOST', '--no-follow', '--json']);
  const lines = r.stdout.split('\n').filter((l) => l.startsWith('{"type":"line"')).length;
  if (lines !== paragraphs.length) throw new Error(`CLI stored ${lines} of ${paragraphs.length} lines`);
  const perLine = (r.ms - startup) / lines;
  report({
    name: 'capture CLI: ms per transcript line (paragraph), startup excluded',
    value: round(perLine),
    unit: 'ms',
    note: `${lines} lines, ${words} words in ${round(r.ms / 1000, 2)} s wall (process start ${round(startup)} ms); ${round(
      (words / (r.ms - startup)) * 1000,
      0,
    )} words/s; a debate is ~140 words/min`,
  });
}

async function main(): Promise<void> {
  const paragraphs = debateParagraphs();
  const words = paragraphs.reduce((n, p) => n + p.words, 0);
  const ctx = openContext('debate');
  try {
    const session = await call(ctx, 'sessions.start', { name: 'Debate', capture: { title: 'Three-hour debate' } });
    // Warm up the spotter and the statements outside the measured paragraphs.
    analyzeText(paragraphs[0]!.text);

    const capture: number[] = [];
    const alone: number[] = [];
    let start: Awaited<ReturnType<typeof queueFigures>> | null = null;
    const tenth = Math.max(1, Math.round(paragraphs.length / 10));
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i]!;
      const [captured, ms] = await timed(() =>
        call(ctx, 'capture.append', { sessionId: session.id, text: `${p.speaker}: ${p.text}` }),
      );
      capture.push(ms);
      const t0 = now();
      analyzeText(p.text);
      alone.push(now() - t0);
      // "Start" is when the queue first fills a page, so both ends read pages of the same size.
      if (!start && captured.session.counts.total >= QUEUE_PAGE) start = await queueFigures(ctx, session.id);
    }
    await call(ctx, 'capture.flush', { sessionId: session.id });
    const end = await queueFigures(ctx, session.id);

    const first = capture.slice(0, tenth);
    const last = capture.slice(-tenth);
    const note = `${paragraphs.length} paragraphs, ${words} words; first/last ${tenth} paragraphs`;
    report({
      name: 'capture.append paragraph p50, first 10%',
      value: round(median(first)),
      unit: 'ms',
      baseline: round(median(alone.slice(0, tenth)), 3),
      target: '<= 100 ms',
      pass: median(first) <= 100,
      note: `baseline: analyzeText of the same paragraph alone; ${note}`,
    });
    report({
      name: 'capture.append paragraph p95, first 10%',
      value: round(percentile(first, 95)),
      unit: 'ms',
      target: '<= 100 ms',
      pass: percentile(first, 95) <= 100,
    });
    report({
      name: 'capture.append paragraph p50, last 10%',
      value: round(median(last)),
      unit: 'ms',
      baseline: round(median(alone.slice(-tenth)), 3),
      target: '<= 100 ms',
      pass: median(last) <= 100,
      note: 'baseline: analyzeText of the same paragraph alone',
    });
    report({
      name: 'capture.append paragraph p95, last 10%',
      value: round(percentile(last, 95)),
      unit: 'ms',
      target: '<= 100 ms',
      pass: percentile(last, 95) <= 100,
    });
    report({
      name: 'capture.append p50 last 10% vs first 10% (no slowing down)',
      value: round(median(last)),
      unit: 'ms',
      baseline: round(median(first)),
      target: 'ratio <= 1.5',
      pass: median(last) / median(first) <= 1.5,
    });
    report({
      name: 'capture.append p50 over analyzeText p50, whole transcript',
      value: round(median(capture)),
      unit: 'ms',
      baseline: round(median(alone), 3),
      note: 'the price of storing, queueing and recording each chunk',
    });
    report({
      name: `sessions.queue first page (50): end (${end.total} claims) vs start (${start!.total})`,
      value: round(end.page, 3),
      unit: 'ms',
      baseline: round(start!.page, 3),
      target: '<= 16 ms (one frame)',
      pass: end.page <= 16,
      note: 'ratio = end / start',
    });
    report({
      name: `sessions.act (done/reopen): end (${end.total} claims) vs start (${start!.total})`,
      value: round(end.act, 3),
      unit: 'ms',
      baseline: round(start!.act, 3),
      target: '<= 16 ms (one frame)',
      pass: end.act <= 16,
      note: 'ratio = end / start',
    });
  } finally {
    ctx.workspace.close();
  }
  cliThroughput(paragraphs, words);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
