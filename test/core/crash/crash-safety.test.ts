import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { Workspace } from '../../../electron/core/store/workspace';
import { tempDir } from '../../helpers/workspace';
import { crashScenarios, type CrashMode } from './scenarios';
import { SEED_FILE, type CrashScenario } from './scenario-types';

/**
 * Kill the core with SIGKILL at random moments while it imports, changes verdicts in bulk and merges
 * teammates' files, then reopen: the file must pass integrity_check and every operation must be
 * all-or-nothing. CRASH_KILLS (210 in CI) are shared among the scenarios by weight. The worker is
 * bundled once (with code splitting, so the parsers load only where a scenario needs them) and each
 * start costs a plain `node` launch.
 */
const TOTAL_KILLS = Number(process.env.CRASH_KILLS ?? 210);
const MODES = Object.keys(crashScenarios) as CrashMode[];
const totalWeight = MODES.reduce((s, m) => s + crashScenarios[m].weight, 0);
const killsFor = (mode: CrashMode) => Math.ceil((TOTAL_KILLS * crashScenarios[mode].weight) / totalWeight);
const here = path.dirname(fileURLToPath(import.meta.url));
let workerBundle = '';
const fixtures = new Map<CrashMode, string>();

beforeAll(async () => {
  const dir = tempDir('claimbench-crash-bundle-');
  await build({
    entryPoints: [path.join(here, 'crash-worker.ts')],
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    // Dependencies load from node_modules at run time; only the project's TypeScript is bundled.
    packages: 'external',
    logLevel: 'error',
  });
  workerBundle = path.join(dir, 'crash-worker.mjs');
  fs.symlinkSync(path.resolve(here, '../../../node_modules'), path.join(dir, 'node_modules'));
  for (const mode of MODES) {
    const folder = tempDir(`claimbench-crash-fixtures-${mode}-`);
    await (crashScenarios[mode] as CrashScenario).prepare?.(folder);
    fixtures.set(mode, folder);
  }
}, 180_000);

function runAndKill(file: string, mode: CrashMode, run: number, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workerBundle, file, mode, fixtures.get(mode)!, String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), delayMs));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`worker exited by itself (${String(code)}): ${stderr}`));
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

/** Start over from the scenario's seed workspace, or from nothing. */
function freshWorkspace(file: string, mode: CrashMode): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.rmSync(backupFolderFor(file), { recursive: true, force: true });
  const seed = path.join(fixtures.get(mode)!, SEED_FILE);
  if (fs.existsSync(seed)) fs.copyFileSync(seed, file);
}

describe('crash safety under SIGKILL', () => {
  for (const mode of MODES) {
    it(`${mode}: ${killsFor(mode)} kills leave an intact file and whole operations`, async () => {
      const scenario: CrashScenario = crashScenarios[mode];
      const file = path.join(tempDir(`claimbench-crash-${mode}-`), 'crash.claimbench');
      const who = () => ({ actorId: '0123456789abcdef', author: 'Verifier' });
      let progressed = 0;
      let fresh = 0;
      freshWorkspace(file, mode);
      const delays = deterministicDelays(killsFor(mode), mode.length * 7919);
      for (const [run, delay] of delays.entries()) {
        await runAndKill(file, mode, run, delay);
        const ws = Workspace.open(file, who);
        let exhausted: boolean;
        try {
          expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
          scenario.verify(ws, fixtures.get(mode)!);
          progressed = Math.max(progressed, ws.db.prepare('SELECT count(*) FROM changes').pluck().get() as number);
          exhausted = scenario.exhausted?.(ws, fixtures.get(mode)!) ?? false;
        } finally {
          ws.close();
        }
        if (exhausted) {
          freshWorkspace(file, mode);
          fresh++;
        }
      }
      console.info(`${mode}: ${delays.length} kills, ${progressed} changes at most, ${fresh} fresh starts`);
      expect(progressed, 'the workers made progress between kills').toBeGreaterThan(0);
      if (scenario.exhausted) expect(fresh, 'the workers ran through their work at least once').toBeGreaterThan(0);
    }, 600_000);
  }
});
