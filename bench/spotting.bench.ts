/**
 * Spotting throughput on news (one core): segmentation + check-worthiness scoring in context + claimant, as
 * the importer runs it (shared/text/candidates.ts analyzeText), against Intl.Segmenter alone over the same
 * text in the same run. Target: >= 5 MB/s, which is a ratio of 0.23 where Intl.Segmenter reads 22 MB/s; the
 * ratio is what compares across machines. Also each stage alone, to show where the time goes.
 */
import { attributeSentences } from '../shared/spotting/claimant';
import { defaultSpotter } from '../shared/spotting/index';
import { forgetSentenceReadings } from '../shared/spotting/word-gate';
import { analyzeText, proseSentences } from '../shared/text/candidates';
import { exitUnlessShared, gumArticles } from '../test/helpers/corpus';
import { median, report, round } from './lib';

exitUnlessShared('bench spotting (Wikinews articles from ../shared/corpus)');

/** About 2 MB of real Wikinews prose: the 12 GUM articles, each analysed as its own document, repeated. */
function newsDocuments(): string[] {
  const articles = gumArticles().map((a) => a.text);
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < 2_000_000; i++) {
    const a = articles[i % articles.length]!;
    docs.push(a);
    size += a.length;
  }
  return docs;
}

const docs = newsDocuments();
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d, 'utf8'), 0) / 1_048_576;
const runs = 7;

/**
 * CPU milliseconds this process spent in fn: on a machine shared with other work, wall-clock time also
 * counts the waits for a core, which swing by several times from one run to the next.
 */
function cpuMs(fn: () => void): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

function icuAlone(): void {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let n = 0;
  for (const d of docs) for (const p of d.split('\n')) for (const _ of segmenter.segment(p)) n++;
  if (n === 0) throw new Error('no sentences');
}

/**
 * MB/s of fn and of Intl.Segmenter alone, timed in alternation so that both see the same load on a shared
 * machine; the ratio is the median of the per-pair ratios.
 */
function againstIcu(fn: () => void): { ours: number; icu: number; ratio: number } {
  fn();
  icuAlone();
  const ours: number[] = [];
  const icu: number[] = [];
  const ratios: number[] = [];
  for (let k = 0; k < runs; k++) {
    const a = cpuMs(icuAlone);
    const b = cpuMs(fn);
    icu.push(a);
    ours.push(b);
    ratios.push(a / b);
  }
  return { ours: mb / (median(ours) / 1000), icu: mb / (median(icu) / 1000), ratio: median(ratios) };
}

const spotter = defaultSpotter();
const sentences = docs.map((d) => proseSentences(d).map((s) => s.text));
const all = againstIcu(() => {
  for (const d of docs) analyzeText(d);
});
const stages = {
  segmentation: againstIcu(() => {
    for (const d of docs) proseSentences(d);
  }),
  'sentence scoring': againstIcu(() => {
    for (const doc of sentences) {
      forgetSentenceReadings();
      for (const s of doc) spotter.score(s);
    }
  }),
  claimants: againstIcu(() => {
    for (const doc of sentences) {
      forgetSentenceReadings();
      attributeSentences(doc);
    }
  }),
};

report({
  name: 'segment+score+claimant throughput (news)',
  value: round(all.ours),
  unit: 'MB/s',
  baseline: round(all.icu),
  ratio: round(all.ratio, 3),
  target: '>= 5 MB/s',
  pass: all.ours >= 5,
  note: `${round(mb)} MB of Wikinews prose in ${docs.length} documents, median of ${runs}, CPU time; baseline Intl.Segmenter alone, timed in alternation`,
});
report({
  name: 'segment+score+claimant as a share of Intl.Segmenter alone',
  value: round(all.ratio, 3),
  unit: 'ratio',
  target: '>= 0.23 (5 MB/s where Intl.Segmenter reads 22 MB/s)',
  pass: all.ratio >= 0.23,
});
for (const [stage, r] of Object.entries(stages))
  report({ name: `stage: ${stage} alone`, value: round(r.ours), unit: 'MB/s', baseline: round(r.icu), ratio: round(r.ratio, 3) });
