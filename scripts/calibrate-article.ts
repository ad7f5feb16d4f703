/**
 * Fit the article calibration shipped in shared/spotting/article-calibration.json.
 *
 *   npx tsx scripts/calibrate-article.ts
 *
 * A logistic regression over the sentence model's logit and the context features of
 * shared/spotting/context.ts, fitted (full-batch gradient descent, L2, deterministic) on the `tune` articles
 * of eval/checkworthy-news.tsv. The article operating point is the threshold with the best F2 on the tune
 * articles; the calibration's `shift` moves it onto the shipped default threshold.
 * The `test` articles are never used for any choice: they are scored at the end and printed. Captions,
 * credits and bylines are left out of fitting: the pipeline rules them out before any score is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bestOverlap, labelledArticles, NEWS_LABELS, readNewsLabels } from '../electron/cli/checkworthy-news';
import { FIXED_WEIGHTS, logit, scoreInArticle, type ArticleCalibration } from '../shared/spotting/context';
import { defaultThreshold } from '../shared/spotting/index';
import { sigmoid } from '../shared/spotting/model';
import { binaryMetrics, averagePrecision } from '../shared/spotting/metrics';
import { spotDocument } from '../shared/text/candidates';
import { nonProseKind } from '../shared/text/news-structure';
import { exitUnlessShared } from '../test/helpers/corpus';

const L2 = 0.002;
const STEPS = 4000;
const RATE = 0.5;
const BETA = 2;
const OUT = path.resolve(import.meta.dirname, '../shared/spotting/article-calibration.json');

interface Row {
  base: number;
  features: string[];
  label: boolean;
  split: 'tune' | 'test';
  baseScore: { score: number; reasons: never[] };
}

function rows(): Row[] {
  const labels = readNewsLabels(fs.readFileSync(NEWS_LABELS, 'utf8'));
  const out: Row[] = [];
  for (const { text, rows: labelled } of labelledArticles(labels)) {
    const doc = spotDocument(text);
    if (doc.kind !== 'article') throw new Error('a labelled news article was read as a transcript');
    const spans = doc.sentences.map((s) => s.sentence);
    for (const r of labelled) {
      const i = bestOverlap(spans, r.start, r.end);
      if (i < 0) continue;
      const s = doc.sentences[i]!;
      if (nonProseKind(s.sentence.text)) continue;
      out.push({ base: logit(s.base.score), features: s.context, label: r.label, split: r.split, baseScore: { score: s.base.score, reasons: [] } });
    }
  }
  return out;
}

function fit(data: Row[], names: string[]): { bias: number; base: number; w: number[] } {
  let bias = 0;
  let base = 1;
  const w = names.map(() => 0);
  const index = new Map(names.map((n, i) => [n, i]));
  for (let step = 0; step < STEPS; step++) {
    let gBias = 0;
    let gBase = 0;
    const g = names.map(() => 0);
    for (const r of data) {
      let z = bias + base * r.base;
      for (const f of r.features) z += w[index.get(f) ?? -1] ?? FIXED_WEIGHTS[f] ?? 0;
      const err = sigmoid(z) - (r.label ? 1 : 0);
      gBias += err;
      gBase += err * r.base;
      for (const f of r.features) {
        const k = index.get(f);
        if (k !== undefined) g[k]! += err;
      }
    }
    const n = data.length;
    bias -= (RATE * gBias) / n;
    base -= RATE * (gBase / n + L2 * (base - 1));
    for (let k = 0; k < w.length; k++) w[k]! -= RATE * (g[k]! / n + L2 * w[k]!);
  }
  return { bias, base, w };
}

/**
 * The threshold with the best F2 on the data (recall counts twice as much as precision: a checker loses more
 * by a missed claim than by one extra sentence to dismiss).
 */
function operatingPoint(scores: number[], labels: boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter(Boolean).length;
  let tp = 0;
  let best = { point: order[0]![0], f: -1 };
  for (let i = 0; i < order.length; i++) {
    if (order[i]![1]) tp++;
    if (i + 1 < order.length && order[i + 1]![0] === order[i]![0]) continue;
    const precision = tp / (i + 1);
    const recall = tp / positives;
    const f = precision + recall === 0 ? 0 : ((1 + BETA * BETA) * precision * recall) / (BETA * BETA * precision + recall);
    if (f > best.f) best = { point: order[i]![0], f };
  }
  return best.point;
}

function main(): void {
  exitUnlessShared('calibrate-article (GUM Wikinews articles from ../shared/corpus)');
  const all = rows();
  const tune = all.filter((r) => r.split === 'tune');
  const test = all.filter((r) => r.split === 'test');
  const names = [...new Set(all.flatMap((r) => r.features))].filter((n) => !(n in FIXED_WEIGHTS)).sort();
  const { bias, base, w } = fit(tune, names);
  const weights: Record<string, number> = {};
  names.forEach((n, i) => (weights[n] = Math.round(w[i]! * 1000) / 1000));
  const draft: ArticleCalibration = { version: 1, bias: Math.round(bias * 1000) / 1000, base: Math.round(base * 1000) / 1000, weights, shift: 0, meta: {} };
  const score = (r: Row) => scoreInArticle(r.baseScore, r.features, draft).score;
  const tuneScores = tune.map(score);
  const tuneLabels = tune.map((r) => r.label);
  const point = operatingPoint(tuneScores, tuneLabels);
  const shift = logit(defaultThreshold()) - logit(point);
  const report = (set: Row[], name: string) => {
    const scores = set.map(score);
    const labels = set.map((r) => r.label);
    const m = binaryMetrics(scores, labels, point);
    const ap = averagePrecision(scores, labels);
    console.log(`${name}: ${set.length} sentences, precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} AP ${ap.toFixed(3)}`);
    return { precision: r3(m.precision), recall: r3(m.recall), f1: r3(m.f1), ap: r3(ap) };
  };
  const calibration: ArticleCalibration = {
    ...draft,
    shift: Math.round(shift * 1000) / 1000,
    meta: {
      fittedOn: 'eval/checkworthy-news.tsv, tune articles',
      settings: { l2: L2, steps: STEPS, rate: RATE, beta: BETA },
      articleThreshold: r3(point),
      tune: report(tune, 'tune'),
      test: report(test, 'test'),
    },
  };
  console.log(`weights ${JSON.stringify(weights)} base ${draft.base} bias ${draft.bias}; article point ${point.toFixed(3)} -> shift ${calibration.shift}`);
  fs.writeFileSync(OUT, `${JSON.stringify(calibration, null, 1)}\n`);
  console.log(`wrote ${OUT}`);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

main();
