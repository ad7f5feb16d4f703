import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { stripFootnoteMarks } from '../../../shared/text/footnote-marks';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';
import { createTestContext } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);
const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');

let ctx: CoreContext & { dir: string };
afterEach(() => ctx?.workspace.close());

describe('footnote marks at the end of a sentence', () => {
  it('go, after the closing punctuation and any closing quote, before a space or the line’s end', () => {
    expect(stripFootnoteMarks('Access is being restored.* This follows a ruling.')).toBe(
      'Access is being restored. This follows a ruling.',
    );
    expect(stripFootnoteMarks('Exports rose 14 percent.**\nThe port said so!† Then “it fell.”‡ Later?*')).toBe(
      'Exports rose 14 percent.\nThe port said so! Then “it fell.” Later?',
    );
  });

  it('leave every other asterisk: arithmetic, a starred word, emphasis, a footnote’s own mark, a list item', () => {
    for (const kept of [
      'The area is 5 * 3 metres.',
      'He said f*** off.',
      'This is the *real* figure.',
      '*Important.* The rest follows.',
      'It was **not.** Nor was it late.',
      '* We have received reports that several providers restored access.',
      '- item one *\n- item two',
      'A rating of 4.5*',
    ])
      expect(stripFootnoteMarks(kept), kept).toBe(kept);
  });

  it.skipIf(noShared)('are gone from a news page’s claims, as imported, while its footnote stays', { timeout: 120_000 }, async () => {
    ctx = createTestContext();
    const html = fs.readFileSync(path.join(CORPUS_DIR, 'news_en/html_raw/wikimediafoundation.org.turkey.html'));
    const r = await call(ctx, 'ingest.importFile', { name: 'turkey.html', dataBase64: b64(html) });
    expect(r.status, r.error?.message).toBe('imported');
    const doc = await call(ctx, 'documents.get', { id: r.document!.id });
    expect(doc.text).toContain('access to Wikipedia in Turkey is actively being restored. This latest development');
    expect(doc.text).not.toMatch(/restored\.\*/);
    expect(doc.text).toMatch(/^\* We have received reports/m);
    const claims = (await call(ctx, 'claims.list', { documentId: r.document!.id, limit: 200 })).items;
    const restored = claims.find((c) => c.text.includes('actively being restored'));
    expect(restored?.text).toMatch(/actively being restored\.$/);
  });
});
