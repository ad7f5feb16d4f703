import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOne } from '../../../electron/core/ingest/batch';
import { parseInline } from '../../../electron/core/ingest/worker-pool';
import type { ImportOutcome } from '../../../shared/spotting/ingest-types';
import { docxZipBomb, nestedHtml, pdfPageTreeBomb } from '../../helpers/hostile';
import { BUILT_ARTICLES, BUILT_RUSSIAN } from '../../helpers/built-articles';
import { buildDocx, encodeText, newsPageHtml, printablePage, printPdfs } from '../../helpers/built-docs';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { createTestContext } from '../../helpers/workspace';
import { KNOWN_CODES } from './fuzz-helpers';
import { corruptPdf, corruptZipEntry, encodingGarbage, generic, hostileDocx, hostileHtml, rng, type Rng } from './mutate';

/**
 * Thousands of damaged and hostile .txt/.html/.docx/.pdf files, seeded from files built here (and from
 * the corpus when ../shared is beside the checkout), through the
 * importer ingest.importFile uses (importOne; parsing in this process). Each must end as an imported
 * document or a typed error with a clear message, within a time budget, and a failed import must
 * leave the change log exactly as it was. Seeds are fixed, so a failure reproduces.
 */
const SCALE = Number(process.env.FUZZ_IMPORT_SCALE ?? 1);
const PER_FILE_BUDGET_MS = 20_000;
const CORPUS = path.join(CORPUS_DIR, 'fixtures');
/** Without ../shared the fuzzers start from the built seeds only (one line says so). */
const noShared = withoutShared(import.meta.url);

interface Kind {
  ext: string;
  cases: number;
  seeds: string[];
  built: () => Promise<Uint8Array[]>;
  mutate: (r: Rng, bytes: Uint8Array, donor: Uint8Array) => Uint8Array | Promise<Uint8Array>;
}

const KINDS: Kind[] = [
  {
    ext: '.txt',
    cases: 900,
    seeds: [
      'encodings/uchardet/ru/koi8-r.txt',
      'encodings/uchardet/ru/windows-1251.txt',
      'encodings/uchardet/ru/ibm866.txt',
      'encodings/uchardet/ko/utf-16.le',
      'encodings/uchardet/fr/utf-32.le',
      'encodings/uchardet/ja/utf-16be.txt',
      'encodings/chardet/UTF-16LE/nobom-utf16le.txt',
      'encodings/chardet/utf-8/_ude_russian.txt',
    ],
    built: async () => [
      ...['koi8-r', 'windows-1251', 'ibm866', 'utf-16le', 'utf-16be', 'utf-8'].map((e) => encodeText(BUILT_RUSSIAN, e)),
      encodeText(`${BUILT_ARTICLES[0]!.text}\n${BUILT_RUSSIAN}`, 'utf-32le', { bom: true }),
    ],
    mutate: (r, b, donor) => (r() < 0.6 ? encodingGarbage(r, b) : generic(r, b, donor)),
  },
  {
    ext: '.html',
    // jsdom + Readability cost ~100 ms a page here, far more than the other parsers.
    cases: 300,
    seeds: [
      'html/readability/rtl-1/source.html',
      'html/readability/replace-brs/source.html',
      'html/readability/svg-parsing/source.html',
      'html/readability/remove-script-tags/source.html',
      'encodings/chardet/KOI8-R/_chromium_KOI8-R_with_no_encoding_specified.html',
    ],
    built: async () => [
      ...BUILT_ARTICLES.map((a) =>
        encodeText(newsPageHtml({ title: a.title, paragraphs: a.text.split('\n\n') }, { charset: 'utf-8' }), 'utf-8'),
      ),
      encodeText(newsPageHtml({ title: 'Инфляция', paragraphs: BUILT_RUSSIAN.split('\n\n') }), 'koi8-r'),
    ],
    mutate: (r, b, donor) => (r() < 0.5 ? hostileHtml(r, b) : generic(r, b, donor)),
  },
  {
    ext: '.docx',
    cases: 450,
    seeds: [
      'docx/single-paragraph.docx',
      'docx/simple-list.docx',
      'docx/apache-poi/delins.docx',
      'docx/apache-poi/HeaderFooterUnicode.docx',
      'docx/endnotes.docx',
      'docx/utf8-bom.docx',
    ],
    built: () =>
      Promise.all([...BUILT_ARTICLES.map((a) => buildDocx(a.text.split('\n\n'))), buildDocx([BUILT_RUSSIAN], { heading: true })]),
    mutate: (r, b, donor) => {
      const choice = r();
      if (choice < 0.4) return corruptZipEntry(r, b);
      if (choice < 0.7) return hostileDocx(r, b);
      return generic(r, b, donor);
    },
  },
  {
    ext: '.pdf',
    cases: 450,
    seeds: [
      'pdf/issue7872.pdf',
      'pdf/text_rise_eol_bug.pdf',
      'pdf/operator-in-TJ-array.pdf',
      'pdf/french_diacritics.pdf',
      'pdf/two_paragraphs.pdf',
      'pdf/helloworld-bad.pdf',
      'pdf/Pages-tree-refs.pdf',
    ],
    built: () =>
      printPdfs(
        [...BUILT_ARTICLES, { title: 'Инфляция', text: BUILT_RUSSIAN }].map((a) => printablePage(a.title, a.text.split('\n\n'))),
      ),
    mutate: (r, b, donor) => (r() < 0.6 ? corruptPdf(r, b) : generic(r, b, donor)),
  },
];

let ctx: ReturnType<typeof createTestContext>;
beforeAll(() => {
  ctx = createTestContext('Import Fuzzer');
  parseInline(true);
});
afterAll(() => ctx.workspace.close());

function logState(): string {
  const db = ctx.workspace.db;
  const c = db.prepare('SELECT count(*) AS n, max(hlc) AS h FROM changes').get() as { n: number; h: string | null };
  const d = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
  const k = db.prepare('SELECT count(*) FROM claims').pluck().get() as number;
  return `${c.n}|${c.h}|${d}|${k}`;
}

describe('importer fuzzing: damaged and hostile files', () => {
  for (const kind of KINDS) {
    const cases = Math.round(kind.cases * SCALE);
    it(`${kind.ext}: ${cases} mutated files each import or fail with a clear, typed error`, async () => {
      const corpusSeeds = noShared ? [] : kind.seeds.map((f) => new Uint8Array(fs.readFileSync(path.join(CORPUS, f))));
      const seeds = [...corpusSeeds, ...(await kind.built())];
      const r = rng(kind.ext.length * 104729 + cases);
      const tally: Record<string, number> = {};
      let slowest = 0;
      for (let i = 0; i < cases; i++) {
        const seed = seeds[i % seeds.length]!;
        const donor = seeds[(i * 7 + 3) % seeds.length]!;
        const bytes = await kind.mutate(r, seed, donor);
        const name = `case-${i}${kind.ext}`;
        const before = logState();
        const t0 = performance.now();
        let outcome: ImportOutcome;
        try {
          outcome = await importOne(ctx.workspace, { name, bytes });
        } catch (e) {
          throw new Error(`${name} (case ${i}) threw past the importer: ${String(e)}`, { cause: e });
        }
        const took = performance.now() - t0;
        slowest = Math.max(slowest, took);
        expect(took, `${name} (case ${i}) took ${took.toFixed(0)} ms`).toBeLessThan(PER_FILE_BUDGET_MS);
        const key = outcome.error ? outcome.error.code : outcome.status;
        tally[key] = (tally[key] ?? 0) + 1;
        if (outcome.status === 'imported' || outcome.status === 'duplicate') {
          if (outcome.status === 'imported') expect(outcome.document, name).not.toBeNull();
          else expect(outcome.duplicateOf, name).not.toBeNull();
          continue;
        }
        const error = outcome.error!;
        expect(KNOWN_CODES, `${name} (case ${i}) → ${error.code}: ${error.message}`).toContain(error.code);
        expect(error.message.trim().length, name).toBeGreaterThan(10);
        expect(error.message, `${name}: a message for a person, not a stack trace`).not.toMatch(/\n\s+at /);
        expect(error.message.length, name).toBeLessThan(600);
        expect(logState(), `${name} (case ${i}) failed but wrote to the store`).toBe(before);
      }
      console.info(`${kind.ext}: ${cases} cases, slowest ${slowest.toFixed(0)} ms, outcomes ${JSON.stringify(tally)}`);
      expect(fs.existsSync('/tmp/claimbench-zip-slip.txt')).toBe(false);
      expect(ctx.workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
    }, 300_000);
  }
});

describe('regressions found by the importer fuzzer', () => {
  it('refuses deeply nested HTML quickly instead of parsing it for minutes', async () => {
    for (const depth of [1_000, 20_000]) {
      const html = `<html><body>${'<div>'.repeat(depth)}The ministry said 7 bridges closed.${'</div>'.repeat(depth)}</body></html>`;
      const t0 = performance.now();
      const outcome = await importOne(ctx.workspace, { name: `deep-${depth}.html`, bytes: new TextEncoder().encode(html) });
      expect(outcome.error?.code).toBe('UNSUPPORTED_FORMAT');
      expect(outcome.error?.message).toMatch(/not built like an article/);
      expect(performance.now() - t0).toBeLessThan(PER_FILE_BUDGET_MS);
    }
  });

  it('turns a parser exception on a damaged file into CORRUPT in-process too, not INTERNAL', async () => {
    const outcome = await importOne(ctx.workspace, {
      name: 'qname.html',
      bytes: new TextEncoder().encode('<svg><html» xmlns="x">The ministry said 7 bridges closed.</html»></svg>'),
    });
    expect(outcome.status === 'imported' || outcome.error?.code === 'CORRUPT', JSON.stringify(outcome.error)).toBe(true);
  });
});

describe('bounded parsing under random hostile shapes', () => {
  it('page-tree bombs, zip bombs and deep nesting of random sizes are all refused quickly, storing nothing', async () => {
    const r = rng(18);
    const pick = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    // (a bare <td> outside a table is dropped and <li> closes the previous <li>: those never nest, not in this list)
    const tags = ['q', 'x', 'span', 'div', 'b', 'font', 'g', 'custom-el', 'em', 'section'];
    const cases: { name: string; bytes: Uint8Array }[] = [];
    for (let i = 0; i < Math.max(4, Math.round(12 * SCALE)); i++) {
      cases.push({ name: `tree-${i}.pdf`, bytes: pdfPageTreeBomb(pick(2, 12), pick(2, 10)) });
      cases.push({ name: `zip-${i}.docx`, bytes: docxZipBomb(16 * pick(5, 40), r() < 0.5) });
      const tag = tags[pick(0, tags.length - 1)]!;
      cases.push({ name: `deep-${i}.html`, bytes: nestedHtml(tag, pick(201, 30_000), tag === 'g') });
    }
    for (const c of cases) {
      const before = logState();
      const t0 = performance.now();
      const outcome = await importOne(ctx.workspace, c);
      expect(performance.now() - t0, c.name).toBeLessThan(PER_FILE_BUDGET_MS);
      expect(outcome.status, c.name).toBe('failed');
      expect(KNOWN_CODES, `${c.name}: ${outcome.error?.code}`).toContain(outcome.error?.code);
      expect(outcome.error?.message, c.name).not.toMatch(/stack|heap|\n\s+at /i);
      expect(logState(), c.name).toBe(before);
    }
  }, 300_000);
});
