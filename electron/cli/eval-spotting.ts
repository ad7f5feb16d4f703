/**
 * npm run eval:spotting [-- FILE.tsv] [--threshold T] [--show N]
 * 1. A labelled check-worthiness TSV (Sentence_id, Text, class_label; the ClaimBuster dev file of ../shared by
 *    default), scored sentence by sentence as `claimbench score` does: precision, recall and F1 of the Yes
 *    class at the threshold, and average precision.
 * 2. The hand-labelled news set eval/checkworthy-news.tsv, scored through the app's analysis of each whole
 *    article at the default threshold (the article operating point), per split (`tune` fitted the article
 *    calibration, `test` did not), with the worst misses and false alarms.
 * 3. The hand-labelled Russian news set eval/checkworthy-news-ru.tsv, the same way (`tune` chose the Russian
 *    shift of the article calibration), with how many sentences are flagged and the worst errors.
 * 4. The unseen-debate proxy the shipped model recorded when it was trained (scripts/train-spotter.ts): the
 *    whole training procedure run without the 2016 debates, then F1 at its threshold and MAP over them.
 * Parts that need ../shared skip with one line when it is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseCheckworthyTsv } from '../../shared/spotting/dataset';
import { defaultSpotter } from '../../shared/spotting/index';
import { averagePrecision, binaryMetrics } from '../../shared/spotting/metrics';
import { DATA_DIR } from '../../test/helpers/corpus';
import {
  hasNewsCorpus,
  NEWS_LABELS,
  NEWS_LABELS_RU,
  readNewsLabels,
  scoreNewsLabels,
  type ScoredLabel,
} from './checkworthy-news';

const DEV = path.join(DATA_DIR, 'checkworthy', 'CT24_checkworthy_english_dev.tsv');

function tsvMode(file: string, threshold: number): void {
  const spotter = defaultSpotter();
  const data = parseCheckworthyTsv(fs.readFileSync(file, 'utf8'));
  const scores = data.map((d) => spotter.score(d.text).score);
  const labels = data.map((d) => d.label);
  const m = binaryMetrics(scores, labels, threshold);
  const ap = averagePrecision(scores, labels);
  process.stdout.write(
    `${file}: ${data.length} sentences, ${labels.filter(Boolean).length} Yes; threshold ${threshold}\n` +
      `precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}  AP ${ap.toFixed(4)}\n`,
  );
}

function line(name: string, rows: ScoredLabel[], threshold: number): string {
  const scores = rows.map((r) => r.score);
  const labels = rows.map((r) => r.label);
  const m = binaryMetrics(scores, labels, threshold);
  const flagged = m.tp + m.fp;
  return (
    `  ${name.padEnd(5)} ${String(rows.length).padStart(3)} sentences, ${String(labels.filter(Boolean).length).padStart(3)} yes, ` +
    `${String(flagged).padStart(3)} flagged: precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}  ` +
    `F1 ${m.f1.toFixed(3)}  AP ${averagePrecision(scores, labels).toFixed(3)}\n`
  );
}

function newsMode(threshold: number, show: number): void {
  if (!hasNewsCorpus()) {
    process.stdout.write('news set: skipped, ../shared/corpus/news_en is absent (eval/checkworthy-news.tsv points into it)\n');
    return;
  }
  const rows = scoreNewsLabels(readNewsLabels(fs.readFileSync(NEWS_LABELS, 'utf8')));
  process.stdout.write(
    `news set (eval/checkworthy-news.tsv, ${rows.length} sentences of 12 GUM Wikinews articles), threshold ${threshold}:\n`,
  );
  process.stdout.write(line('all', rows, threshold));
  process.stdout.write(
    line(
      'tune',
      rows.filter((r) => r.split === 'tune'),
      threshold,
    ),
  );
  process.stdout.write(
    line(
      'test',
      rows.filter((r) => r.split === 'test'),
      threshold,
    ),
  );
  errors(rows, threshold, show);
}

/** The worst misses and false alarms at the threshold, `show` of each. */
function errors(rows: ScoredLabel[], threshold: number, show: number): void {
  const clip = (t: string) => (t.length > 110 ? `${t.slice(0, 109)}…` : t);
  const misses = rows.filter((r) => r.label && r.score < threshold).sort((a, b) => a.score - b.score);
  const alarms = rows.filter((r) => !r.label && r.score >= threshold).sort((a, b) => b.score - a.score);
  if (show > 0) {
    process.stdout.write(`  missed (${misses.length}):\n`);
    for (const r of misses.slice(0, show)) process.stdout.write(`    ${r.score.toFixed(3)}  ${clip(r.text)}\n`);
    process.stdout.write(`  flagged but not check-worthy (${alarms.length}):\n`);
    for (const r of alarms.slice(0, show)) process.stdout.write(`    ${r.score.toFixed(3)}  ${clip(r.text)}\n`);
  }
}

function russianMode(threshold: number, show: number): void {
  if (!hasNewsCorpus('ru')) {
    process.stdout.write(
      'Russian news set: skipped, ../shared/corpus/news_ru is absent (eval/checkworthy-news-ru.tsv points into it)\n',
    );
    return;
  }
  const rows = scoreNewsLabels(readNewsLabels(fs.readFileSync(NEWS_LABELS_RU, 'utf8'), 'eval/checkworthy-news-ru.tsv'));
  process.stdout.write(
    `Russian news set (eval/checkworthy-news-ru.tsv, ${rows.length} sentences of ${new Set(rows.map((r) => r.file)).size} texts), threshold ${threshold}:\n`,
  );
  process.stdout.write(line('all', rows, threshold));
  process.stdout.write(
    line(
      'tune',
      rows.filter((r) => r.split === 'tune'),
      threshold,
    ),
  );
  process.stdout.write(
    line(
      'test',
      rows.filter((r) => r.split === 'test'),
      threshold,
    ),
  );
  errors(rows, threshold, show);
}

function proxyMode(): void {
  const meta = defaultSpotter().model.meta as { unseenDebateProxy?: Record<string, unknown> };
  if (!meta.unseenDebateProxy) return;
  const p = meta.unseenDebateProxy;
  process.stdout.write(
    `unseen-debate proxy (recorded by scripts/train-spotter.ts; ${String(p.what)}): threshold ${String(p.threshold)}  ` +
      `precision ${String(p.precision)}  recall ${String(p.recall)}  F1 ${String(p.f1)}  MAP ${String(p.map)} over ${String(p.debates)} debates\n`,
  );
}

function main(argv: string[]): number {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const file = argv.find((a, i) => !a.startsWith('--') && !['--threshold', '--show'].includes(argv[i - 1] ?? ''));
  const spotter = defaultSpotter();
  const threshold = value('--threshold') !== undefined ? Number(value('--threshold')) : spotter.threshold;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) {
    process.stderr.write('usage: npm run eval:spotting [-- FILE.tsv] [--threshold T (0..1)] [--show N]\n');
    return 1;
  }
  const show = Number(value('--show') ?? 8);
  if (file) {
    if (!fs.existsSync(file)) {
      process.stderr.write(`${file}: no such file\nusage: npm run eval:spotting [-- FILE.tsv] [--threshold T] [--show N]\n`);
      return 1;
    }
    tsvMode(file, threshold);
  } else if (fs.existsSync(DEV)) tsvMode(DEV, threshold);
  else process.stdout.write(`debate TSV: skipped, ${DEV} is absent\n`);
  newsMode(threshold, Number.isFinite(show) ? show : 8);
  russianMode(threshold, Number.isFinite(show) ? show : 8);
  proxyMode();
  return 0;
}

process.exitCode = main(process.argv.slice(2));
