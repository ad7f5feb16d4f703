/**
 * npm run eval:spotting -- FILE.tsv [--threshold T]
 * Scores a labelled check-worthiness TSV (Sentence_id, Text, class_label) with the shipped spotter and
 * prints precision, recall and F1 of the Yes class at the threshold, and average precision.
 */
import fs from 'node:fs';
import { parseCheckworthyTsv } from '../../shared/spotting/dataset';
import { defaultSpotter } from '../../shared/spotting/index';
import { averagePrecision, binaryMetrics } from '../../shared/spotting/metrics';

function main(argv: string[]): number {
  const file = argv.find((a) => !a.startsWith('--'));
  const tIdx = argv.indexOf('--threshold');
  if (!file || !fs.existsSync(file)) {
    process.stderr.write('usage: npm run eval:spotting -- FILE.tsv [--threshold T]\n');
    return 1;
  }
  const spotter = defaultSpotter();
  const threshold = tIdx >= 0 ? Number(argv[tIdx + 1]) : spotter.threshold;
  const data = parseCheckworthyTsv(fs.readFileSync(file, 'utf8'));
  const scores = data.map((d) => spotter.score(d.text).score);
  const labels = data.map((d) => d.label);
  const m = binaryMetrics(scores, labels, threshold);
  const ap = averagePrecision(scores, labels);
  process.stdout.write(
    `${file}: ${data.length} sentences, ${labels.filter(Boolean).length} Yes; threshold ${threshold}\n` +
      `precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}  AP ${ap.toFixed(4)}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
