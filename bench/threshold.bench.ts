/**
 * Re-applying a new check-worthiness threshold to the documents already imported, against
 * importing those same documents in the same run (target: ratio <= 1, re-applying never costs
 * more than the import it re-does the spotting of).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call } from '../electron/core/dispatch';
import { FixedIdentityStore } from '../electron/core/identity/identity';
import { Workspace } from '../electron/core/store/workspace';
import { gumArticles } from '../test/helpers/corpus';
import { median, report, round, timeMsAsync } from './lib';

const COPIES = 5;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-bench-threshold-'));
  const identity = new FixedIdentityStore('Bench');
  const workspace = Workspace.open(
    path.join(dir, 'bench.claimbench'),
    () => ({ actorId: identity.get().actorId, author: 'Bench' }),
    { create: true },
  );
  const ctx = { workspace, identity };
  // Each copy differs by a line so none is skipped as a duplicate.
  const texts = Array.from({ length: COPIES }, (_, copy) => gumArticles().map((a) => `${a.text}\n\nCopy ${copy + 1}.`)).flat();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

  const importMs = await timeMsAsync(async () => {
    for (const text of texts) await call(ctx, 'documents.createFromText', { text });
  });
  const { defaultThreshold } = await call(ctx, 'spotting.getThreshold', {});
  const moves: number[] = [];
  let moved = 0;
  for (const threshold of [defaultThreshold - 0.15, defaultThreshold + 0.15, defaultThreshold]) {
    moves.push(
      await timeMsAsync(async () => {
        const r = await call(ctx, 'spotting.setThreshold', { threshold });
        moved += r.reapplied.added + r.reapplied.removed;
      }),
    );
  }
  workspace.close();
  const value = median(moves);
  report({
    name: `threshold re-apply over ${texts.length} documents (${round(bytes / 1024, 0)} KiB)`,
    value: round(value, 1),
    unit: 'ms',
    baseline: round(importMs, 1),
    target: 'ratio <= 1 (against importing the same documents)',
    pass: value <= importMs,
    note: `${moved} claims added or removed over three moves`,
  });
}

await main();
