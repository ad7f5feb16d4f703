import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { waitForBatch } from '../../../electron/core/ingest/batch';
import type { CoreContext } from '../../../electron/core/context';
import { BUILT_ARTICLES } from '../../helpers/built-articles';
import { CORPUS_DIR, gumArticles, withoutShared } from '../../helpers/corpus';
import { createTestContext } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const fixture = (p: string) => fs.readFileSync(path.join(CORPUS_DIR, p));
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const count = (ctx: CoreContext, table: string) =>
  (ctx.workspace.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get() as { n: number }).n;

let ctx: CoreContext & { dir: string };
afterEach(() => ctx?.workspace.close());

async function importFile(name: string, bytes: Buffer | string) {
  return call(ctx, 'ingest.importFile', { name, dataBase64: b64(bytes) });
}

describe('importing real documents', () => {
  it.skipIf(noShared)(
    'imports an HTML news page: main text, title, canonical URL, no navigation',
    { timeout: 120_000 },
    async () => {
      ctx = createTestContext();
      const r = await importFile('turkey.html', fixture('news_en/html_raw/wikimediafoundation.org.turkey.html'));
      expect(r.status, r.error?.message).toBe('imported');
      expect(r.format).toBe('html');
      expect(r.document!.title).toMatch(/Access to Wikipedia restored in Turkey/);
      const doc = await call(ctx, 'documents.get', { id: r.document!.id });
      expect(doc.text).toMatch(/Wikimedia Foundation/);
      expect(doc.text).not.toMatch(/Skip to content|cookie/i);
      expect(r.claimCount).toBeGreaterThan(0);
      expect(r.claimCount).toBeLessThan(r.sentenceCount);
    },
  );

  it.skipIf(noShared)(
    'imports docx, pdf, markdown and Russian text, and recognises the same content imported twice',
    { timeout: 120_000 },
    async () => {
      ctx = createTestContext();
      const docx = await importFile(
        'ru.docx',
        fixture('fixtures/docx/apache-poi/bib-chernigovka.netdo.ru_download_docs_17459.docx'),
      );
      expect(docx.status).toBe('imported');
      expect((await call(ctx, 'documents.get', { id: docx.document!.id })).text).toMatch(
        /Большечерниговская районная библиотека/,
      );
      const pdf = await importFile('paper.pdf', fixture('fixtures/pdf/tracemonkey.pdf'));
      expect(pdf.status).toBe('imported');
      const pdfText = (await call(ctx, 'documents.get', { id: pdf.document!.id })).text;
      expect(pdfText).toMatch(/Trace-based Just-in-Time Type Specialization/);
      // A title set in large type over two lines is one line of text, and the whole title.
      expect(pdf.document!.title).toBe('Trace-based Just-in-Time Type Specialization for Dynamic Languages');
      // Hyphenated line ends are repaired: no "word- word" fragments of common words.
      expect(pdfText).not.toMatch(/\b(?:inter- preter|com- piler)\b/);
      const md = await importFile(
        'notes.md',
        '# Budget notes\n\nThe deficit rose to $1.2 trillion in 2020, the Treasury said.\n',
      );
      expect(md.document!.title).toBe('Budget notes');
      const ru = await importFile('ru.txt', fixture('fixtures/encodings/uchardet/ru/koi8-r.txt'));
      expect(ru.encoding).toBe('koi8-r');
      expect((await call(ctx, 'documents.get', { id: ru.document!.id })).text).toMatch(/КОИ-8/);
      const again = await importFile('paper-copy.pdf', fixture('fixtures/pdf/tracemonkey.pdf'));
      expect(again.status).toBe('duplicate');
      expect(again.duplicateOf).toBe(pdf.document!.id);
    },
  );

  it.skipIf(noShared)('gives each bad file a clear message and stores nothing for it', async () => {
    ctx = createTestContext();
    const cases: [string, Buffer | string, RegExp][] = [
      ['empty.txt', '', /empty/i],
      ['blank.txt', '   \n\n  ', /no text/i],
      ['binary.txt', fixture('fixtures/docx/python-docx/having-images.docx').subarray(200, 4000), /binary/i],
      ['truncated.pdf', fixture('fixtures/pdf/tracemonkey.pdf').subarray(0, 2000), /PDF/],
      ['locked.pdf', fixture('fixtures/pdf/issue6010_1.pdf'), /password/i],
      ['truncated.docx', fixture('fixtures/docx/apache-poi/truncated62886.docx'), /Word file is damaged or incomplete/i],
      ['encrypted.docx', fixture('fixtures/docx/apache-poi/bug53475-password-is-pass.docx'), /locked with a password/i],
      ['xxe.docx', fixture('fixtures/docx/apache-poi/ExternalEntityInText.docx'), /Word file is damaged/i],
      ['old.doc', 'whatever', /cannot read \.doc files/i],
    ];
    for (const [name, bytes, message] of cases) {
      const r = await importFile(name, bytes);
      expect(r.status, name).toBe('failed');
      expect(r.error!.message, name).toMatch(message);
    }
    expect(count(ctx, 'documents')).toBe(0);
    expect(count(ctx, 'claims')).toBe(0);
    const scripts = await importFile('scripts.html', fixture('fixtures/html/readability/remove-script-tags/source.html'));
    const text = (await call(ctx, 'documents.get', { id: scripts.document!.id })).text;
    expect(text).toMatch(/Lorem ipsum/);
    expect(text).not.toMatch(/alert|<script|function\s*\(/i);
  });

  it('refuses a file over the size cap before reading it', async () => {
    ctx = createTestContext();
    const big = 'The rate rose 2 percent in 2020, officials said. '.repeat(2_200_000); // ~110 MB
    await expect(call(ctx, 'ingest.importFile', { name: 'huge.txt', dataBase64: b64(big) })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(count(ctx, 'documents')).toBe(0);
  });

  it.skipIf(noShared)('imports a batch with progress and per-file outcomes, and cancels the rest', async () => {
    ctx = createTestContext();
    const files = [
      { name: 'a.pdf', dataBase64: b64(fixture('fixtures/pdf/TAMReview.pdf')) },
      { name: 'bad.pdf', dataBase64: b64('%PDF-1.4 broken') },
      { name: 'c.txt', dataBase64: b64(gumArticles()[0]!.text) },
    ];
    const started = await call(ctx, 'ingest.startBatch', { files });
    expect(started.state).toBe('running');
    const seen: number[] = [];
    let status = started;
    while (status.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      status = await call(ctx, 'ingest.batchStatus', { jobId: started.jobId });
      seen.push(status.progress);
    }
    expect(status.state).toBe('done');
    expect(status.progress).toBe(1);
    expect(seen.some((p) => p > 0 && p < 1)).toBe(true);
    expect(status.outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'imported']);

    const second = await call(ctx, 'ingest.startBatch', { files: [files[0]!, files[2]!] });
    const cancelled = await call(ctx, 'ingest.cancelBatch', { jobId: second.jobId });
    expect(cancelled.outcomes.length).toBeLessThanOrEqual(2);
    const final = await waitForBatch(ctx.workspace, second.jobId);
    expect(final.state).toBe('cancelled');
    expect(final.outcomes.map((o) => o.status)).toEqual(['cancelled', 'cancelled']);
    expect(count(ctx, 'documents')).toBe(2);
  });
});

describe('sentences, thresholds and claim spans', () => {
  it.skipIf(noShared)('lists every sentence with scores and claim links, and the threshold is a workspace setting', async () => {
    ctx = createTestContext();
    const article = gumArticles().find((a) => a.name === 'GUM_news_afghan')!;
    const r = await importFile('afghan.txt', article.text);
    const { threshold, sentences } = await call(ctx, 'ingest.sentences', { documentId: r.document!.id });
    expect(sentences.length).toBe(r.sentenceCount);
    expect(sentences.filter((s) => s.claimId).length).toBe(r.claimCount);
    expect(sentences.every((s) => s.checkWorthy === s.score >= threshold)).toBe(true);
    expect(sentences.some((s) => s.claimant === 'Hamdullah Mohib')).toBe(true);

    const set = await call(ctx, 'spotting.setThreshold', { threshold: 0.95 });
    expect(set.threshold).toBe(0.95);
    const fewer = await importFile('afghan-2.txt', `${article.text}\n\nExtra line.`);
    expect(fewer.claimCount).toBeLessThan(r.claimCount);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'spotting.getThreshold', {})).threshold).toBe(0.95); // undo took back the import, not the setting
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'spotting.getThreshold', {})).threshold).toBe(set.defaultThreshold);
  });

  it('creates a claim from a span, splits and merges claims, all undoable', async () => {
    ctx = createTestContext();
    const text = 'Intro line.\n\nThe army said 40 drones were shot down. Officials added that 12 people died in 2024.';
    const r = await importFile('news.txt', text);
    const doc = await call(ctx, 'documents.get', { id: r.document!.id });
    for (const id of (await call(ctx, 'claims.list', { documentId: doc.id })).items.map((c) => c.id))
      await call(ctx, 'claims.delete', { ids: [id] });
    const start = doc.text.indexOf('The army');
    const end = doc.text.length;
    const claim = await call(ctx, 'claims.createFromSpan', { documentId: doc.id, start, end });
    expect(claim.anchor).toMatchObject({ start, end, exact: doc.text.slice(start, end) });
    expect(claim.claimant).toBe('the army');
    expect(claim.score).toBeGreaterThan(0);

    const offset = doc.text.indexOf('Officials') - start;
    const { first, second } = await call(ctx, 'claims.split', { id: claim.id, offset });
    expect(first.text).toBe('The army said 40 drones were shot down.');
    expect(second.text).toBe('Officials added that 12 people died in 2024.');
    expect(second.anchor!.start).toBe(doc.text.indexOf('Officials'));

    const merged = await call(ctx, 'claims.mergeNext', { id: first.id });
    expect(merged.text).toBe(doc.text.slice(start, end));
    await expect(call(ctx, 'claims.get', { id: second.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.get', { id: second.id })).text).toBe(second.text);
    expect((await call(ctx, 'claims.get', { id: first.id })).text).toBe(first.text);
    await expect(call(ctx, 'claims.createFromSpan', { documentId: doc.id, start: 0, end: 10_000 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('re-anchors claims when the text is replaced with small edits and reports orphans', async () => {
    ctx = createTestContext();
    const article = BUILT_ARTICLES[0]!;
    const r = await importFile('harbour.txt', article.text);
    const before = (await call(ctx, 'claims.list', { documentId: r.document!.id })).items;
    expect(before.length).toBeGreaterThan(3);
    const gone = before[1]!;
    const edited = before[2]!;
    let text = `Editor's note: updated.\n\n${article.text}`;
    text = text.replace(gone.anchor!.exact, '');
    const changedWord = edited.anchor!.exact.replace(/\b(\w{5,})\b/, '$1s');
    text = text.replace(edited.anchor!.exact, changedWord);
    const result = await call(ctx, 'documents.replaceText', { id: r.document!.id, text });
    expect(result.orphans.map((o) => o.id)).toEqual([gone.id]);
    expect(result.reanchored).toBe(before.length - 1);
    const doc = await call(ctx, 'documents.get', { id: r.document!.id });
    for (const c of (await call(ctx, 'claims.list', { documentId: doc.id })).items) {
      if (c.id === gone.id) expect(c.anchor).toBeNull();
      else expect(doc.text.slice(c.anchor!.start, c.anchor!.end)).toBe(c.anchor!.exact);
    }
    const moved = await call(ctx, 'claims.get', { id: edited.id });
    expect(moved.anchor!.exact).toBe(changedWord);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.get', { id: gone.id })).anchor).toEqual(gone.anchor);
  });
});
