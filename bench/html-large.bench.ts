/**
 * Importing a 9 MB flat HTML page of 100,000 paragraphs (it once took 190 s and 2.7 GB): the whole
 * parse (HTML extraction, segmentation and scoring) against the same text imported as plain .txt in
 * the same run, so the ratio is what the HTML costs on top. A quarter-size page measured the same
 * way shows the time grows linearly with the page (ratio ~4 for 4 times the paragraphs).
 */
import { parseFile } from '../electron/core/ingest/parse';
import { flatHtml } from '../test/helpers/hostile';
import { median, report, round, timeMsAsync } from './lib';

async function measure(bytes: Uint8Array, name: string): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 2; i++) runs.push(await timeMsAsync(async () => void (await parseFile(name, bytes))));
  return median(runs);
}

const big = flatHtml(100_000);
const quarter = flatHtml(25_000);
const text = (await parseFile('flat.html', big)).document.text;
const asText = new Uint8Array(Buffer.from(text));

const html = await measure(big, 'flat.html');
const txt = await measure(asText, 'flat.txt');
const small = await measure(quarter, 'quarter.html');
const heapMb = process.memoryUsage().rss / 1048576;

report({
  name: 'flat HTML, 100k paragraphs (9 MB): parse vs the same text as .txt',
  value: round(html),
  unit: 'ms',
  baseline: round(txt),
  target: 'ratio <= 3',
  pass: html / txt <= 3,
  note: `rss ${round(heapMb, 0)} MB`,
});
report({
  name: 'flat HTML: 100k paragraphs vs 25k (linear growth)',
  value: round(html),
  unit: 'ms',
  baseline: round(small),
  target: 'ratio <= 5',
  pass: html / small <= 5,
});
