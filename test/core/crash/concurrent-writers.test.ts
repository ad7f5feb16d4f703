import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { runCli, EXIT_BUSY } from '../../../electron/cli/main';
import { call, invoke } from '../../../electron/core/dispatch';
import { BUSY_MESSAGE } from '../../../electron/core/store/busy';
import { createTestContext, tempDir } from '../../helpers/workspace';

/**
 * Several real processes write to one workspace at once. Write transactions begin IMMEDIATE with a
 * busy timeout, so writers queue instead of failing with "database is locked".
 */
const here = path.dirname(fileURLToPath(import.meta.url));
let driver = '';

beforeAll(async () => {
  const dir = tempDir('claimbench-writers-bundle-');
  await build({
    entryPoints: [path.join(here, 'mark-driver.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    logLevel: 'error',
  });
  driver = path.join(dir, 'mark-driver.mjs');
  fs.symlinkSync(path.resolve(here, '../../../node_modules'), path.join(dir, 'node_modules'));
}, 120_000);

interface WriterResult {
  codes: number[];
  errors: string[];
  warnings: string[];
}

function writer(file: string, verdict: string, ids: string[]): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [driver, file, verdict, ...ids], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out) as WriterResult);
      } catch {
        reject(new Error(`writer exited ${String(code)}: ${err}`));
      }
    });
  });
}

describe('several processes writing at once', () => {
  it('120 CLI marks from three processes all succeed, and every one is recorded', async () => {
    const ctx = createTestContext('Seeder');
    const text = Array.from({ length: 40 }, (_, i) => `The port handled ${1000 + i} ships in ${1990 + i}.`).join(' ');
    await call(ctx, 'documents.createFromText', { text });
    const ids = (await call(ctx, 'claims.list', { limit: 100 })).items.map((c) => c.id);
    ctx.workspace.close();
    expect(ids.length).toBe(40);

    const verdicts = ['sourced', 'disputed', 'unverified'];
    const results = await Promise.all(verdicts.map((v) => writer(ctx.file, v, ids)));
    for (const r of results) {
      expect(r.errors).toEqual([]);
      expect(r.codes).toEqual(ids.map(() => 0));
    }
    // Each "sourced" mark (no source attached) warns once about its own verdict, whatever the others wrote since.
    expect(results.map((r) => r.warnings.length)).toEqual([40, 0, 0]);

    const check = createTestContext('Checker', ctx.file);
    try {
      const marks = check.workspace.db
        .prepare("SELECT count(*) FROM changes WHERE entity = 'claim' AND field = 'rationale'")
        .pluck()
        .get() as number;
      // Every mark carries its own rationale, so each one is a recorded change.
      expect(marks).toBe(120);
      expect(check.workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      check.workspace.close();
    }
  }, 300_000);

  it('a workspace still busy after the timeout is a typed BUSY error (exit 3 in the CLI), and nothing changes', async () => {
    const ctx = createTestContext('Ana');
    await call(ctx, 'documents.createFromText', { text: 'The port handled 1000 ships in 1990.' });
    const [id] = (await call(ctx, 'claims.list', {})).items.map((c) => c.id) as [string];
    const before = (await call(ctx, 'claims.get', { id })).verdict;
    const holder = new Database(ctx.file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      ctx.workspace.db.pragma('busy_timeout = 50');
      const r = await invoke(ctx, 'claims.setVerdict', { ids: [id], verdict: 'sourced' }, () => undefined);
      expect(r).toEqual({ ok: false, error: { code: 'BUSY', message: BUSY_MESSAGE } });
      const errors: string[] = [];
      const io = { out: () => undefined, err: (t: string) => void errors.push(t), readStdin: async () => Buffer.alloc(0) };
      expect(await runCli(['mark', ctx.file, id, 'disputed'], io)).toBe(EXIT_BUSY);
      expect(errors).toEqual([`claimbench: ${BUSY_MESSAGE}`]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect((await call(ctx, 'claims.get', { id })).verdict).toBe(before);
    ctx.workspace.close();
  }, 60_000);
});
