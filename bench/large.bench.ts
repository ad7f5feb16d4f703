/**
 * A 1,000,000-claim workspace: open time, first page, a verdict change with the list refresh, and the
 * core process's memory (RSS and JS heap) after opening and after paging through 10,000 claims, each
 * against a small workspace measured in the same process first. Reuses the search bench's cached
 * workspace (copied, so the verdict change never alters that cache); builds one when it is missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../electron/core/dispatch';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { SCHEMA_VERSION } from '../electron/core/store/migrations/index';
import { Workspace } from '../electron/core/store/workspace';
import type { CoreContext } from '../electron/core/context';
import { now, report, round } from './lib';

const CLAIMS = Number(process.env.BENCH_LARGE_CLAIMS ?? 1_000_000);
const PAGE = 100;
const PAGED = 10_000;
const searchCache = path.join(os.tmpdir(), `claimbench-bench-search-v3-s${SCHEMA_VERSION}-${CLAIMS}.claimbench`);
const ownCache = path.join(os.tmpdir(), `claimbench-bench-large-v1-s${SCHEMA_VERSION}-${CLAIMS}.claimbench`);
const identity = new FixedIdentityStore('Bench');
const who = () => ({ actorId: identity.get().actorId, author: 'Bench' });
const mb = (bytes: number) => round(bytes / 1048576, 1);

function memory(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

/** Bulk SQL in one transaction, as the search bench does; only used when no cached workspace exists. */
function build(file: string): void {
  const tmp = `${file}.building-${process.pid}`;
  const ws = Workspace.open(tmp, who, { create: true });
  ws.db.pragma('journal_mode = OFF');
  ws.db.pragma('synchronous = OFF');
  const doc = ws.db.prepare(
    "INSERT INTO documents (id, title, text, content_hash, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'Bench', ?, 'Bench')",
  );
  const claim = ws.db.prepare(
    "INSERT INTO claims (id, document_id, ordinal, text, score, verdict, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'Bench', ?, 'Bench')",
  );
  const at = '2025-01-01T00:00:00.000Z';
  ws.db.transaction(() => {
    for (let c = 0; c < CLAIMS; c++) {
      const d = Math.floor(c / 500);
      if (c % 500 === 0) doc.run(`doc-${d}`, `Bulletin ${d}`, `Bulletin ${d}`, `h${d}`, at, at);
      const text = `Officials in region ${c % 97} said spending rose by ${c % 50} percent in ${1990 + (c % 35)}.`;
      claim.run(`claim-${String(c).padStart(8, '0')}`, `doc-${d}`, c % 500, text, (c % 1000) / 1000, 'unverified', at, at);
    }
  })();
  ws.db.exec('ANALYZE');
  ws.close();
  fs.renameSync(tmp, file);
}

interface Measures {
  open: number;
  firstPage: number;
  verdictAndRefresh: number;
  afterOpen: { rss: number; heap: number };
}

async function measure(file: string): Promise<Measures & { ctx: CoreContext }> {
  let t = now();
  const workspace = Workspace.open(file, who);
  const open = now() - t;
  const ctx: CoreContext = { workspace, identity };
  t = now();
  const page = await call(ctx, 'claims.list', { limit: PAGE });
  const firstPage = now() - t;
  const afterOpen = memory();
  t = now();
  await call(ctx, 'claims.setVerdict', { ids: [page.items[0]!.id], verdict: 'disputed', rationale: 'Bench check' });
  await call(ctx, 'claims.list', { limit: PAGE });
  await call(ctx, 'stats.get', {});
  const verdictAndRefresh = now() - t;
  return { ctx, open, firstPage, verdictAndRefresh, afterOpen };
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-large-'));
  try {
    // Baseline: a small workspace (one document) in this same process, before the large one.
    const smallFile = path.join(work, 'small.claimbench');
    const small = Workspace.open(smallFile, who, { create: true });
    await call({ workspace: small, identity }, 'documents.createFromText', {
      text: 'The ministry said 157 drones were launched. Prices rose 1.5% in May. Officials said 40,000 people left.',
    });
    small.close();
    const base = await measure(smallFile);
    base.ctx.workspace.close();

    const source = fs.existsSync(searchCache) ? searchCache : ownCache;
    if (!fs.existsSync(source)) build(ownCache);
    const largeFile = path.join(work, 'large.claimbench');
    let t = now();
    fs.copyFileSync(source, largeFile);
    process.stdout.write(`copied ${path.basename(source)} in ${round((now() - t) / 1000, 1)} s\n`);

    const large = await measure(largeFile);
    t = now();
    for (let offset = 0; offset < PAGED; offset += PAGE) await call(large.ctx, 'claims.list', { limit: PAGE, offset });
    const paging = now() - t;
    const afterPaging = memory();
    const total = (await call(large.ctx, 'claims.list', { limit: 1 })).total;
    large.ctx.workspace.close();

    const note = `${total} claims; baseline: a one-document workspace in the same process`;
    report({ name: 'large: open workspace', value: round(large.open), unit: 'ms', baseline: round(base.open, 3), note });
    report({
      name: 'large: first page of claims (100)',
      value: round(large.firstPage),
      unit: 'ms',
      baseline: round(base.firstPage, 3),
      target: '<= 200 ms',
      pass: large.firstPage <= 200,
    });
    report({
      name: 'large: verdict change + list refresh + counts',
      value: round(large.verdictAndRefresh),
      unit: 'ms',
      baseline: round(base.verdictAndRefresh, 3),
      target: '<= 200 ms',
      pass: large.verdictAndRefresh <= 200,
    });
    report({ name: `large: page through ${PAGED} claims (${PAGED / PAGE} pages)`, value: round(paging), unit: 'ms' });
    report({ name: 'large: core RSS after open', value: mb(large.afterOpen.rss), unit: 'MiB', baseline: mb(base.afterOpen.rss) });
    report({
      name: 'large: core JS heap after open',
      value: mb(large.afterOpen.heap),
      unit: 'MiB',
      baseline: mb(base.afterOpen.heap),
    });
    report({
      name: `large: core RSS after paging ${PAGED} claims`,
      value: mb(afterPaging.rss),
      unit: 'MiB',
      baseline: mb(base.afterOpen.rss),
      note: 'SQLite page cache is capped at 64 MiB per connection (open.ts)',
    });
    report({
      name: `large: core JS heap after paging ${PAGED} claims`,
      value: mb(afterPaging.heap),
      unit: 'MiB',
      baseline: mb(base.afterOpen.heap),
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
