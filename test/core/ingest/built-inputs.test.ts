/**
 * Every importer, each text encoding and the segmenter on inputs these tests build themselves, so a
 * fresh clone without ../shared still tests them (the corpus tests beside them use real-world files).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { decodeBytes } from '../../../electron/core/ingest/decode';
import { extractDocument } from '../../../electron/core/ingest/extract';
import { segmentSentences } from '../../../shared/text/segment';
import { BUILT_ARTICLES, BUILT_RUSSIAN } from '../../helpers/built-articles';
import { buildDocx, encodeText, newsPageHtml, printablePage, printPdfs } from '../../helpers/built-docs';
import { createTestContext } from '../../helpers/workspace';

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
const paragraphsOf = (text: string) => text.split('\n\n');
const [harbour, school, rail] = BUILT_ARTICLES as [
  (typeof BUILT_ARTICLES)[number],
  (typeof BUILT_ARTICLES)[number],
  (typeof BUILT_ARTICLES)[number],
];

const RUSSIAN = BUILT_RUSSIAN;
const UKRAINIAN = 'Міністерство повідомило, що їхні витрати зросли на 4%. Ґрунтовний звіт опублікують у квітні.';
const FRENCH = 'Le gouvernement a annoncé que le chômage a baissé à 7,1 % en été. « Ça dépasse nos prévisions », a-t-il déclaré.';
const JAPANESE = '政府は、昨年の失業率が2.6%に低下したと発表した。';

describe('text and markdown importers on generated files', () => {
  it('imports UTF-8 text, joining hard-wrapped lines into sentences', async () => {
    const wrapped = harbour.text
      .split('\n\n')
      .map((p) => p.replace(/(.{60,}?) /g, '$1\n'))
      .join('\n\n');
    expect(wrapped.split('\n').length).toBeGreaterThan(harbour.sentences.length);
    const doc = await extractDocument('harbour.txt', encodeText(wrapped, 'utf-8'));
    expect(doc).toMatchObject({ format: 'text', encoding: 'utf-8' });
    expect(segmentSentences(doc.text).map((s) => flat(s.text))).toEqual(harbour.sentences);
  });

  it('imports Markdown with its heading as the title and CRLF line ends normalised', async () => {
    const md = `# ${school.title}\r\n\r\n${paragraphsOf(school.text).join('\r\n\r\n')}\r\n\r\n- Four schools\r\n- 2,000 places\r\n`;
    const doc = await extractDocument('school.md', encodeText(md, 'utf-8'));
    expect(doc.format).toBe('markdown');
    expect(doc.title).toBe(school.title);
    expect(doc.text).not.toContain('\r');
    for (const s of school.sentences) expect(flat(doc.text)).toContain(s);
  });

  it('refuses an empty file and binary bytes named .txt, with a clear message', async () => {
    await expect(extractDocument('empty.txt', new Uint8Array())).rejects.toMatchObject({ code: 'VALIDATION', message: /empty/ });
    const binary = new Uint8Array(4096).map((_, i) => (i * 151 + 7) % 256);
    await expect(extractDocument('photo.txt', binary)).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
  });

  it('says a document with no text is empty, and suggests text recognition for a PDF only', async () => {
    const blank = extractDocument('blank.txt', new TextEncoder().encode('  \n\n\t \n'));
    await expect(blank).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'blank.txt has no text in it, only blank space. Check that it is the file you meant.',
    });
    const emptyDocx = extractDocument('memo.docx', await buildDocx(['', '  ']));
    await expect(emptyDocx).rejects.toMatchObject({
      code: 'VALIDATION',
      message:
        'memo.docx has no text in it: it is empty, or holds only pictures. If the pictures show text, paste that text instead.',
    });
    await expect(emptyDocx.catch((e: Error) => e.message)).resolves.not.toMatch(/OCR/);
  });
});

describe('each text encoding, generated with iconv-lite', () => {
  it.each([
    ['windows-1251', RUSSIAN],
    ['koi8-r', RUSSIAN],
    ['ibm866', RUSSIAN],
    ['iso-8859-5', RUSSIAN],
    ['maccyrillic', RUSSIAN],
    ['windows-1251', UKRAINIAN],
  ])('detects %s Cyrillic and decodes it exactly', (encoding, text) => {
    const d = decodeBytes(encodeText(text, encoding));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
  });

  it.each([
    ['utf-8', true],
    ['utf-8', false],
    ['utf-16le', true],
    ['utf-16le', false],
    ['utf-16be', true],
    ['utf-16be', false],
    ['utf-32le', true],
    ['utf-32le', false],
    ['utf-32be', true],
  ])('reads %s (byte-order mark: %s) in French, Russian and Japanese', (encoding, bom) => {
    const text = `${FRENCH}\n${RUSSIAN}\n${JAPANESE}`;
    const d = decodeBytes(encodeText(text, encoding, { bom }));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe(encoding);
  });

  it('imports a windows-1251 .txt file through the importer, stating the encoding it found', async () => {
    const doc = await extractDocument('ru.txt', encodeText(RUSSIAN.replace(/\n/g, '\r\n'), 'windows-1251'));
    expect(doc.encoding).toBe('windows-1251');
    expect(doc.text).toBe(RUSSIAN);
  });
});

describe('HTML importer on generated pages', () => {
  const page = (charset?: string) =>
    newsPageHtml(
      { title: rail.title, paragraphs: paragraphsOf(rail.text) },
      { charset, canonical: 'https://news.example.org/rail' },
    );

  it('keeps the article, its title and canonical URL, and drops navigation, sidebar, footer and scripts', async () => {
    const doc = await extractDocument('rail.html', encodeText(page('utf-8'), 'utf-8'));
    expect(doc.format).toBe('html');
    expect(doc.title).toContain(rail.title);
    expect(doc.canonicalUrl).toBe('https://news.example.org/rail');
    for (const s of rail.sentences) expect(flat(doc.text)).toContain(s);
    for (const junk of ['NAVIGATION-LINK', 'NAVIGATION-SCRIPT', 'SIDEBAR-ITEM', 'FOOTER-TEXT'])
      expect(doc.text).not.toContain(junk);
  });

  it.each(['windows-1251', 'koi8-r'])('reads a %s page that declares no charset', async (encoding) => {
    const html = newsPageHtml({ title: 'Инфляция', paragraphs: paragraphsOf(RUSSIAN) });
    const doc = await extractDocument('ru.html', encodeText(html, encoding));
    for (const p of paragraphsOf(RUSSIAN)) expect(flat(doc.text)).toContain(flat(p));
  });

  it('follows the charset the page declares', async () => {
    const html = newsPageHtml(
      { title: 'Chômage', paragraphs: [FRENCH, FRENCH.replace('7,1', '6,9')] },
      { charset: 'windows-1252' },
    );
    const doc = await extractDocument('fr.html', encodeText(html, 'windows-1252'));
    expect(flat(doc.text)).toContain(FRENCH);
  });
});

describe('docx importer on files written with JSZip', () => {
  it('reads every paragraph, in order', async () => {
    const bytes = await buildDocx([harbour.title, ...paragraphsOf(harbour.text)], { title: harbour.title, heading: true });
    const doc = await extractDocument('harbour.docx', bytes);
    expect(doc.format).toBe('docx');
    const text = flat(doc.text);
    expect(text).toContain(harbour.title);
    let from = 0;
    for (const s of harbour.sentences) {
      const at = text.indexOf(s, from);
      expect(at, s).toBeGreaterThanOrEqual(from);
      from = at + s.length;
    }
  });

  it('recognises a docx by its content when the name has no extension', async () => {
    const doc = await extractDocument('download', await buildDocx(paragraphsOf(school.text)));
    expect(doc.format).toBe('docx');
    expect(flat(doc.text)).toContain(school.sentences[0]!);
  });

  it('refuses a truncated docx with a message naming the format', async () => {
    const bytes = await buildDocx(paragraphsOf(school.text));
    await expect(extractDocument('cut.docx', bytes.subarray(0, Math.floor(bytes.length / 2)))).rejects.toMatchObject({
      message: /docx/i,
    });
  });
});

describe('PDF importer on pages printed by headless Chromium', () => {
  let pdfs: Uint8Array[];
  beforeAll(async () => {
    pdfs = await printPdfs([
      printablePage(harbour.title, paragraphsOf(harbour.text)),
      printablePage('Инфляция', paragraphsOf(RUSSIAN)),
      printablePage(
        'Long report',
        Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1}: ${school.sentences[i % school.sentences.length]}`),
      ),
    ]);
  }, 60_000);

  it('reads the text of an English page in order', async () => {
    const doc = await extractDocument('harbour.pdf', pdfs[0]!);
    expect(doc.format).toBe('pdf');
    const text = flat(doc.text);
    expect(text).toContain(harbour.title);
    for (const s of harbour.sentences) expect(text).toContain(s);
  });

  it('reads Cyrillic text', async () => {
    const text = flat((await extractDocument('ru.pdf', pdfs[1]!)).text);
    for (const p of paragraphsOf(RUSSIAN)) expect(text).toContain(flat(p));
  });

  it('reads every page of a multi-page PDF and reports progress', async () => {
    const progress: number[] = [];
    const doc = await extractDocument('long.pdf', pdfs[2]!, (f) => progress.push(f));
    expect(flat(doc.text)).toContain('Paragraph 1:');
    expect(flat(doc.text)).toContain('Paragraph 60:');
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a truncated PDF with a message naming the format', async () => {
    await expect(extractDocument('cut.pdf', pdfs[0]!.subarray(0, 600))).rejects.toMatchObject({ message: /PDF/ });
  });
});

describe('importing generated files into a workspace', () => {
  let ctx: CoreContext | undefined;
  afterEach(() => {
    ctx?.workspace.close();
    ctx = undefined;
  });

  it('stores each format as a document with claims, and recognises the same content imported twice', async () => {
    ctx = createTestContext();
    const [pdf] = await printPdfs([printablePage(rail.title, paragraphsOf(rail.text))]);
    const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
    const files: [string, Uint8Array | string][] = [
      ['harbour.txt', harbour.text],
      ['school.docx', await buildDocx(paragraphsOf(school.text))],
      ['rail.pdf', pdf!],
      ['ru.html', encodeText(newsPageHtml({ title: 'Инфляция', paragraphs: paragraphsOf(RUSSIAN) }), 'koi8-r')],
    ];
    const ids: string[] = [];
    for (const [name, bytes] of files) {
      const r = await call(ctx, 'ingest.importFile', { name, dataBase64: b64(bytes) });
      expect(r.status, name).toBe('imported');
      ids.push(r.document!.id);
      expect(r.sentenceCount, name).toBeGreaterThan(1);
    }
    const docs = await call(ctx, 'documents.list', {});
    expect(docs).toHaveLength(files.length);
    const again = await call(ctx, 'ingest.importFile', { name: 'harbour-copy.txt', dataBase64: b64(harbour.text) });
    expect(again.status).toBe('duplicate');
    expect(again.duplicateOf).toBe(ids[0]);
  });
});

describe('segmenter on articles written for the tests', () => {
  it('splits each article exactly into its gold sentences, with offsets into the text', () => {
    for (const a of BUILT_ARTICLES) {
      const s = segmentSentences(a.text);
      expect(s.map((x) => x.text)).toEqual(a.sentences);
      for (const x of s) expect(a.text.slice(x.start, x.end)).toBe(x.text);
    }
  });
});
