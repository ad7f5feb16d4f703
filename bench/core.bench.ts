/**
 * Foundation benchmarks: the recorded write path against a bare prepared insert, and opening a
 * 100,000-claim workspace to fetch the first page of a verdict filter.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../electron/core/dispatch';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { claimText, VERDICT_CYCLE } from './fixtures';
import { median, report, round, timeMs } from './lib';

const N = Number(process.env.CORE_BENCH_CLAIMS ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-core-'));
const identity = new FixedIdentityStore('Bench');
const who = () => ({ actorId: identity.get().actorId, author: 'Bench' });

function newWorkspace(name: string): Workspace {
  return Workspace.open(path.join(dir, `${name}.claimbench`), who, { create: true });
}

function writeThroughCore(ws: Workspace, documentId: string): number {
  return timeMs(() => {
    ws.recorder.action('bench', (w) => {
      for (let i = 0; i < N; i++) {
        w.create('claim', randomUUID(), {
          documentId,
          ordinal: i,
          text: claimText(i),
          verdict: VERDICT_CYCLE[i % VERDICT_CYCLE.length],
          score: (i % 100) / 100,
        });
      }
    });
  });
}

function writeBare(ws: Workspace, documentId: string): number {
  const insert = ws.db.prepare(
    `INSERT INTO claims (id, document_id, ordinal, text, verdict, score, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return timeMs(() => {
    ws.db.transaction(() => {
      const at = new Date().toISOString();
      for (let i = 0; i < N; i++) {
        insert.run(
          randomUUID(),
          documentId,
          i,
          claimText(i),
          VERDICT_CYCLE[i % VERDICT_CYCLE.length],
          (i % 100) / 100,
          at,
          'Bench',
          at,
          'Bench',
        );
      }
    })();
  });
}

function createDocument(ws: Workspace): string {
  const id = randomUUID();
  ws.recorder.action('doc', (w) => w.create('document', id, { title: 'Bench', text: 'x', contentHash: id }));
  return id;
}

// Alternate the order over rounds so neither side always runs on a warmer machine.
const core: number[] = [];
const bare: number[] = [];
for (let round_ = 0; round_ < 3; round_++) {
  const a = newWorkspace(`core-${round_}`);
  const b = newWorkspace(`bare-${round_}`);
  if (round_ % 2 === 0) {
    core.push(writeThroughCore(a, createDocument(a)));
    bare.push(writeBare(b, createDocument(b)));
  } else {
    bare.push(writeBare(b, createDocument(b)));
    core.push(writeThroughCore(a, createDocument(a)));
  }
  a.close();
  b.close();
}
const writeRatio = median(core) / median(bare);
report({
  name: 'write 100k claims: recorded write path',
  value: round(median(core)),
  unit: 'ms',
  baseline: round(median(bare)),
  ratio: round(writeRatio, 3),
  target: 'ratio <= 1.5',
  pass: writeRatio <= 1.5,
  note: 'baseline: bare prepared INSERT into claims, one transaction',
});

// Open the 100k workspace written through the core and fetch the first page of a verdict filter.
const file = path.join(dir, 'core-0.claimbench');
const ctxTimes: number[] = [];
const pageTimes: number[] = [];
const bareTimes: number[] = [];
for (let i = 0; i < 7; i++) {
  let ws: Workspace | undefined;
  const openMs = timeMs(() => {
    ws = Workspace.open(file, who);
  });
  const ctx = { workspace: ws!, identity };
  const t0 = performance.now();
  const page = await call(ctx, 'claims.list', { verdict: 'disputed', limit: 100 });
  pageTimes.push(performance.now() - t0);
  if (page.items.length !== 100 || page.total !== N / 5)
    throw new Error(`unexpected first page: ${page.items.length}/${page.total}`);
  ctxTimes.push(openMs);
  ws!.close();
}
{
  const db = new Database(file, { readonly: true });
  for (let i = 0; i < 7; i++) {
    bareTimes.push(
      timeMs(() => {
        db.prepare(
          "SELECT * FROM claims WHERE verdict = 'disputed' AND deleted = 0 ORDER BY document_id, ordinal LIMIT 100",
        ).all();
      }),
    );
  }
  db.close();
}
report({
  name: 'open 100k-claim workspace',
  value: round(median(ctxTimes)),
  unit: 'ms',
  note: 'open + pragma checks + clock load',
});
report({
  name: 'first page of verdict filter (100k claims)',
  value: round(median(pageTimes)),
  unit: 'ms',
  baseline: round(median(bareTimes)),
  ratio: round(median(pageTimes) / Math.max(median(bareTimes), 0.001), 3),
  target: '<= 20 ms',
  pass: median(pageTimes) <= 20,
  note: 'claims.list {verdict, limit 100} incl. total count; baseline: bare SELECT of the same page',
});
fs.rmSync(dir, { recursive: true, force: true });
