#!/usr/bin/env node
// Runs every bench/*.bench.ts (or those named on the command line) in its own process,
// collects their `BENCH {json}` lines into bench/results.json and prints a table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

const results = [];
let failed = false;
for (const file of files) {
  process.stdout.write(`\n▶ ${file}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(here, file)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of (r.stdout ?? '').split('\n')) {
    if (line.startsWith('BENCH ')) results.push({ file, ...JSON.parse(line.slice(6)) });
    else if (line.trim()) process.stdout.write(`  ${line}\n`);
  }
  if (r.status !== 0) {
    failed = true;
    process.stdout.write(`  ✗ ${file} exited with ${r.status}\n`);
  }
}

fs.writeFileSync(path.join(here, 'results.json'), JSON.stringify({ at: new Date().toISOString(), results }, null, 2));

const fmt = (v) => (v === undefined ? '' : typeof v === 'number' ? String(Number(v.toFixed(3))) : String(v));
const rows = results.map((e) => [
  e.name,
  `${fmt(e.value)} ${e.unit}`,
  fmt(e.baseline),
  fmt(e.ratio),
  e.target ?? '',
  e.pass === undefined ? '' : e.pass ? 'ok' : 'MISS',
]);
const head = ['benchmark', 'value', 'baseline', 'ratio', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
process.stdout.write(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
process.stdout.write(`\nWrote bench/results.json (${results.length} entries)\n`);
process.exit(failed ? 1 : 0);
