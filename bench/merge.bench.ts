/**
 * Team merge: merge a teammate's share file of 100,000 changes into a workspace of 100,000
 * changes, against a bare INSERT OR IGNORE of the same change rows into the same workspace.
 * Both sides share a base of 10,000 claims and then worked concurrently (edits to the same
 * claims, new claims), so the merge recomputes real winners and raises real conflicts.
 *
 * The merge core is everything `mergeChanges` does in its transaction: the authorship check,
 * appending the rows, refolding the claims they touch (their rows, search index and tags), the
 * conflicts, the whole decisions, the actors, the summary shown after the merge, and the commit.
 * The rows are unsigned (no signing key here), so no signature is verified: what verifying costs
 * per row is measured on its own by signing.bench.ts.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { BatchedRows } from '../electron/core/store/batched-rows';
import { CHANGE_COLUMNS, CHANGE_PLACEHOLDERS, changeParams, type ChangeRow } from '../electron/core/store/change-row';
import { mergeChanges, mergeShareFile } from '../electron/core/team/merge';
import { readShareFile } from '../electron/core/team/read-share';
import { writeShareFile } from '../electron/core/team/write-share';
import { claimText, VERDICT_CYCLE } from './fixtures';
import { median, report, round, timeMs, timeMsAsync } from './lib';

const CHANGES = Number(process.env.MERGE_BENCH_CHANGES ?? 100_000);
const BASE_CLAIMS = CHANGES / 10;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-merge-'));

function open(name: string): Workspace {
  const identity = new FixedIdentityStore(name);
  return Workspace.open(path.join(dir, `${name}.claimbench`), () => ({ actorId: identity.get().actorId, author: name }), {
    create: true,
  });
}

function count(ws: Workspace): number {
  return ws.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
}

/** Concurrent work until the log holds CHANGES rows: verdicts and rationales on base claims, and new claims. */
function work(ws: Workspace, baseIds: string[], seed: number): void {
  let i = 0;
  while (count(ws) < CHANGES) {
    ws.recorder.action('bench', (w) => {
      for (let k = 0; k < 2_000; k++, i++) {
        // Both people work through the same claims, each group of four ops on one claim.
        const id = baseIds[(Math.floor(i / 4) * 7) % baseIds.length]!;
        switch (i % 4) {
          case 0:
            w.set('claim', id, 'verdict', VERDICT_CYCLE[(i + seed) % VERDICT_CYCLE.length]);
            break;
          case 1:
            w.set('claim', id, 'rationale', `Checked by ${seed}, pass ${i}`);
            break;
          case 2:
            w.set('claim', id, 'tags', [`t${(i + seed) % 13}`]);
            break;
          default:
            w.create('claim', randomUUID(), { text: claimText(i + seed * 1_000_000), ordinal: i });
        }
      }
    });
  }
}

const ana = open('ana');
const baseIds = Array.from({ length: BASE_CLAIMS }, () => randomUUID());
ana.recorder.action('base', (w) => {
  baseIds.forEach((id, i) => w.create('claim', id, { text: claimText(i), ordinal: i }));
});
const ben = open('ben');
const base = writeShareFile(ana, path.join(dir, 'base.claimbench-share'), { createdBy: 'ana' });
await mergeShareFile(ben, base.path, base.contentHash);
work(ana, baseIds, 1);
work(ben, baseIds, 2);
const benShare = writeShareFile(ben, path.join(dir, 'ben.claimbench-share'), { createdBy: 'ben' });
ben.close();
const anaChanges = count(ana);
ana.close();

function freshCopy(name: string): Workspace {
  fs.copyFileSync(path.join(dir, 'ana.claimbench'), path.join(dir, `${name}.claimbench`));
  return open(name);
}

// Baseline: the same rows, read from the share file, bare INSERT OR IGNORE in one transaction.
const rowsForBaseline = (() => {
  const db = new Database(benShare.path, { readonly: true });
  try {
    return db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[];
  } finally {
    db.close();
  }
})();
/**
 * What the merge leaves in the tables besides the log: the claims rows it adds and the columns it
 * changes (their search index and tags follow by trigger) and the conflicts it opens. Read off one
 * merge, so a second reference can write exactly that with bare prepared statements.
 */
function tableWrites() {
  const before = freshCopy('writes-before');
  const after = freshCopy('writes-after');
  const c = readShareFile(benShare.path);
  mergeChanges(after, { file: c.file, rows: c.rows, blobs: c.blobs }, true);
  type Row = Record<string, unknown>;
  const claims = (ws: Workspace) =>
    new Map((ws.db.prepare('SELECT * FROM claims').all() as Row[]).map((r) => [r.id as string, r]));
  const conflictKeys = (ws: Workspace) =>
    (ws.db.prepare('SELECT entity, entity_id, field FROM conflicts').raw().all() as string[][]).map((k) => k.join('\u0000'));
  const old = claims(before);
  const inserts: Row[] = [];
  const updates: { id: string; columns: string[]; values: unknown[] }[] = [];
  for (const [id, row] of claims(after)) {
    const was = old.get(id);
    if (!was) inserts.push(row);
    else {
      const columns = Object.keys(row).filter((k) => row[k] !== was[k]);
      if (columns.length > 0) updates.push({ id, columns, values: columns.map((k) => row[k]) });
    }
  }
  const known = new Set(conflictKeys(before));
  const opened = conflictKeys(after)
    .filter((k) => !known.has(k))
    .map((k) => k.split('\u0000'));
  before.close();
  after.close();
  return { inserts, updates, opened };
}
const writes = tableWrites();

/**
 * The bare INSERT OR IGNORE of the rows, plus bare writes of the table rows the merge produces (see
 * tableWrites). The claims rows go through the same multi-row writer the merge uses (BatchedRows):
 * one statement per row costs about twice as much on this table (each statement that fires its
 * triggers keeps a statement journal of its own), so the floor would sit above what the merge
 * itself spends on those rows.
 */
function writeWhatMergeWrites(ws: Workspace): void {
  const insert = ws.db.prepare(`INSERT OR IGNORE INTO changes (${CHANGE_COLUMNS}) VALUES (${CHANGE_PLACEHOLDERS})`);
  const columns = Object.keys(writes.inserts[0] ?? {}).filter((c) => c !== 'id');
  const claims = new BatchedRows(ws.db);
  const insertConflict = ws.db.prepare('INSERT INTO conflicts (entity, entity_id, field) VALUES (?, ?, ?)');
  ws.db.transaction(() => {
    rowsForBaseline.forEach((r) => insert.run(...changeParams(r)));
    for (const row of writes.inserts) claims.insert('claims', columns, [row.id, ...columns.map((c) => row[c])]);
    for (const u of writes.updates) claims.update('claims', u.id, u.columns, u.values);
    claims.flush();
    for (const k of writes.opened) insertConflict.run(...k);
  })();
}

const REPS = 3;
let newChanges = 0;
let conflicts = 0;
const contents = readShareFile(benShare.path);
const baselines: number[] = [];
const bareWrites: number[] = [];
const cores: number[] = [];
// Alternate the two so a busy machine slows both alike; report medians.
for (let rep = 0; rep < REPS; rep++) {
  const baselineWs = freshCopy(`baseline-${rep}`);
  const insert = baselineWs.db.prepare(`INSERT OR IGNORE INTO changes (${CHANGE_COLUMNS}) VALUES (${CHANGE_PLACEHOLDERS})`);
  baselines.push(timeMs(() => baselineWs.db.transaction(() => rowsForBaseline.forEach((r) => insert.run(...changeParams(r))))()));
  baselineWs.close();

  const writesWs = freshCopy(`writes-${rep}`);
  bareWrites.push(timeMs(() => writeWhatMergeWrites(writesWs)));
  writesWs.close();

  // The merge core on the same rows: union, recompute winners, conflicts, actors, one transaction.
  const coreWs = freshCopy(`core-${rep}`);
  cores.push(
    timeMs(() => {
      const r = mergeChanges(coreWs, { file: contents.file, rows: contents.rows, blobs: contents.blobs }, true);
      newChanges = r.newChanges;
      conflicts = r.conflictCount;
    }),
  );
  coreWs.close();
}
const baseline = median(baselines);
const core = median(cores);
const bare = median(bareWrites);

// End to end: read and validate the whole file (zod, content hash), back up, merge.
const fullWs = freshCopy('full');
const full = await timeMsAsync(async () => {
  await mergeShareFile(fullWs, benShare.path, benShare.contentHash);
});
fullWs.close();

const note = `${anaChanges} + ${rowsForBaseline.length} unsigned changes, ${newChanges} new, ${conflicts} conflicts opened; median of ${REPS}`;
report({
  name: `merge ${CHANGES / 1000}k+${CHANGES / 1000}k changes (merge core vs bare INSERT OR IGNORE)`,
  value: round(core),
  unit: 'ms',
  baseline: round(baseline),
  target: 'ratio <= 2',
  pass: core / baseline <= 2,
  note,
});
report({
  name: `merge ${CHANGES / 1000}k+${CHANGES / 1000}k changes: bare writes of all the merge stores (log rows, claims rows, conflicts) vs bare INSERT OR IGNORE`,
  value: round(bare),
  unit: 'ms',
  baseline: round(baseline),
  note: `${writes.inserts.length} claims added, ${writes.updates.length} changed, ${writes.opened.length} conflict rows; the floor under the merge core`,
});
report({
  name: `merge ${CHANGES / 1000}k+${CHANGES / 1000}k changes end to end (validate, hash, backup, merge) vs bare INSERT OR IGNORE`,
  value: round(full),
  unit: 'ms',
  baseline: round(baseline),
  note,
});
fs.rmSync(dir, { recursive: true, force: true });
