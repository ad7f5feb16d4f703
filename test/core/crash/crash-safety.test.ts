import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../../electron/core/store/workspace';
import { tempDir } from '../../helpers/workspace';
import { crashScenarios, type CrashMode } from './scenarios';

/**
 * Kill the core with SIGKILL at random moments while it writes, then reopen: the file must pass
 * integrity_check and every operation must be all-or-nothing. KILLS_PER_MODE keeps the CI total at
 * 200+ kills; the worker is bundled once so each start costs a plain `node` launch.
 */
const KILLS_PER_MODE = Number(process.env.CRASH_KILLS_PER_MODE ?? 100);
const here = path.dirname(fileURLToPath(import.meta.url));
let workerBundle = '';

beforeAll(async () => {
  const dir = tempDir('claimbench-crash-bundle-');
  workerBundle = path.join(dir, 'crash-worker.mjs');
  await build({
    entryPoints: [path.join(here, 'crash-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: workerBundle,
    // Dependencies load from node_modules at run time; only the project's TypeScript is bundled.
    packages: 'external',
    logLevel: 'error',
  });
  fs.symlinkSync(path.resolve(here, '../../../node_modules'), path.join(dir, 'node_modules'));
}, 60_000);

function runAndKill(file: string, mode: CrashMode, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerBundle, file, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`worker exited by itself (${String(_code)}): ${stderr}`));
    });
  });
}

function deterministicDelays(n: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 2 + (x % 250);
  });
}

describe('crash safety under SIGKILL', () => {
  for (const mode of Object.keys(crashScenarios) as CrashMode[]) {
    it(`${mode}: ${KILLS_PER_MODE} kills leave an intact file and whole operations`, async () => {
      const file = path.join(tempDir(`claimbench-crash-${mode}-`), 'crash.claimbench');
      const who = () => ({ actorId: '0123456789abcdef', author: 'Verifier' });
      let progressed = 0;
      for (const delay of deterministicDelays(KILLS_PER_MODE, mode.length * 7919)) {
        await runAndKill(file, mode, delay);
        const ws = Workspace.open(file, who);
        try {
          expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
          crashScenarios[mode].verify(ws);
          progressed = ws.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
        } finally {
          ws.close();
        }
      }
      expect(progressed, 'the workers made progress between kills').toBeGreaterThan(0);
    }, 600_000);
  }
});
