/**
 * Signed authorship: the cost of signing every change on the recorded write path (100,000 claims in
 * one action, each one signed `$create` row) against the same path unsigned, and the cost of
 * verifying those rows when a teammate merges them, against merging the same rows unsigned. Both
 * baselines are measured in the same run, in alternating order.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import type { Identity } from '../electron/core/store/recorder';
import { Workspace } from '../electron/core/store/workspace';
import { CHANGE_COLUMNS, type ChangeRow } from '../electron/core/store/change-row';
import { mergeChanges } from '../electron/core/team/merge';
import { claimText, VERDICT_CYCLE } from './fixtures';
import { median, report, round, timeMs } from './lib';

const N = 100_000;
const ROUNDS = 2;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-signing-'));
const signer = new FixedIdentityStore('Bench').get();
const signed = (): Identity => ({ actorId: signer.actorId, author: 'Bench', signingKey: signer.signingKey });
const unsigned = (): Identity => ({ actorId: signer.actorId, author: 'Bench' });
let serial = 0;

function open(who: () => Identity): Workspace {
  return Workspace.open(path.join(dir, `w${serial++}.claimbench`), who, { create: true });
}

/** 100,000 claims through the one write path; returns the time and the rows it logged. */
function write(who: () => Identity): { ms: number; rows: ChangeRow[] } {
  const ws = open(who);
  try {
    const documentId = randomUUID();
    ws.recorder.action('bench document', (w) => w.create('document', documentId, { title: 'Bench', text: '' }));
    const ms = timeMs(() => {
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
    return { ms, rows: ws.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[] };
  } finally {
    ws.close();
  }
}

function merge(rows: ChangeRow[], keys: Map<string, string[]>): number {
  const ws = open(() => ({ actorId: 'f00df00df00df00d', author: 'Receiver' }));
  try {
    return timeMs(() => mergeChanges(ws, { file: 'bench.claimbench-share', rows, blobs: [], keys }, true));
  } finally {
    ws.close();
  }
}

const writeSigned: number[] = [];
const writeUnsigned: number[] = [];
let signedRows: ChangeRow[] = [];
let unsignedRows: ChangeRow[] = [];
for (let round = 0; round < ROUNDS; round++) {
  // Alternate which goes first, so warm-up and page cache favour neither.
  const order = round % 2 === 0 ? [true, false] : [false, true];
  for (const sign of order) {
    const r = write(sign ? signed : unsigned);
    (sign ? writeSigned : writeUnsigned).push(r.ms);
    if (sign) signedRows = r.rows;
    else unsignedRows = r.rows;
  }
}
const perRowUs = ((median(writeSigned) - median(writeUnsigned)) * 1000) / N;
report({
  name: `record ${N.toLocaleString('en')} claims, signed vs unsigned`,
  value: round(median(writeSigned)),
  unit: 'ms',
  baseline: round(median(writeUnsigned)),
  target: 'ratio <= 2',
  pass: median(writeSigned) / median(writeUnsigned) <= 2,
  note: `${round(perRowUs, 1)} µs per signed row`,
});

const keys = new Map([[signer.actorId, [signer.signingKey!.publicKey]]]);
const mergeUnsigned = merge(unsignedRows, new Map());
const mergeSigned = merge(signedRows, keys);
report({
  name: `merge ${N.toLocaleString('en')} claims, verified vs unsigned`,
  value: round(mergeSigned),
  unit: 'ms',
  baseline: round(mergeUnsigned),
  target: 'ratio <= 3',
  pass: mergeSigned / mergeUnsigned <= 3,
  note: `${round(((mergeSigned - mergeUnsigned) * 1000) / N, 1)} µs per verified row`,
});
fs.rmSync(dir, { recursive: true, force: true });
