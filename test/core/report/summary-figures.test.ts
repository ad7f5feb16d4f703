import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { CHROMIUM_ARGS, chromiumPath } from '../../../electron/core/report/pdf';
import { renderReport } from '../../../electron/core/report/render';
import type { ReportModel } from '../../../electron/core/report/schema';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report';
import { createTestContext } from '../../helpers/workspace';

/**
 * The summary's figures on real reports: a desk where one verdict holds nearly every claim and a
 * small one where the shares are thirds and sevenths, plus claims that belong to no document.
 */
const OUT = path.resolve('test-results/report');
const contexts: ReturnType<typeof createTestContext>[] = [];
let browser: Browser;

/** A workspace with one document holding claims of the given verdicts, and `loose` disputed claims outside any document. */
async function desk(counts: { sourced: number; disputed: number; unverified: number }, loose = 0): Promise<ReportModel> {
  const ctx = createTestContext('Ana');
  contexts.push(ctx);
  const { document } = await call(ctx, 'documents.createFromText', {
    title: 'Trade figures',
    text: 'The ministry said exports rose.',
  });
  for (const [verdict, n] of Object.entries(counts) as [keyof typeof counts, number][]) {
    const ids: string[] = [];
    for (let i = 0; i < n - (verdict === 'disputed' ? loose : 0); i++) {
      ids.push((await call(ctx, 'claims.add', { documentId: document.id, text: `Exports to region ${verdict} ${i} rose.` })).id);
    }
    if (verdict === 'disputed') {
      for (let i = 0; i < loose; i++) ids.push((await call(ctx, 'claims.add', { text: `A claim heard on air ${i}.` })).id);
    }
    if (ids.length) await call(ctx, 'claims.setVerdict', { ids, verdict, rationale: 'Checked.' });
  }
  return buildReportModel({
    db: ctx.workspace.db,
    workspaceName: 'desk',
    options: { ...DEFAULT_REPORT_OPTIONS, title: 'Desk report', scope: { decided: true } },
  });
}

let skewed: ReportModel;
let thirds: ReportModel;

beforeAll(async () => {
  skewed = await desk({ sourced: 197, disputed: 2, unverified: 1 }, 1);
  thirds = await desk({ sourced: 2, disputed: 2, unverified: 3 });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  fs.mkdirSync(OUT, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const ctx of contexts) ctx.workspace.close();
});

function chart(model: ReportModel) {
  const doc = new JSDOM(renderReport('html', model).content).window.document;
  const svg = doc.querySelector('svg.chart')!;
  const track = Number(svg.querySelector('g rect')!.getAttribute('width'));
  return {
    doc,
    figures: [...svg.querySelectorAll('text.figure')].map((t) => t.textContent),
    fills: [...svg.querySelectorAll('rect.bar')].map((r) => Number(r.getAttribute('width')) / track),
  };
}

describe('summary figures', () => {
  it('give shares that add up to 100%, with "<1%" for a small share that is not zero', () => {
    expect(skewed.summary).toMatchObject({ total: 200, sourced: 197, disputed: 2, unverified: 1, unreviewed: 0 });
    expect(chart(skewed).figures).toEqual(['197 · 99%', '2 · 1%', '1 · <1%', '0 · 0%']);
    // 2, 2 and 3 of 7 are 28.6%, 28.6% and 42.9%: rounded each on its own they made 101%.
    expect(chart(thirds).figures).toEqual(['2 · 29%', '2 · 28%', '3 · 43%', '0 · 0%']);
    const md = renderReport('md', thirds).content;
    const mdShares = [...md.matchAll(/^\| .+ \| \d+ \| (\d+)% \|$/gm)].map((m) => Number(m[1]));
    expect(mdShares).toEqual([29, 28, 43, 0]);
  });

  it('draw each bar as its share of all claims, not of the largest count', () => {
    const fills = chart(thirds).fills;
    expect(fills.map((f) => Math.round(f * 100))).toEqual([29, 29, 43, 0]);
  });

  it('count the same documents in the summary and in the document headings', () => {
    const { doc } = chart(skewed);
    expect(doc.querySelector('.summary .total small')!.textContent).toMatch(
      /^claims in 1 document, 1 without a document · 200 reviewed$/,
    );
    expect([...doc.querySelectorAll('section.document .kicker')].map((k) => k.textContent)).toEqual([
      'Document 1 of 1',
      'Not in a document',
    ]);
    const md = renderReport('md', skewed).content;
    expect(md).toContain('## Document 1: Trade figures');
    expect(md).toContain('## Claims without a document');
    expect(md).not.toContain('## Document 2');
  });

  it.each([
    [1024, 640],
    [1440, 900],
  ])('keep every figure inside the chart and the window at %ix%i', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    try {
      await page.setContent(renderReport('html', skewed).content);
      const boxes = await page.$$eval('svg.chart', ([svg]) => {
        const outer = svg!.getBoundingClientRect();
        return {
          svgRight: outer.right,
          figureRights: [...svg!.querySelectorAll('text.figure')].map((t) => t.getBoundingClientRect().right),
          pageWidth: document.documentElement.scrollWidth,
        };
      });
      for (const right of boxes.figureRights) expect(right).toBeLessThanOrEqual(boxes.svgRight + 1);
      expect(boxes.svgRight).toBeLessThanOrEqual(width);
      expect(boxes.pageWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(OUT, `summary-${width}.png`) });
    } finally {
      await page.close();
    }
  });
});
