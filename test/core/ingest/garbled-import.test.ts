import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { isGarbled } from '../../../shared/text/garbled';
import { runClaimbench } from '../../helpers/cli';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

/** A journal paper whose PDF text layer is garbled past its first page (pdftotext reads it garbled too). */
const GARBLED_PDF = path.join(CORPUS_DIR, 'fixtures/pdf/TAMReview.pdf');
const CLEAN_PDF = path.join(CORPUS_DIR, 'fixtures/pdf/pdfjs_wikipedia.pdf');
const WARNING =
  "Much of this PDF's text could not be read (its text layer looks garbled): check the claims against the original.";

let ctx: CoreContext;
afterEach(() => ctx?.workspace.close());

const importFile = (file: string) =>
  call(ctx, 'ingest.importFile', { name: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') });

describe.skipIf(noShared)('importing a PDF whose text layer is garbled', () => {
  it(
    'proposes only readable sentences, not the masthead, and says the text could not be read',
    { timeout: 120_000 },
    async () => {
      ctx = createTestContext();
      const r = await importFile(GARBLED_PDF);
      expect(r.status, r.error?.message).toBe('imported');
      expect(r.warning).toBe(WARNING);
      const claims = (await call(ctx, 'claims.list', { documentId: r.document!.id })).items.map((c) => c.text);
      expect(claims.length).toBe(r.claimCount);
      expect(claims.length).toBeGreaterThan(3);
      expect(claims.length).toBeLessThan(20);
      for (const c of claims) expect(isGarbled(c), c).toBe(false);
      expect(claims.some((c) => /ISSN|Working Papers on Information Systems/.test(c))).toBe(false);
      expect(claims).toContain(
        'It is concluded that research in TAM lacks sufficient rigor and relevance that would make it a well established theory for the IS community.',
      );
      // The document's stored sentences keep what the analysis found, for the document view.
      const { sentences } = await call(ctx, 'ingest.sentences', { documentId: r.document!.id });
      expect(sentences.filter((s) => s.reasons.some((x) => x.kind === 'garbled')).length).toBeGreaterThan(100);
    },
  );

  it('a PDF that reads carries no warning', { timeout: 120_000 }, async () => {
    ctx = createTestContext();
    const r = await importFile(CLEAN_PDF);
    expect(r.status, r.error?.message).toBe('imported');
    expect(r.warning).toBeNull();
  });

  it('the CLI import line says so too', { timeout: 120_000 }, () => {
    const ws = path.join(tempDir(), 'garbled.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const r = runClaimbench(['import', ws, GARBLED_PDF, CLEAN_PDF]);
    expect(r.code, r.stderr).toBe(0);
    const [garbled, clean] = r.stdout.trim().split('\n');
    expect(garbled).toMatch(/^\S+ {2}\d+ claims of \d+ sentences {2}.+ {2}Much of this PDF's text could not be read/);
    expect(garbled!.endsWith(WARNING)).toBe(true);
    expect(clean).not.toMatch(/could not be read/);
  });
});
