import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../electron/core/ingest/decode';
import { extractDocument } from '../../../electron/core/ingest/extract';
import { CORPUS_DIR, withoutShared } from '../../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const ENC = path.join(CORPUS_DIR, 'fixtures/encodings');
const read = (p: string) => new Uint8Array(fs.readFileSync(path.join(ENC, p)));

describe.skipIf(noShared)('text decoding', () => {
  // The same Russian passage (chardet's _ude_1 set) in five code pages must decode to the UTF-8 original.
  const reference = noShared
    ? ''
    : new TextDecoder().decode(read('chardet/utf-8/_ude_russian.txt')).replace(/\r\n?/g, '\n').trim();
  it.each([
    ['chardet/windows-1251-russian/_ude_1.txt', 'windows-1251'],
    ['chardet/KOI8-R/_ude_1.txt', 'koi8-r'],
    ['chardet/IBM866/_ude_1.txt', 'ibm866'],
    ['chardet/MacCyrillic/_ude_1.txt', 'maccyrillic'],
  ])('decodes %s as %s', (file, encoding) => {
    const d = decodeBytes(read(file));
    expect(d.encoding).toBe(encoding);
    expect(d.text.replace(/\r\n?/g, '\n').trim()).toBe(reference);
  });

  it.each([
    ['uchardet/ru/koi8-r.txt', 'koi8-r'],
    ['uchardet/ru/iso-8859-5.txt', 'iso-8859-5'],
    ['uchardet/ru/ibm866.txt', 'ibm866'],
    ['uchardet/ru/mac-cyrillic.txt', 'maccyrillic'],
    ['uchardet/ru/windows-1251.txt', 'windows-1251'],
    ['uchardet/uk/windows-1251.txt', 'windows-1251'],
    ['uchardet/uk/utf-8.txt', 'utf-8'],
    ['uchardet/fr/utf-16.be', 'utf-16be'],
    ['uchardet/fr/utf-32.le', 'utf-32le'],
    ['uchardet/ja/utf-16le.txt', 'utf-16le'],
    ['chardet/UTF-16LE/nobom-utf16le.txt', 'utf-16le'],
    ['chardet/UTF-16BE/nobom-utf16be.txt', 'utf-16be'],
  ])('detects %s as %s', (file, encoding) => {
    const d = decodeBytes(read(file));
    expect(d.encoding).toBe(encoding);
    expect(d.text).not.toMatch(/[\uFFFD\u2500-\u257F]/);
  });

  it('reads the Ukrainian text in windows-1251 exactly as its UTF-8 twin', () => {
    const a = decodeBytes(read('uchardet/uk/windows-1251.txt')).text;
    const b = decodeBytes(read('uchardet/uk/utf-8.txt')).text;
    expect(a.replace(/\r\n?/g, '\n').trim()).toBe(b.replace(/\r\n?/g, '\n').trim());
    expect(a).toMatch(/[іїєґ]/);
  });

  it('reads HTML that declares no charset', async () => {
    for (const file of [
      'chardet/KOI8-R/_chromium_KOI8-R_with_no_encoding_specified.html',
      'chardet/windows-1251-russian/_chromium_windows-1251_with_no_encoding_specified.html',
    ]) {
      const doc = await extractDocument(path.basename(file), read(file));
      expect(doc.text).toMatch(/МОСКВА/);
    }
  });

  it('refuses binary data named .txt', async () => {
    const bytes = new Uint8Array(
      fs.readFileSync(path.join(CORPUS_DIR, 'fixtures/docx/python-docx/having-images.docx')).subarray(300, 5000),
    );
    await expect(extractDocument('photo.txt', bytes)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });
});
