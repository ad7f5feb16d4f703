import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { REPORT_CSS } from '../../../electron/core/report/html-style';
import { reportModelSchema } from '../../../electron/core/report/schema';
import { createTestContext } from '../../helpers/workspace';

let ctx: ReturnType<typeof createTestContext>;
afterEach(() => ctx.workspace.close());

const ARCHIVE = 'https://web.archive.org/web/20240504000000/https://example.org/briefing';

async function desk() {
  ctx = createTestContext('Ann');
  const ids: string[] = [];
  for (const text of [
    'Drones struck the port overnight, the governor said.',
    'He said 14 drones were shot down.',
    'The port handled 4.2 million tonnes of grain in May.',
    'Exports rose by 12 percent on the year.',
  ]) {
    ids.push((await call(ctx, 'claims.add', { text })).id);
  }
  await call(ctx, 'claims.setVerdict', { ids: [ids[1]!], verdict: 'disputed' });
  await call(ctx, 'claims.setVerdict', { ids: [ids[2]!], verdict: 'unverified' });
  await call(ctx, 'sources.add', {
    claimId: ids[1]!,
    url: 'https://example.org/briefing?id=42',
    title: 'Air force briefing',
    publisher: 'Air Force Command',
    publishedAt: '2024-05-03',
    accessedAt: '2024-05-04',
    archiveUrl: ARCHIVE,
    stance: 'contradicts',
  });
  await call(ctx, 'sources.add', {
    claimId: ids[1]!,
    pasted: 'Fourteen of seventeen drones were destroyed.',
    publisher: 'Air Force Command',
  });
  return ids;
}

describe('the decided-claims scope and sources on paper', () => {
  it('keeps only decided claims, says so, and validates against the report schema', async () => {
    const ids = await desk();
    const r = await call(ctx, 'report.render', { format: 'json', options: { scope: { decided: true } } });
    const model = reportModelSchema.parse(JSON.parse(r.content));
    expect(model.documents.flatMap((d) => d.claims.map((c) => c.id))).toEqual([ids[1], ids[2]]);
    expect(model.scope.decided).toBe(true);
    expect(model.summary).toMatchObject({ total: 2, unreviewed: 0 });
    const all = await call(ctx, 'report.render', { format: 'json', options: { scope: {} } });
    expect(JSON.parse(all.content).summary.total).toBe(4);
    const md = await call(ctx, 'report.render', { format: 'md', options: { scope: { decided: true } } });
    expect(md.content).toContain('decided claims only');
  });

  it('prints every source’s full link and archived copy as text, with its publisher and dates', async () => {
    await desk();
    const html = (await call(ctx, 'report.render', { format: 'html', options: { scope: { decided: true } } })).content;
    const doc = new JSDOM(html).window.document;
    const items = [...doc.querySelectorAll('ul.sources li')];
    expect(items).toHaveLength(2);
    const printed = [...items[0]!.querySelectorAll('.url')].map((u) => u.textContent);
    expect(printed).toEqual([`Link: https://example.org/briefing?id=42`, `Archived copy: ${ARCHIVE}`]);
    expect(items[0]!.textContent).toContain('Air Force Command, published 3 May 2024, accessed 4 May 2024');
    // A pasted passage is named by its origin, not "Untitled source", and only once.
    expect(items[1]!.textContent!.match(/Air Force Command/g)).toHaveLength(1);
    expect(html).not.toContain('Untitled source');

    // The CSV keeps what the other formats print of each source.
    const csv = (await call(ctx, 'report.render', { format: 'csv', options: { scope: { decided: true } } })).content;
    const [header, row] = parseCsv(csv.replace(/^\uFEFF/, '')) as string[][];
    expect(row![header!.indexOf('sources')]!.split('\n')).toEqual([
      'Contradicts: Air force briefing — Air Force Command, published 3 May 2024, accessed 4 May 2024, added by Ann <https://example.org/briefing?id=42>',
      `  archived copy <${ARCHIVE}>`,
      expect.stringMatching(/^[A-Z][a-z]+: Air Force Command — added by Ann$/),
      '  “Fourteen of seventeen drones were destroyed.”',
    ]);

    const md = (await call(ctx, 'report.render', { format: 'md', options: { scope: { decided: true } } })).content;
    expect(md).toContain('Link: <https://example.org/briefing?id=42>');
    expect(md).toContain(`Archived copy: <${ARCHIVE}>`);
  });

  it('keeps headings with their content and short reports short when printed', () => {
    const print = REPORT_CSS.slice(REPORT_CSS.indexOf('@media print'));
    // The first document follows the summary; later ones start a page.
    expect(print).toMatch(/section\.document \+ section\.document \{ break-before: page;/);
    expect(print).not.toMatch(/section\.appendix \{ break-before: page/);
    expect(print).toMatch(/figcaption, \.kicker \{ break-after: avoid; break-inside: avoid; \}/);
    expect(print).toMatch(/figure\.context, \.rationale[^{]*\{ break-inside: avoid; \}/);
    expect(print).toMatch(/h2, h3, h4 \{ break-after: avoid; \}/);
  });
});
