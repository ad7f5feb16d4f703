import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOne } from '../../../electron/core/ingest/batch';
import { MAX_READABLE_ELEMENTS } from '../../../electron/core/ingest/html';
import { parseInline, setParseLimits, stopParseWorker } from '../../../electron/core/ingest/worker-pool';
import { checkZipBounds, DOCX_LIMITS, readZipDirectory } from '../../../electron/core/ingest/zip-guard';
import { runClaimbench } from '../../helpers/cli';
import {
  docxWithParagraphs,
  docxZipBomb,
  flatHtml,
  nestedHtml,
  pdfPageTreeBomb,
  pdfPageTreeCycle,
  pdfWithPages,
} from '../../helpers/hostile';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** Each hostile file must be refused well inside this (the bar is 60 s; these take seconds). */
const BUDGET_MS = 60_000;

let ctx: ReturnType<typeof createTestContext>;
beforeAll(() => {
  parseInline(false); // the real worker, with its time and memory limits
  ctx = createTestContext('Bounded Parser');
});
afterAll(() => {
  ctx.workspace.close();
  stopParseWorker();
});

function storeState(): string {
  const db = ctx.workspace.db;
  const n = (sql: string) => db.prepare(sql).pluck().get() as number;
  return `${n('SELECT count(*) FROM changes')}|${n('SELECT count(*) FROM documents')}|${n('SELECT count(*) FROM claims')}`;
}

async function expectRefused(name: string, bytes: Uint8Array, message: RegExp): Promise<void> {
  const before = storeState();
  const t0 = performance.now();
  const outcome = await importOne(ctx.workspace, { name, bytes });
  expect(performance.now() - t0, `${name} took too long`).toBeLessThan(BUDGET_MS);
  expect(outcome.status, name).toBe('failed');
  expect(outcome.error?.code, name).toBe('UNSUPPORTED_FORMAT');
  expect(outcome.error?.message, name).toMatch(message);
  expect(storeState(), `${name} wrote to the store`).toBe(before);
}

describe('PDF page trees are checked before any text is extracted', () => {
  it('refuses a 2 KB page-tree bomb claiming a billion copies of one page', async () => {
    const bomb = pdfPageTreeBomb(10, 9);
    expect(bomb.byteLength).toBeLessThan(4096);
    await expectRefused('bomb.pdf', bomb, /more pages than Claimbench imports \(1,000,000,000; at most 5,000\)/);
  }, 90_000);

  it('refuses a small tree that lists the same page more than once', async () => {
    await expectRefused('shared.pdf', pdfPageTreeBomb(3, 2), /lists the same page more than once/);
  }, 90_000);

  it('refuses a page tree that loops back on itself instead of importing what it could reach', async () => {
    await expectRefused('cycle.pdf', pdfPageTreeCycle(), /loops back on itself/);
  }, 90_000);

  it('still imports an ordinary PDF page by page', async () => {
    const outcome = await importOne(ctx.workspace, { name: 'three.pdf', bytes: pdfWithPages(3) });
    expect(outcome.status, JSON.stringify(outcome.error)).toBe('imported');
    expect(outcome.sentenceCount).toBe(3);
  }, 90_000);
});

describe('zip archives are capped by decompressed size and ratio before inflating', () => {
  it('reads the central directory sizes without inflating', () => {
    const entries = readZipDirectory(docxZipBomb(1600, true));
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']);
    expect(entries[2]!.uncompressedSize).toBe(1600 * 1048576);
    expect(entries[2]!.compressedSize).toBeLessThan(2 * 1048576);
  });

  it('refuses a docx bomb whose headers admit 1.6 GB', async () => {
    const bomb = docxZipBomb(1600, true);
    expect(bomb.byteLength).toBeLessThan(2 * 1048576);
    await expectRefused('bomb.docx', bomb, /zip bomb.*\nDetails: word\/document\.xml would expand to 1600 MB \(limit 64 MB\)/);
  }, 90_000);

  it('refuses a docx bomb whose headers lie (4 KB declared), stopping at the declared size', async () => {
    await expectRefused('liar.docx', docxZipBomb(1600, false), /expands beyond the 4096 bytes it declares/);
  }, 90_000);

  it('refuses by ratio a part that is small in absolute terms but expands more than 100 times', () => {
    expect(() => checkZipBounds(docxZipBomb(32, true), { ...DOCX_LIMITS, maxEntryBytes: 1e9, maxTotalBytes: 1e9 })).toThrow(
      /would expand \d+ times \(limit 100\)/,
    );
  });

  it('still imports an ordinary docx', async () => {
    const outcome = await importOne(ctx.workspace, {
      name: 'plain.docx',
      bytes: docxWithParagraphs(['The ministry said 157 drones were launched on Tuesday.']),
    });
    expect(outcome.status, JSON.stringify(outcome.error)).toBe('imported');
  }, 90_000);
});

describe('HTML nesting counts every element', () => {
  for (const [tag, svg] of [
    ['q', false],
    ['x', false],
    ['g', true],
    ['span', false],
  ] as const) {
    it(`refuses 20,000 nested <${tag}>${svg ? ' inside SVG' : ''} with a clear message, no stack overflow`, async () => {
      await expectRefused(
        `deep-${tag}.html`,
        nestedHtml(tag, 20_000, svg),
        /not built like an article.*\nDetails: elements nested more than 200 levels deep/s,
      );
    }, 90_000);
  }

  it(`reads a flat page of more than ${MAX_READABLE_ELEMENTS.toLocaleString('en')} elements in one linear pass`, async () => {
    const count = MAX_READABLE_ELEMENTS + 1000;
    const outcome = await importOne(ctx.workspace, { name: 'flat.html', bytes: flatHtml(count) });
    expect(outcome.status, JSON.stringify(outcome.error)).toBe('imported');
    expect(outcome.document?.title).toBe('Flat');
    expect(outcome.sentenceCount).toBe(count);
    const text = ctx.workspace.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(outcome.document!.id) as string;
    expect(text.split('\n\n')).toHaveLength(count);
    expect(text.startsWith('Paragraph 0: the ministry said that 0 drones')).toBe(true);
  }, 180_000);
});

describe('the worker’s time and memory limits', () => {
  // The same worker and files as above, with smaller budgets so the limits are reached quickly.
  const heavy = () => flatHtml(4_500); // under the linear-pass threshold: jsdom + Readability

  it('a parse that needs more memory than allowed ends with a message, nothing stored, and the next file still imports', async () => {
    stopParseWorker();
    setParseLimits({ memoryMb: 48 });
    try {
      const before = storeState();
      const outcome = await importOne(ctx.workspace, { name: 'heavy.html', bytes: heavy() });
      expect(outcome.status).toBe('failed');
      expect(outcome.error).toMatchObject({
        code: 'UNSUPPORTED_FORMAT',
        message: expect.stringMatching(/too big or too complex to read.*\nDetails: reading it needs more than the 48 MB/s),
      });
      expect(storeState()).toBe(before);
    } finally {
      setParseLimits();
      stopParseWorker();
    }
    const next = await importOne(ctx.workspace, { name: 'after.pdf', bytes: pdfWithPages(2) });
    expect(next.status, JSON.stringify(next.error)).toBe('imported');
  }, 180_000);

  it('a parse that takes longer than its budget is abandoned with a message', async () => {
    stopParseWorker();
    setParseLimits({ timeoutMs: 500 });
    try {
      const before = storeState();
      const outcome = await importOne(ctx.workspace, { name: 'slow.html', bytes: heavy() });
      expect(outcome.error).toMatchObject({
        code: 'IO',
        message:
          'slow.html took too long to read (over 0.5 seconds), so its import was abandoned; nothing was stored. Split it into smaller files, or paste the part you need.',
      });
      expect(storeState()).toBe(before);
    } finally {
      setParseLimits();
      stopParseWorker();
    }
  }, 120_000);
});

describe('the CLI parses in the worker, with the same limits', () => {
  it('refuses every hostile file with its reason, stores nothing, and still imports the good one', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'hostile.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const files: [string, Uint8Array][] = [
      ['bomb.pdf', pdfPageTreeBomb()],
      ['bomb.docx', docxZipBomb()],
      ['deep.html', nestedHtml('q', 20_000)],
      ['good.pdf', pdfWithPages(1)],
    ];
    for (const [name, bytes] of files) fs.writeFileSync(path.join(dir, name), bytes);
    const t0 = performance.now();
    const r = runClaimbench(['import', ws, ...files.map(([n]) => path.join(dir, n))]);
    expect(performance.now() - t0).toBeLessThan(BUDGET_MS);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/bomb\.pdf: This PDF has more pages than Claimbench imports \(1,000,000,000/);
    expect(r.stderr).toMatch(/bomb\.docx: This Word file would unpack to far more than a document holds/);
    expect(r.stderr).toMatch(/deep\.html: This web page is not built like an article/);
    expect(r.stderr).toMatch(/3 of 4 files could not be imported/);
    expect(r.stderr).not.toMatch(/heap|stack|\n\s+at /i);
    const claims = runClaimbench(['claims', ws, '--json']);
    const list = JSON.parse(claims.stdout) as unknown[];
    expect(list).toHaveLength(1);
  }, 120_000);
});
