/**
 * How long `claimbench --help` takes to start, against a bare `node -e 0` in the same run
 * (target: ≤ 3×). The CLI is built first, as `npm run build` does; bin/claimbench.mjs then runs
 * the bundle. Also reported: a command that opens a workspace (`claims --json` on an empty one).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, now, report, round } from './lib';

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'bin/claimbench.mjs');
const SAMPLES = 15;

const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, encoding: 'utf8' });
if (built.status !== 0) {
  process.stderr.write(built.stderr);
  process.exit(1);
}

function timed(args: string[]): number {
  const t0 = now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, CLAIMBENCH_AUTHOR: 'Bench' } });
  const ms = now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-cli-bench-'));
const workspace = path.join(dir, 'w.claimbench');
timed([bin, 'init', workspace]);

const bare: number[] = [];
const help: number[] = [];
const claims: number[] = [];
for (let i = 0; i < SAMPLES; i++) {
  bare.push(timed(['-e', '0']));
  help.push(timed([bin, '--help']));
  claims.push(timed([bin, 'claims', workspace, '--json']));
}
fs.rmSync(dir, { recursive: true, force: true });

const baseline = median(bare);
const helpMs = median(help);
report({
  name: 'cli --help start (median)',
  value: round(helpMs),
  unit: 'ms',
  baseline: round(baseline),
  target: 'ratio <= 3 vs node -e 0',
  pass: helpMs / baseline <= 3,
});
report({ name: 'cli claims --json on an empty workspace (median)', value: round(median(claims)), unit: 'ms', baseline: round(baseline) });
