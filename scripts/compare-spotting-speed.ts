/**
 * Times the importer's analysis (analyzeText) of an earlier revision against the working tree, in one process:
 *
 *   npx tsx scripts/compare-spotting-speed.ts [rev=HEAD] [rounds=11]
 *
 * `npm run bench -- spotting` compares a run with Intl.Segmenter in the same run; on a machine shared with other
 * work that ratio swings by more than a 10% change. Here the revision's shared/ folder is exported (git archive)
 * beside a link to node_modules, and both versions analyse the same Wikinews documents (about 1 MB, the bench's
 * articles) interleaved document by document, in alternating order, CPU time summed per round: both see the same
 * load. Prints the median and range of the per-round speed-ups; `HEAD` with no changes reads about x1.00 (a control).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { analyzeText } from '../shared/text/candidates';
import { exitUnlessShared, gumArticles } from '../test/helpers/corpus';

exitUnlessShared('compare-spotting-speed');

const parsed = z
  .tuple([
    z
      .string()
      .regex(/^[\w./~^@{}-]+$/)
      .default('HEAD'),
    z.coerce.number().int().min(3).max(101).default(11),
  ])
  .safeParse([process.argv[2], process.argv[3]]);
if (!parsed.success) {
  console.error('usage: npx tsx scripts/compare-spotting-speed.ts [revision] [rounds, 3 to 101]');
  process.exit(2);
}
const [rev, rounds] = parsed.data;

const root = path.resolve(import.meta.dirname, '..');
try {
  execFileSync('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: root, stdio: 'ignore' });
} catch {
  console.error(`compare-spotting-speed: no revision ${rev} in this repository`);
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-speed-'));
try {
  const archive = execFileSync('git', ['archive', '--format=tar', rev, 'shared'], { cwd: root, maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  // The same compiler settings for both (without them tsx transpiles differently, and the control reads x1.1).
  for (const f of fs.readdirSync(root).filter((f) => /^(?:package|tsconfig.*)\.json$/.test(f)))
    fs.copyFileSync(path.join(root, f), path.join(dir, f));
  const earlier = (await import(pathToFileURL(path.join(dir, 'shared/text/candidates.ts')).href)) as {
    analyzeText: (text: string) => unknown;
  };

  const articles = gumArticles().map((a) => a.text);
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < 1_000_000; i++) {
    const a = articles[i % articles.length]!;
    docs.push(a);
    size += a.length;
  }
  const cpuMicros = (fn: (text: string) => unknown, text: string) => {
    const t = process.cpuUsage();
    fn(text);
    const d = process.cpuUsage(t);
    return d.user + d.system;
  };
  const round = () => {
    let before = 0;
    let after = 0;
    docs.forEach((d, i) => {
      if (i % 2) {
        before += cpuMicros(earlier.analyzeText, d);
        after += cpuMicros(analyzeText, d);
      } else {
        after += cpuMicros(analyzeText, d);
        before += cpuMicros(earlier.analyzeText, d);
      }
    });
    return { before, after };
  };
  round();
  round();
  const speedups: number[] = [];
  let bestBefore = Infinity;
  let bestAfter = Infinity;
  for (let k = 0; k < rounds; k++) {
    const { before, after } = round();
    speedups.push(before / after);
    bestBefore = Math.min(bestBefore, before);
    bestAfter = Math.min(bestAfter, after);
  }
  speedups.sort((a, b) => a - b);
  const mbps = (micros: number) => ((size / 1_048_576 / micros) * 1e6).toFixed(2);
  console.log(
    `analyzeText, ${rev} -> working tree: x${speedups[rounds >> 1]!.toFixed(3)} median of ${rounds} rounds ` +
      `(x${speedups[0]!.toFixed(2)}..x${speedups[rounds - 1]!.toFixed(2)}); best rounds ${mbps(bestBefore)} -> ${mbps(bestAfter)} MB/s`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
