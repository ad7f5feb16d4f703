/**
 * Spotting throughput on news (one core): segmentation + check-worthiness scoring in context + claimant, as
 * the importer runs it (shared/text/candidates.ts analyzeText), against Intl.Segmenter alone over the same
 * text in the same run. Target: >= 5 MB/s, which is a ratio of 0.23 where Intl.Segmenter reads 22 MB/s; the
 * ratio is what compares across machines. Also each stage alone, to show where the time goes.
 */
import { attributeSentences } from '../shared/spotting/claimant';
import { defaultSpotter } from '../shared/spotting/index';
import { analyzeText, proseSentences } from '../shared/text/candidates';
import { exitUnlessShared, gumArticles } from '../test/helpers/corpus';
import { median, report, round, timeMs } from './lib';

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
const runs = 5;

function mbPerSecond(fn: () => void): number {
  fn(); // warm up
  return mb / (median(Array.from({ length: runs }, () => timeMs(fn))) / 1000);
}

const icu = mbPerSecond(() => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let n = 0;
  for (const d of docs) for (const p of d.split('\n')) for (const _ of segmenter.segment(p)) n++;
  if (n === 0) throw new Error('no sentences');
});
const ours = mbPerSecond(() => {
  for (const d of docs) analyzeText(d);
});
const spotter = defaultSpotter();
const sentences = docs.map((d) => proseSentences(d).map((s) => s.text));
const segmentOnly = mbPerSecond(() => {
  for (const d of docs) proseSentences(d);
});
const scoreOnly = mbPerSecond(() => {
  for (const doc of sentences) for (const s of doc) spotter.score(s);
});
const claimantOnly = mbPerSecond(() => {
  for (const doc of sentences) attributeSentences(doc);
});

report({
  name: 'segment+score+claimant throughput (news)',
  value: round(ours),
  unit: 'MB/s',
  baseline: round(icu),
  target: '>= 5 MB/s',
  pass: ours >= 5,
  note: `${round(mb)} MB of Wikinews prose in ${docs.length} documents, median of ${runs}; baseline Intl.Segmenter alone`,
});
report({
  name: 'segment+score+claimant as a share of Intl.Segmenter alone',
  value: round(ours / icu),
  unit: 'ratio',
  target: '>= 0.23 (5 MB/s where Intl.Segmenter reads 22 MB/s)',
  pass: ours / icu >= 0.23,
});
report({ name: 'stage: segmentation alone', value: round(segmentOnly), unit: 'MB/s', baseline: round(icu) });
report({ name: 'stage: sentence scoring alone', value: round(scoreOnly), unit: 'MB/s', baseline: round(icu) });
report({ name: 'stage: claimants alone', value: round(claimantOnly), unit: 'MB/s', baseline: round(icu) });
