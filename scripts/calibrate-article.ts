/**
 * Fit the article calibration shipped in shared/spotting/article-calibration.json.
 *
 *   npx tsx scripts/calibrate-article.ts
 *
 * A logistic regression over the sentence model's logit and the context features of
 * shared/spotting/context.ts, fitted (full-batch gradient descent, L2, deterministic) on the `tune` articles
 * of eval/checkworthy-news.tsv. The article operating point is the highest threshold that keeps recall on
 * the tune articles at a target or above (the list narrows as far as it allows). The target is the lowest
 * of TARGETS for which leaving each tune article out in turn (fit and choose the point on the others, score
 * the one left out) still keeps GOAL recall on the articles left out: a point chosen on some articles loses
 * recall on others, and this measures by how much without touching the test articles. The calibration's
 * `shift` moves the point onto the shipped default threshold.
 * Russian articles (eval/checkworthy-news-ru.tsv) get their own operating point, the highest threshold
 * keeping GOAL recall on their tune articles, as `languageShift.ru`: the sentence model learned from English and reads Russian by its
 * rules and word shapes only, so its scores there sit higher.
 * `--language-shift-only` keeps the shipped English calibration and refits the Russian shift alone (for a change
 * that reads Russian sentences only: a full refit also moves the English weights fitted on the pipeline as it was).
 * The `test` articles are never used for any choice: they are scored at the end and printed. Captions,
 * credits, bylines and site furniture are left out of fitting: the pipeline rules them out before any
 * score is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bestOverlap, labelledArticles, NEWS_LABELS, NEWS_LABELS_RU, readNewsLabels } from '../electron/cli/checkworthy-news';
import { ADJUSTMENTS, FIXED_WEIGHTS, logit, scoreInArticle, type ArticleCalibration } from '../shared/spotting/context';
import { defaultThreshold } from '../shared/spotting/index';
import { sigmoid } from '../shared/spotting/model';
import { binaryMetrics, averagePrecision } from '../shared/spotting/metrics';
import { siteFurnitureKind } from '../shared/spotting/site-furniture';
import { spotDocument } from '../shared/text/candidates';
import { nonProseKind } from '../shared/text/news-structure';
import { exitUnlessShared } from '../test/helpers/corpus';

const L2 = 0.002;
const STEPS = 4000;
const RATE = 0.5;
/** The recall an unseen article should keep at the default threshold. */
const GOAL = 0.94;
/** Recall targets on the tune articles, tried from the narrowest list up. */
const TARGETS = [0.9, 0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99];
const OUT = path.resolve(import.meta.dirname, '../shared/spotting/article-calibration.json');

interface Row {
  base: number;
  features: string[];
  label: boolean;
  split: 'tune' | 'test';
  file: string;
  baseScore: { score: number; reasons: never[] };
}

function rows(file: string): Row[] {
  const labels = readNewsLabels(fs.readFileSync(file, 'utf8'), path.relative(process.cwd(), file));
  const out: Row[] = [];
  for (const { text, rows: labelled } of labelledArticles(labels)) {
    const doc = spotDocument(text);
    if (doc.kind !== 'article') throw new Error('a labelled news article was read as a transcript');
    const spans = doc.sentences.map((s) => s.sentence);
    for (const r of labelled) {
      const i = bestOverlap(spans, r.start, r.end);
      if (i < 0) continue;
      const s = doc.sentences[i]!;
      if (nonProseKind(s.sentence.text) || siteFurnitureKind(s.sentence.text)) continue;
      out.push({
        base: logit(s.base.score),
        features: s.context,
        label: r.label,
        split: r.split,
        file: r.file,
        baseScore: { score: s.base.score, reasons: [] },
      });
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
 * The highest threshold whose recall reaches the target: the shortest list that still holds that share of the
 * check-worthy sentences (a checker loses more by a missed claim than by one extra sentence to dismiss, but
 * a list that keeps nearly everything does not help).
 */
function operatingPoint(scores: number[], labels: boolean[], target: number): number {
  const order = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter(Boolean).length;
  let tp = 0;
  for (let i = 0; i < order.length; i++) {
    if (order[i]![1]) tp++;
    if (i + 1 < order.length && order[i + 1]![0] === order[i]![0]) continue;
    if (tp / positives >= target) return order[i]![0];
  }
  return order[order.length - 1]![0];
}

function calibrationOf(fitted: { bias: number; base: number; w: number[] }, names: string[]): ArticleCalibration {
  const weights: Record<string, number> = {};
  names.forEach((n, i) => (weights[n] = Math.round(fitted.w[i]! * 1000) / 1000));
  return {
    version: 1,
    bias: Math.round(fitted.bias * 1000) / 1000,
    base: Math.round(fitted.base * 1000) / 1000,
    weights,
    shift: 0,
    meta: {},
  };
}

/** The lowest tune recall target that keeps GOAL recall on tune articles left out of fitting and choosing. */
function recallTarget(tune: Row[], names: string[]): { target: number; leftOut: number } {
  const files = [...new Set(tune.map((r) => r.file))];
  const folds = files.map((file) => {
    const rest = tune.filter((r) => r.file !== file);
    const cal = calibrationOf(fit(rest, names), names);
    const scoreOf = (r: Row) => scoreInArticle(r.baseScore, r.features, cal).score;
    return { rest, restScores: rest.map(scoreOf), out: tune.filter((r) => r.file === file), scoreOf };
  });
  let last = { target: TARGETS[TARGETS.length - 1]!, leftOut: 0 };
  for (const target of TARGETS) {
    let tp = 0;
    let positives = 0;
    for (const f of folds) {
      const point = operatingPoint(
        f.restScores,
        f.rest.map((r) => r.label),
        target,
      );
      for (const r of f.out)
        if (r.label) {
          positives++;
          if (f.scoreOf(r) >= point) tp++;
        }
    }
    last = { target, leftOut: tp / positives };
    console.log(`tune target ${target}: recall on tune articles left out ${(tp / positives).toFixed(3)}`);
    if (tp / positives >= GOAL) return last;
  }
  return last;
}

type Metrics = ReturnType<typeof report>;

/** Precision, recall, F1 and AP of a set at a threshold, printed and returned for the calibration's meta. */
function report(set: Row[], name: string, scoreOf: (r: Row) => number, point: number) {
  const scores = set.map(scoreOf);
  const labels = set.map((r) => r.label);
  const m = binaryMetrics(scores, labels, point);
  const ap = averagePrecision(scores, labels);
  console.log(
    `${name}: ${set.length} sentences, ${m.tp + m.fp} flagged, precision ${m.precision.toFixed(3)} recall ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} AP ${ap.toFixed(3)}`,
  );
  return { flagged: m.tp + m.fp, of: set.length, precision: r3(m.precision), recall: r3(m.recall), f1: r3(m.f1), ap: r3(ap) };
}

/**
 * The lowest recall target whose point, chosen on the other tune articles, keeps GOAL recall on the article left
 * out, for scores that are not refitted per fold (the Russian shift moves one threshold; nothing else is fitted).
 */
function leftOutTarget(tune: Row[], scoreOf: (r: Row) => number): number {
  const files = [...new Set(tune.map((r) => r.file))];
  for (const target of TARGETS) {
    let tp = 0;
    let positives = 0;
    for (const file of files) {
      const rest = tune.filter((r) => r.file !== file);
      const point = operatingPoint(
        rest.map(scoreOf),
        rest.map((r) => r.label),
        target,
      );
      for (const r of tune)
        if (r.file === file && r.label) {
          positives++;
          if (scoreOf(r) >= point) tp++;
        }
    }
    console.log(`ru tune target ${target}: recall on tune articles left out ${(tp / positives).toFixed(3)}`);
    if (tp / positives >= GOAL) return target;
  }
  return TARGETS[TARGETS.length - 1]!;
}

/**
 * Russian: one shift, the highest threshold on the Russian tune articles keeping the recall target that leaving
 * each of them out shows is needed for GOAL recall on an article not chosen on (as the English target is chosen),
 * for a calibration `cal` whose article operating point is `point`.
 */
function russianShift(
  cal: ArticleCalibration,
  point: number,
): { shift: number; ruPoint: number; meta: { ru: { tune: Metrics; test: Metrics }; ruWithoutShift: Metrics } } {
  const ru = rows(NEWS_LABELS_RU);
  const ruTune = ru.filter((r) => r.split === 'tune');
  const plain = (r: Row) => scoreInArticle(r.baseScore, r.features, { ...cal, languageShift: {} }).score;
  const ruPoint = operatingPoint(
    ruTune.map(plain),
    ruTune.map((r) => r.label),
    leftOutTarget(ruTune, plain),
  );
  const shift = r3(logit(point) - logit(ruPoint));
  const withRu: ArticleCalibration = { ...cal, languageShift: { ru: shift } };
  const ruScore = (r: Row) => scoreInArticle(r.baseScore, r.features, withRu, 'ru').score;
  const meta = {
    ru: {
      tune: report(ruTune, 'ru tune', ruScore, point),
      test: report(
        ru.filter((r) => r.split === 'test'),
        'ru test',
        ruScore,
        point,
      ),
    },
    ruWithoutShift: report(ru, 'ru, all, without the Russian shift', plain, point),
  };
  return { shift, ruPoint, meta };
}

function write(calibration: ArticleCalibration): void {
  fs.writeFileSync(OUT, `${JSON.stringify(calibration, null, 1)}\n`);
  console.log(`wrote ${OUT}`);
}

/**
 * `--language-shift-only`: keep the shipped English calibration (weights, base, bias, shift and its meta) and refit
 * only the Russian shift, for a change that reads Russian sentences only.
 */
function refitLanguageShift(): void {
  const shipped = JSON.parse(fs.readFileSync(OUT, 'utf8')) as ArticleCalibration;
  const { shift, ruPoint, meta } = russianShift(shipped, defaultThreshold());
  console.log(`Russian point ${ruPoint.toFixed(3)} -> languageShift.ru ${shift}`);
  write({ ...shipped, languageShift: { ...shipped.languageShift, ru: shift }, meta: { ...shipped.meta, ...meta } });
}

function main(): void {
  exitUnlessShared('calibrate-article (GUM Wikinews articles from ../shared/corpus)');
  if (process.argv.includes('--language-shift-only')) return refitLanguageShift();
  const all = rows(NEWS_LABELS);
  const tune = all.filter((r) => r.split === 'tune');
  const test = all.filter((r) => r.split === 'test');
  const names = [...new Set(all.flatMap((r) => r.features))].filter((n) => !(n in FIXED_WEIGHTS) && !(n in ADJUSTMENTS)).sort();
  const draft = calibrationOf(fit(tune, names), names);
  const weights = draft.weights;
  const { target, leftOut } = recallTarget(tune, names);
  const score = (r: Row) => scoreInArticle(r.baseScore, r.features, draft).score;
  const point = operatingPoint(
    tune.map(score),
    tune.map((r) => r.label),
    target,
  );
  const shift = logit(defaultThreshold()) - logit(point);
  const ru = russianShift(draft, point);
  const calibration: ArticleCalibration = {
    ...draft,
    shift: Math.round(shift * 1000) / 1000,
    languageShift: { ru: ru.shift },
    meta: {
      fittedOn: 'eval/checkworthy-news.tsv, tune articles; languageShift.ru on eval/checkworthy-news-ru.tsv, tune articles',
      settings: { l2: L2, steps: STEPS, rate: RATE, goal: GOAL, tuneRecallTarget: target, leftOutRecall: r3(leftOut) },
      articleThreshold: r3(point),
      tune: report(tune, 'tune', score, point),
      test: report(test, 'test', score, point),
      ...ru.meta,
    },
  };
  console.log(
    `tune recall target ${target}; weights ${JSON.stringify(weights)} base ${draft.base} bias ${draft.bias}; article point ${point.toFixed(3)} -> shift ${calibration.shift}; Russian point ${ru.ruPoint.toFixed(3)} -> languageShift.ru ${ru.shift}`,
  );
  write(calibration);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

main();
