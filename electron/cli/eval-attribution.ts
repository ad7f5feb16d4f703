/**
 * npm run eval:attribution [-- --show N] [--labels FILE] [--verbose]
 * (`--verbose` prints each wrong or missing row's sentence after it.)
 * (`--labels` scores another file of the same format: a new batch, blind, before it joins the others.)
 * Scores claimants against the hand-checked labels in eval/attribution-labels.tsv: each row points at a
 * sentence of ../shared/corpus (file, UTF-16 offsets into the text the importer extracts; for GUM
 * CoNLL-U files, the article rebuilt from its gold sentences) with its claimant ("a|b" accepts either,
 * "-" means no claimant must be given). Splits: `dev` (read while writing the rules), `heldout` (also
 * read while writing them: not a blind test) and `unseen` (labelled after the rules were frozen, never
 * used to change them). Prints right / wrong / missing per split; a wrong claimant counts worse than a
 * missing one. Skips with one line when ../shared is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { analyzeText } from '../../shared/text/candidates';
import { extractDocument } from '../core/ingest/extract';
import { readLabels, type LabelRow as Row } from './attribution-labels';
import { CORPUS_DIR, readGumArticle } from '../../test/helpers/corpus';

const LABELS = path.resolve(import.meta.dirname, '../../eval/attribution-labels.tsv');

async function documentText(file: string): Promise<string> {
  const full = path.join(CORPUS_DIR, file);
  if (file.endsWith('.conllu')) return readGumArticle(full).text;
  if (file.endsWith('.html')) return (await extractDocument(path.basename(file), new Uint8Array(fs.readFileSync(full)))).text;
  return fs.readFileSync(full, 'utf8');
}

type Tally = { right: number; wrong: number; missing: number; n: number };

async function main(argv: string[]): Promise<number> {
  if (!fs.existsSync(CORPUS_DIR)) {
    process.stdout.write(`eval:attribution skipped: ${CORPUS_DIR} is absent (the labels point into ../shared/corpus)\n`);
    return 0;
  }
  const show = Number(argv[argv.indexOf('--show') + 1] ?? 0) || 15;
  const verbose = argv.includes('--verbose');
  const other = argv[argv.indexOf('--labels') + 1];
  const labels = readLabels(fs.readFileSync(argv.includes('--labels') && other ? path.resolve(other) : LABELS, 'utf8'));
  const byFile = new Map<string, Row[]>();
  for (const r of labels) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const empty = (): Tally => ({ right: 0, wrong: 0, missing: 0, n: 0 });
  const tally = { dev: empty(), heldout: empty(), unseen: empty() };
  const wrong: string[] = [];
  const missing: string[] = [];
  for (const [file, rows] of byFile) {
    const text = await documentText(file);
    const sentences = analyzeText(text);
    for (const r of rows) {
      const mid = (r.start + r.end) / 2;
      const s = sentences.find((x) => x.anchor.start <= mid && mid < x.anchor.end);
      const got = s?.claimant ?? null;
      const gold = r.claimant === '-' ? [] : r.claimant.split('|');
      const t = tally[r.split];
      t.n++;
      const where = `${file}:${r.start}` + (verbose ? `  ${JSON.stringify(s?.text ?? '')}\n   ` : '');
      if (gold.length === 0 ? got === null : got !== null && gold.includes(got)) t.right++;
      else if (got === null) {
        t.missing++;
        missing.push(`${where}  expected ${r.claimant}`);
      } else {
        t.wrong++;
        wrong.push(`${where}  got "${got}", expected ${r.claimant === '-' ? 'none' : r.claimant}`);
      }
    }
  }
  const line = (name: string, t: Tally) =>
    `${name.padEnd(8)} ${String(t.n).padStart(4)} labelled  right ${t.right}  wrong ${t.wrong}  missing ${t.missing}  ` +
    `accuracy ${(t.right / Math.max(1, t.n)).toFixed(3)}  score ${((t.right - 2 * t.wrong) / Math.max(1, t.n)).toFixed(3)} (wrong counts double)\n`;
  const all = empty();
  for (const t of Object.values(tally)) for (const k of ['right', 'wrong', 'missing', 'n'] as const) all[k] += t[k];
  process.stdout.write(line('dev', tally.dev) + line('heldout', tally.heldout) + line('unseen', tally.unseen) + line('all', all));
  if (wrong.length)
    process.stdout.write(`\nwrong (first ${Math.min(show, wrong.length)}):\n  ${wrong.slice(0, show).join('\n  ')}\n`);
  if (missing.length)
    process.stdout.write(`\nmissing (first ${Math.min(show, missing.length)}):\n  ${missing.slice(0, show).join('\n  ')}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
