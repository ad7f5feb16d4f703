/**
 * PDF pages whose blocks sit apart in the layout (an infobox table beside the body, its caption, a form's rows)
 * come out as separate paragraphs, so no table or caption runs on into the body's sentences.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../../electron/core/ingest/extract';
import { pageParagraphs, type TextItemLike } from '../../../electron/core/ingest/pdf-layout';
import { analyzeText } from '../../../shared/text/candidates';
import { printPdfs } from '../../helpers/built-docs';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';

const ROWS: [string, string][] = [
  ['Original author(s)', 'Andrea Galli'],
  ['Developer(s)', 'Harbour Software Foundation'],
  ['Initial release', '2 July 2011'],
  ['Stable release', '4.0.379 / December 31, 2023, with a long note that wraps inside its cell'],
  ['Written in', 'JavaScript, CSS, HTML'],
  ['Size', '3.94 MB'],
  ['License', 'Apache License 2.0'],
];
const CAPTION = 'The viewer in a browser, with a table of contents displayed on the sidebar';
const BODY = [
  'Harbourview is a library that renders documents in the browser using web standards. The project is led by the Harbour Software Foundation after Andrea Galli launched it in 2011.',
  'Harbourview was first released as an extension and has been included in the browser since 2012. It was enabled by default in 2013, when 40 million people used it.',
];

function infoboxPage(): string {
  const rows = ROWS.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('');
  return `<!doctype html><html><head><style>
  body { font: 12px/1.4 sans-serif; margin: 30px; }
  .infobox { float: right; width: 230px; margin: 0 0 10px 16px; border-collapse: collapse; font-size: 11px; }
  .infobox caption { font-size: 11px; padding: 4px; }
  .infobox th { text-align: left; vertical-align: top; width: 90px; padding: 4px; }
  .infobox td { padding: 4px; }
  p { text-align: justify; }
  </style></head><body>
  <h1>Harbourview</h1>
  <table class="infobox"><caption>${CAPTION}</caption><tbody>${rows}</tbody></table>
  ${BODY.map((p) => `<p>${p}</p>`).join('\n')}
  </body></html>`;
}

const paragraphs = (text: string) => text.split(/\n{2,}/).map((p) => p.replace(/\s+/g, ' ').trim());

describe('PDF blocks that sit apart in the layout', () => {
  let text: string;
  beforeAll(async () => {
    const [pdf] = await printPdfs([infoboxPage()]);
    text = (await extractDocument('harbourview.pdf', pdf!)).text;
  }, 60_000);

  it('gives each infobox row a paragraph of its own, a wrapped value kept with its label', () => {
    const paras = paragraphs(text);
    for (const [label, value] of ROWS) expect(paras).toContain(`${label} ${value}`);
  });

  it('keeps the caption and the body out of the table rows', () => {
    const paras = paragraphs(text);
    expect(paras).toContain(CAPTION);
    const body = paras.filter((p) => p.includes(BODY[0]!.slice(0, 40)) || p.includes(BODY[1]!.slice(0, 40)));
    expect(body.join(' ')).toBe(BODY.join(' '));
  });

  it('lists no claim that runs two rows, or a row and the caption, together', () => {
    const claims = analyzeText(text).filter((s) => s.checkWorthy);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      const labels = ROWS.filter(([label]) => claim.text.includes(label));
      expect(labels, claim.text).toEqual([]);
    }
  });
});

describe.skipIf(withoutShared(import.meta.url))('the Wikipedia article on PDF.js printed to PDF (corpus)', () => {
  it('reads its infobox as rows, none of them a check-worthy claim', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(CORPUS_DIR, 'fixtures/pdf/pdfjs_wikipedia.pdf')));
    const doc = await extractDocument('pdfjs_wikipedia.pdf', bytes);
    const paras = paragraphs(doc.text);
    expect(paras).toContain('Developer(s) Mozilla');
    expect(paras).toContain('Stable release 4.0.379[2] / December 31, 2023');
    const scored = analyzeText(doc.text);
    const rows = scored.filter((s) => /^(?:Original author|Developer|Initial release|Stable release|License)\b/.test(s.text));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.checkWorthy, row.text).toBe(false);
    expect(scored.some((s) => s.checkWorthy && s.text.startsWith('The project is led by the Mozilla Corporation'))).toBe(true);
  });
});

describe('a hostile page layout', () => {
  it('reads a page of one 20,000-item line and 4,000 short table-like lines', () => {
    const items: TextItemLike[] = [];
    for (let k = 0; k < 20_000; k++)
      items.push({ str: `w${k}`, transform: [1, 0, 0, 1, k * 7 + (k % 5) * 9, 800], width: 5, height: 10 });
    for (let row = 0; row < 4_000; row++) {
      const y = 780 - row * 12;
      items.push({ str: `Label ${row}`, transform: [1, 0, 0, 1, 20, y], width: 40, height: 10 });
      items.push({ str: `Value ${row}`, transform: [1, 0, 0, 1, 140 + (row % 3), y], width: 40, height: 10, hasEOL: true });
    }
    const paragraphs = pageParagraphs(items);
    expect(paragraphs[0]!.text.startsWith('w0')).toBe(true);
    expect(paragraphs.filter((p) => p.row).length).toBeGreaterThan(3_000);
  });
});
