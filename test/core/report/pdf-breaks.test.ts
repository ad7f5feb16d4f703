import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { exportReport } from '../../../electron/core/report/export';
import { createTestContext } from '../../helpers/workspace';

/**
 * Where the pages of a printed report break. Fourteen decided claims whose rationales run from one
 * to five lines put a page break just before some claim's decision line; that line must travel
 * with the block above it rather than open the next page on its own.
 */
const OUT = path.resolve('test-results/report');
const pdfFile = path.join(OUT, 'page-breaks.pdf');
let ctx: ReturnType<typeof createTestContext>;
const LONG_CLAIM = 'Exports to all regions together rose by a third over the decade, the ministry said.';

function pageTexts(file: string): string[] {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
}

beforeAll(async () => {
  ctx = createTestContext('Ana');
  const sentences = Array.from(
    { length: 14 },
    (_, i) => `The ministry said exports to region ${i + 1} rose to ${i + 3}.3 percent in ${2001 + i}.`,
  );
  await call(ctx, 'documents.createFromText', { title: 'Trade figures', text: sentences.join(' ') });
  const claims = (await call(ctx, 'claims.list', {})).items;
  for (const [i, c] of claims.entries()) {
    const rationale =
      'The figure matches the annual statistics table published by the ministry in its yearly review of trade. '.repeat(
        1 + ((i * 7 + 9) % 5),
      );
    await call(ctx, 'claims.setVerdict', { ids: [c.id], verdict: i % 2 ? 'sourced' : 'disputed', rationale });
    if (i % 3 === 0) {
      await call(ctx, 'sources.add', {
        claimId: c.id,
        url: `https://stats.example/trade/${i}`,
        title: `Annual trade review, table ${i + 1}`,
        excerpt: 'Exports to the region rose in the year under review, the table shows.',
        stance: 'supports',
      });
      await call(ctx, 'notes.add', { claimId: c.id, text: `Checked table ${i + 1} against the printed edition.` });
    }
  }
  // One claim whose rationale alone is longer than a page.
  const long = await call(ctx, 'claims.add', { documentId: claims[0]!.documentId!, text: LONG_CLAIM });
  const paragraph = 'The ministry’s figure rests on a revised series that the statistics office has not yet published. ';
  await call(ctx, 'claims.setVerdict', {
    ids: [long.id],
    verdict: 'unverified',
    rationale: Array.from({ length: 14 }, (_, i) => `Step ${i + 1}. ${paragraph.repeat(3)}`).join('\n\n'),
  });
  fs.mkdirSync(OUT, { recursive: true });
  await exportReport({ format: 'pdf', path: pdfFile }, ctx);
}, 120_000);
afterAll(() => ctx.workspace.close());

describe('page breaks in a printed report', () => {
  it('never leaves a claim’s decision line alone at the top of a page', () => {
    const pages = pageTexts(pdfFile);
    expect(pages.length).toBeGreaterThan(4);
    const decisions = pages.join('\n').match(/Verdict set by Ana/g) ?? [];
    expect(decisions).toHaveLength(15);
    const openings = pages.slice(1).map((t) =>
      t
        .split('\n')
        .find((l) => l.trim() !== '')!
        .trim(),
    );
    expect(openings.filter((line) => line.startsWith('Verdict set by'))).toEqual([]);
  });

  it('prints a claim that fits on a page on one page, from its heading to its decision line', () => {
    // Each page's claim headings ("Claim 3"), decision lines and the long rationale's steps, in reading order.
    const marks = pageTexts(pdfFile).flatMap((text, page) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^Claim \d+$/.test(line) || line.startsWith('Verdict set by') || line.startsWith('Step '))
        .map((line) => ({ line, page })),
    );
    const blocks = marks.flatMap((m, i) => {
      if (!m.line.startsWith('Claim ')) return [];
      const rest = marks.slice(i + 1);
      const end = rest.find((n) => n.line.startsWith('Verdict set by'))!;
      return [{ claim: m.line, first: m.page, last: end.page, long: rest.indexOf(end) > 0 }];
    });
    expect(blocks).toHaveLength(15);
    for (const b of blocks.filter((x) => !x.long)) expect(b.last, b.claim).toBe(b.first);
    // The claim longer than a page runs on to the next page, every step and its decision line printed.
    const long = blocks.filter((x) => x.long);
    expect(long).toHaveLength(1);
    expect(long[0]!.last).toBe(long[0]!.first + 1);
    expect(marks.filter((m) => m.line.startsWith('Step ')).map((m) => m.line.split(' ')[1])).toEqual(
      Array.from({ length: 14 }, (_, i) => `${i + 1}.`),
    );
  });
});
