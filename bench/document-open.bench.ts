/**
 * Opening a document of about 4,000 sentences in the document view (`ingest.sentences`): reading the
 * sentences stored at import, against analysing the whole text again as every open did before
 * (segment, score, attribute), in the same run on the same document (target: ratio <= 0.5).
 * Also reported: the first open of a document that has no stored sentences yet (an older workspace,
 * a teammate's document), which analyses once and stores.
 */
import { call } from '../electron/core/dispatch';
import { stopParseWorker } from '../electron/core/ingest/worker-pool';
import { analyzeText } from '../shared/text/candidates';
import { BUILT_ARTICLES, BUILT_DEBATE_CLAIMS } from '../test/helpers/built-articles';
import { createTestContext } from '../test/helpers/workspace';
import { median, report, round, timeMs, timeMsAsync } from './lib';

const SENTENCES = 4_000;
const RUNS = 7;

/** Built news paragraphs repeated, each copy's figures changed so sentences differ. */
function longArticle(): string {
  const sentences = [...BUILT_ARTICLES.flatMap((a) => a.sentences), ...BUILT_DEBATE_CLAIMS];
  const paragraphs: string[] = [];
  for (let n = 0; n < SENTENCES; n += 5) {
    const five = Array.from({ length: 5 }, (_, i) => sentences[(n + i) % sentences.length]!.replace(/\d+/, String(n + i)));
    paragraphs.push(five.join(' '));
  }
  return paragraphs.join('\n\n');
}

async function main(): Promise<void> {
  const ctx = createTestContext('Bench');
  const { workspace } = ctx;
  const { document } = await call(ctx, 'documents.createFromText', { text: longArticle(), title: 'Long article' });
  const documentId = document.id;
  const { text } = await call(ctx, 'documents.get', { id: documentId });
  const count = (await call(ctx, 'ingest.sentences', { documentId })).sentences.length;

  // What every open cost before sentences were stored: the whole analysis of the text.
  const reanalyse: number[] = [];
  const stored: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    reanalyse.push(timeMs(() => void analyzeText(text)));
    stored.push(await timeMsAsync(async () => void (await call(ctx, 'ingest.sentences', { documentId }))));
  }
  const firstOpen: number[] = [];
  for (let i = 0; i < 3; i++) {
    workspace.db.prepare('DELETE FROM document_analysis WHERE document_id = ?').run(documentId);
    firstOpen.push(await timeMsAsync(async () => void (await call(ctx, 'ingest.sentences', { documentId }))));
  }
  workspace.close();
  stopParseWorker();

  const value = median(stored);
  const baseline = median(reanalyse);
  report({
    name: `document open, ${count} sentences: stored sentences`,
    value: round(value, 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    target: 'ratio <= 0.5 (against re-analysing the text, as every open did before)',
    pass: value <= baseline * 0.5,
  });
  report({
    name: `document open, ${count} sentences: first open without stored sentences (analyse + store)`,
    value: round(median(firstOpen), 1),
    unit: 'ms',
    baseline: round(baseline, 1),
    note: 'once per document that predates stored sentences',
  });
}

await main();
