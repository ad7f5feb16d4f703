import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { exportReport } from '../../../electron/core/report/export';
import { CHROMIUM_ARGS, chromiumPath } from '../../../electron/core/report/pdf';
import { BUILT_ARTICLES } from '../../helpers/built-articles';
import { clockMovesOn } from '../../helpers/clock';
import { tempDir } from '../../helpers/workspace';
import { exchange, person, type TestContext } from '../team/team-helpers';

/**
 * Which blocks a printed report keeps whole, on a desk after a team exchange: claims whose two
 * teammates disagree (with rationales of different lengths, so the conflict blocks land all over
 * the pages), sources, a note and an attached Word file in the evidence appendix.
 */
const OUT = path.resolve('test-results/report');
let mara: TestContext;
let ben: TestContext;
let threeDocId: string;
const wholeFile = path.join(OUT, 'print-blocks.pdf');
const threeFile = path.join(OUT, 'print-three.pdf');
const htmlFile = path.join(OUT, 'print-three.html');

const sentence = 'The statistics office table for the year gives a different figure from the one quoted. ';

beforeAll(async () => {
  const dir = tempDir();
  mara = person(dir, 'Mara');
  ben = person(dir, 'Ben');
  const docs = [];
  for (const a of BUILT_ARTICLES.slice(0, 2)) {
    docs.push((await call(mara, 'documents.createFromText', { title: a.title, text: a.text })).document.id);
  }
  threeDocId = docs[1]!;
  const many = (await call(mara, 'claims.list', { documentId: docs[0] })).items.slice(0, 9);
  for (let i = 0; many.length < 18; i++) {
    many.push(
      await call(mara, 'claims.add', { documentId: docs[0], text: `The port handled ${i + 2} million containers last year.` }),
    );
  }
  const three = (await call(mara, 'claims.list', { documentId: docs[1] })).items.slice(0, 3);
  exchange(mara, ben);
  const conflicted = [...many.map((c) => c.id), three[0]!.id];
  for (const [i, id] of conflicted.entries()) {
    await call(ben, 'claims.setVerdict', {
      ids: [id],
      verdict: 'disputed',
      rationale: `Ben: the ruling was published on ${i + 10} January.`,
    });
    // Mara decides later, so hers is the decision each claim shows until someone settles it.
    await clockMovesOn();
    await call(mara, 'claims.setVerdict', {
      ids: [id],
      verdict: 'unverified',
      rationale: `Mara: ${sentence.repeat(1 + ((i * 5 + 1) % 7))}`,
    });
  }
  exchange(ben, mara);
  const [, sourced, disputed] = three;
  await call(mara, 'claims.setVerdict', { ids: [sourced!.id], verdict: 'sourced', rationale: 'The agency release says so.' });
  await call(mara, 'sources.add', {
    claimId: sourced!.id,
    url: 'https://example.org/agency/release',
    title: 'Agency release',
    publisher: 'Example Agency',
    publishedAt: '2020-01',
    stance: 'supports',
    file: { name: 'notes.docx', mime: 'application/octet-stream', base64: Buffer.from('PK fake docx').toString('base64') },
  });
  await call(mara, 'claims.setVerdict', { ids: [disputed!.id], verdict: 'disputed', rationale: 'The census says otherwise.' });
  await call(mara, 'notes.add', { claimId: disputed!.id, text: 'Ben agrees.' });
  expect((await call(mara, 'conflicts.list', {})).length).toBe(conflicted.length);

  fs.mkdirSync(OUT, { recursive: true });
  await exportReport({ format: 'pdf', path: wholeFile, options: { scope: { decided: true } } }, mara);
  const threeScope = { scope: { decided: true, documentIds: [threeDocId] } };
  await exportReport({ format: 'pdf', path: threeFile, options: threeScope }, mara);
  await exportReport({ format: 'html', path: htmlFile, options: threeScope }, mara);
}, 180_000);
afterAll(() => {
  mara?.workspace.close();
  ben?.workspace.close();
});

/** Each page's text lines, without the page footer Chromium draws. */
function pages(file: string): string[][] {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/Page \d+ of \d+$/.test(l) && l !== 'Fact-check report'),
  );
}

const pageOf = (all: string[][], match: (line: string) => boolean) => all.findIndex((p) => p.some(match));
const lastPageOf = (all: string[][], match: (line: string) => boolean) => all.findLastIndex((p) => p.some(match));

function expectBlocksWhole(file: string): string[][] {
  const all = pages(file);
  for (const [n, page] of all.entries()) {
    // Every side of an open conflict is on the page its heading is on.
    page.forEach((line, i) => {
      if (line !== 'CONFLICTING DECISIONS, NOT SETTLED YET') return;
      const rest = page.slice(i + 1).join('\n');
      expect(rest, `page ${n + 1}`).toMatch(/Ben · /);
      // Her line may wrap once (how wide the time of day prints moves the break).
      expect(rest, `page ${n + 1}`).toMatch(/Mara · [^\n]*\n?[^\n]*shown above until settled/);
    });
    // A page never ends on a heading.
    expect(page.at(-1), `page ${n + 1}`).not.toMatch(
      /^(RATIONALE|SOURCES|NOTES|ATTACHED FILES|CONFLICTING DECISIONS.*|Evidence appendix|DOCUMENT \d+ OF \d+)$/,
    );
  }
  // The appendix heading is on the page of its table, and the last page holds more than the colophon.
  expect(pageOf(all, (l) => l === 'Evidence appendix')).toBe(lastPageOf(all, (l) => l.startsWith('notes.docx')));
  const last = all.at(-1)!.filter((l) => !/^(Generated .* by Claimbench|Workspace fingerprint|changes\)\.|sha256:)/.test(l));
  expect(last.length).toBeGreaterThan(2);
  return all;
}

describe('a printed report keeps its blocks whole', () => {
  it('on a desk with many open conflicts', () => {
    const all = expectBlocksWhole(wholeFile);
    // The document heading (kicker, title) is on one page.
    for (const d of BUILT_ARTICLES.slice(0, 2)) {
      const title = d.title.split(' ').slice(0, 3).join(' ');
      expect(pageOf(all, (l) => l.startsWith(title))).toBeGreaterThanOrEqual(0);
    }
  });

  it('and three decided claims fit in three pages', () => {
    const all = expectBlocksWhole(threeFile);
    execFileSync('pdftoppm', ['-png', '-r', '60', threeFile, path.join(OUT, 'print-three')]);
    expect(all.length).toBeLessThanOrEqual(3);
  });
});

describe('the HTML report in a browser window', () => {
  it.each([
    [1024, 640],
    [1440, 900],
  ])(
    'at %ix%i names the attached file’s type, spells dates alike, prints a digest once and stays light',
    async (width, height) => {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme: 'dark' });
        await page.goto(`file://${htmlFile}`);
        const appendix = await page.$$eval('table.appendix tr', (rows) =>
          rows.map((r) =>
            [...r.children].map((cell) => {
              const range = document.createRange();
              range.selectNodeContents(cell);
              // One line box per line of text: more rects than words means a word was broken.
              const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
              return { text: cell.textContent!.trim(), lines: lines.size, words: cell.textContent!.trim().split(/\s+/).length };
            }),
          ),
        );
        const [head, row] = appendix;
        expect(head!.map((c) => c.text)).toEqual(['File', 'Type', 'Size', 'SHA-256', 'Claims']);
        expect(row!.map((c) => c.text).slice(0, 3)).toEqual(['notes.docx', 'Word document', '12\u00a0B']);
        for (const cell of [...head!, ...row!.filter((c) => c.text !== row![3]!.text)]) {
          expect(cell.lines, cell.text).toBeLessThanOrEqual(cell.words);
        }
        const body = await page.textContent('body');
        expect(body).toContain('published January 2020');
        expect(body).not.toMatch(/published \d{4}-\d{2}/);
        const digest = row![3]!.text;
        // The claim prints the file's digest once (in its attached files); the appendix once more.
        expect(body!.split(digest).length - 1).toBe(2);
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
        await page.evaluate(() => document.querySelector('#evidence-appendix')!.scrollIntoView());
        await page.screenshot({ path: path.join(OUT, `appendix-${width}-dark-browser.png`) });
      } finally {
        await browser.close();
      }
    },
  );
});
