import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderReport } from '../../../electron/core/report/render';
import type { ReportModel } from '../../../electron/core/report/schema';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report';
import { buildReportFixture, type ReportFixture } from '../report/fixture';

const OPTIONS: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, organisation: 'Desk', baseUrl: 'https://desk.example/r' };

let f: ReportFixture;
let model: ReportModel;
beforeAll(async () => {
  f = await buildReportFixture();
  model = buildReportModel({ db: f.ctx.workspace.db, workspaceName: 'fixture', options: OPTIONS });
});
afterAll(() => f.ctx.workspace.close());

const notReviewed = () => model.documents.flatMap((d) => d.claims).filter((c) => c.verdict === null);

describe('every report format shows Not reviewed as its own state', () => {
  it('HTML: a Not reviewed badge and count, never an Unverified one for an untouched claim', () => {
    expect(notReviewed().length).toBeGreaterThan(0);
    const doc = new JSDOM(renderReport('html', model).content).window.document;
    for (const c of notReviewed()) {
      const article = doc.getElementById(`claim-${c.id}`)!;
      expect(article.className).toContain('v-unreviewed');
      expect(article.querySelector('.badge')!.textContent).toContain('Not reviewed');
      expect(article.textContent).toContain('Not reviewed yet');
    }
    expect(doc.querySelector('section.summary')!.textContent).toContain(`Not reviewed${model.summary.unreviewed}`);
  });

  it('Markdown, CSV and JSON name the state; a verdict filter can ask for it', () => {
    const md = renderReport('md', model).content;
    expect(md).toContain(`| **– Not reviewed** | ${model.summary.unreviewed} |`);
    const csv = renderReport('csv', model).content;
    expect(csv.split('\r\n').filter((l) => l.includes(',unreviewed,')).length).toBe(notReviewed().length);
    const json = JSON.parse(renderReport('json', model).content) as ReportModel;
    expect(json.summary.unreviewed).toBe(notReviewed().length);

    const only = buildReportModel({
      db: f.ctx.workspace.db,
      workspaceName: 'fixture',
      options: { ...OPTIONS, scope: { verdicts: ['unreviewed'] } },
    });
    expect(only.summary.total).toBe(notReviewed().length);
    expect(only.documents.flatMap((d) => d.claims).every((c) => c.verdict === null)).toBe(true);
    expect(JSON.parse(renderReport('claimreview', only).content)).toEqual([]);
  });
});
