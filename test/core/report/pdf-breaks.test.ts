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
  }
  fs.mkdirSync(OUT, { recursive: true });
  await exportReport({ format: 'pdf', path: pdfFile }, ctx);
}, 120_000);
afterAll(() => ctx.workspace.close());

describe('page breaks in a printed report', () => {
  it('never leaves a claim’s decision line alone at the top of a page', () => {
    const pages = pageTexts(pdfFile);
    expect(pages.length).toBeGreaterThan(4);
    const decisions = pages.join('\n').match(/Verdict set by Ana/g) ?? [];
    expect(decisions).toHaveLength(14);
    const openings = pages.slice(1).map((t) =>
      t
        .split('\n')
        .find((l) => l.trim() !== '')!
        .trim(),
    );
    expect(openings.filter((line) => line.startsWith('Verdict set by'))).toEqual([]);
  });
});
