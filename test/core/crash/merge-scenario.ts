/**
 * The merge crash scenario. `prepare` (in the test process) builds a pool of share files from
 * workspaces that diverged from one base: teammates who set different verdicts on the same claims,
 * add notes, tags, rationales and documents, and share twice (the later file a superset of the
 * earlier one). The worker merges the files it has not fully merged yet, with local bulk verdict
 * changes in between; after a kill, every file's changes must be all present or all absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../../electron/core/dispatch';
import { listBackups, isGoodBackup } from '../../../electron/core/store/backup';
import type { Workspace } from '../../../electron/core/store/workspace';
import { readShareFile } from '../../../electron/core/team/read-share';
import { createTestContext } from '../../helpers/workspace';
import { assertTablesMatchLog } from '../../helpers/tables-match-log';
import type { CrashScenario } from './scenario-types';
import { mergePreviewed } from '../../helpers/merge';

interface PoolFile {
  path: string;
  hlcs: string[];
}

const MANIFEST = 'merge-pool.json';
const TEAMMATES = 4;
const VERDICTS = ['sourced', 'disputed', 'unverified'] as const;

function story(topic: string, n: number): string {
  return Array.from(
    { length: n },
    (_, k) => `Officials in ${topic} said spending rose by ${k * 3 + 7}% in ${2010 + k}, according to the ministry.`,
  ).join(' ');
}

async function claimIds(ctx: ReturnType<typeof createTestContext>): Promise<string[]> {
  return (await call(ctx, 'claims.list', { limit: 5000 })).items.map((c) => c.id);
}

async function preparePool(dir: string): Promise<void> {
  const base = createTestContext('Base Author', path.join(dir, 'base.claimbench'));
  await call(base, 'documents.createFromText', { text: story('Lagos', 10), title: 'Base story' });
  base.workspace.close();
  const pool: PoolFile[] = [];
  const share = async (ctx: ReturnType<typeof createTestContext>, name: string) => {
    const target = path.join(dir, name);
    await call(ctx, 'team.share', { target });
    pool.push({ path: target, hlcs: readShareFile(target).rows.map((r) => r.hlc) });
  };
  for (let k = 0; k < TEAMMATES; k++) {
    const file = path.join(dir, `teammate-${k}.claimbench`);
    fs.copyFileSync(base.file, file);
    const ctx = createTestContext(`Teammate ${k}`, file);
    const ids = await claimIds(ctx);
    await call(ctx, 'claims.setVerdict', {
      ids: ids.filter((_, i) => i % (k + 2) === 0),
      verdict: VERDICTS[k % 3],
      rationale: `k${k}`,
    });
    await call(ctx, 'notes.add', { claimId: ids[k]!, text: `Note from teammate ${k}` });
    await call(ctx, 'documents.createFromText', { text: story(`City ${k}`, 6), title: `Story ${k}` });
    await share(ctx, `teammate-${k}-a.claimbench-share`);
    await call(ctx, 'claims.tag', { ids: ids.slice(0, 5), add: [`t${k}`] });
    await call(ctx, 'claims.update', { id: ids[k + 1]!, patch: { rationale: `Second thoughts of ${k}` } });
    await call(ctx, 'claims.delete', { ids: [ids[ids.length - 1 - k]!] });
    await share(ctx, `teammate-${k}-b.claimbench-share`);
    ctx.workspace.close();
  }
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(pool));
}

const manifests = new Map<string, PoolFile[]>();
function poolOf(dir: string): PoolFile[] {
  let pool = manifests.get(dir);
  if (!pool) {
    pool = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf8')) as PoolFile[];
    manifests.set(dir, pool);
  }
  return pool;
}

function presentHlcs(ws: Workspace): Set<string> {
  return new Set(ws.db.prepare('SELECT hlc FROM changes').pluck().all() as string[]);
}

const fullyMerged = (file: PoolFile, present: Set<string>) => file.hlcs.every((h) => present.has(h));

export const mergeScenario: Omit<CrashScenario, 'weight'> = {
  prepare: preparePool,

  async step(ctx, i, { fixtures }) {
    const present = presentHlcs(ctx.workspace);
    const pending = poolOf(fixtures).filter((f) => !fullyMerged(f, present));
    if (pending.length > 0 && i % 4 !== 3) {
      await mergePreviewed(ctx, pending[(i * 7 + process.pid) % pending.length]!.path);
      return;
    }
    const ids = (await call(ctx, 'claims.list', { limit: 5000 })).items.map((c) => c.id);
    if (ids.length > 0) await call(ctx, 'claims.setVerdict', { ids, verdict: VERDICTS[i % 3], rationale: `local ${i}` });
  },

  verify(ws, fixtures) {
    const present = presentHlcs(ws);
    const pool = poolOf(fixtures);
    const whole = new Set(pool.filter((f) => fullyMerged(f, present)).flatMap((f) => f.hlcs));
    for (const f of pool) {
      const stray = f.hlcs.filter((h) => present.has(h) && !whole.has(h));
      if (stray.length > 0)
        throw new Error(`${path.basename(f.path)} merged in part: ${stray.length} of ${f.hlcs.length} changes`);
    }
    assertTablesMatchLog(ws);
    for (const b of listBackups(ws.path)) if (!isGoodBackup(b.path)) throw new Error(`backup ${b.name} is damaged`);
  },

  exhausted(ws, fixtures) {
    const present = presentHlcs(ws);
    return poolOf(fixtures).every((f) => fullyMerged(f, present));
  },
};
