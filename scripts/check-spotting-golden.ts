/**
 * Guards speed work on the spotting pipeline: the outputs must not change.
 *
 *   npx tsx scripts/check-spotting-golden.ts --write [file]   record the current outputs
 *   npx tsx scripts/check-spotting-golden.ts [file]           compare against the recorded ones
 *
 * Runs every news text of ../shared/corpus (English and Russian) through the importer's analysis
 * (segmentation, attribution, the sentence model, the context features, the article calibration) and
 * the sentence model alone over the check-worthiness sentences of ../shared/data; records sentence
 * boundaries, scores, reasons, context features and claimants. Scores must agree to 1e-9, everything
 * else exactly. The default file lives in the system's temp folder: it is a before/after check, not a
 * fixture (not run in CI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractDocument } from '../electron/core/ingest/extract';
import { defaultSpotter } from '../shared/spotting/index';
import { analyzeText, spotDocument } from '../shared/text/candidates';
import { CORPUS_DIR, DATA_DIR, exitUnlessShared, readGumArticle } from '../test/helpers/corpus';

exitUnlessShared('check-spotting-golden');

const args = process.argv.slice(2);
const write = args.includes('--write');
const file = args.find((a) => !a.startsWith('--')) ?? path.join(os.tmpdir(), 'claimbench-spotting-golden.json');

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

async function newsTexts(): Promise<{ name: string; text: string }[]> {
  const out: { name: string; text: string }[] = [];
  for (const lang of ['news_en', 'news_ru']) {
    for (const f of filesUnder(path.join(CORPUS_DIR, lang))) {
      const name = path.relative(CORPUS_DIR, f);
      if (f.endsWith('.conllu')) out.push({ name, text: readGumArticle(f).text });
      else out.push({ name, text: (await extractDocument(path.basename(f), new Uint8Array(fs.readFileSync(f)))).text });
    }
  }
  return out;
}

function debateSentences(): string[] {
  const dir = path.join(DATA_DIR, 'checkworthy');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.tsv'))
    .sort()
    .flatMap((f) =>
      fs
        .readFileSync(path.join(dir, f), 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split('\t')[1] ?? '')
        .filter(Boolean),
    );
}

async function outputs(): Promise<Record<string, unknown>> {
  const docs: Record<string, unknown> = {};
  for (const { name, text } of await newsTexts()) {
    const spotted = spotDocument(text);
    docs[name] = {
      kind: spotted.kind,
      spotted: spotted.sentences.map((s) => ({
        start: s.sentence.start,
        end: s.sentence.end,
        attribution: s.attribution,
        base: s.base,
        context: s.context,
      })),
      analysed: analyzeText(text).map((s) => ({
        start: s.anchor.start,
        end: s.anchor.end,
        text: s.text,
        score: s.score,
        reasons: s.reasons,
        claimant: s.claimant,
        checkWorthy: s.checkWorthy,
      })),
    };
  }
  const spotter = defaultSpotter();
  const sentences = debateSentences();
  return { docs, debates: sentences.map((s) => spotter.score(s)) };
}

/** Paths where a and b differ (numbers to 1e-9), at most `limit` of them. */
function differences(a: unknown, b: unknown, at: string, out: string[], limit = 20): void {
  if (out.length >= limit) return;
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9) out.push(`${at}: ${a} ≠ ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: length ${a.length} ≠ ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) differences(a[i], b[i], `${at}[${i}]`, out, limit);
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`, out, limit);
    return;
  }
  if (a !== b) out.push(`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
}

const current = JSON.parse(JSON.stringify(await outputs())) as Record<string, unknown>;
if (write) {
  fs.writeFileSync(file, JSON.stringify(current));
  console.log(`recorded spotting outputs in ${file}`);
} else {
  if (!fs.existsSync(file)) {
    console.error(`no recorded outputs at ${file}: run with --write first (before changing anything)`);
    process.exit(2);
  }
  const recorded = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  const diffs: string[] = [];
  differences(recorded, current, '$', diffs);
  if (diffs.length) {
    console.error(`spotting outputs changed (recorded ${file} ≠ now):\n  ${diffs.join('\n  ')}`);
    process.exit(1);
  }
  const docs = Object.keys(current.docs as object).length;
  console.log(`spotting outputs unchanged: ${docs} news texts, ${(current.debates as unknown[]).length} debate sentences`);
}
