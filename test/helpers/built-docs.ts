/**
 * Document files the tests build themselves, so every importer is tested on a fresh clone without
 * ../shared: docx written with JSZip, PDFs printed by headless Chromium, HTML and text encodings
 * generated in code with iconv-lite.
 */
import iconv from 'iconv-lite';
import JSZip from 'jszip';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bytes of `text` in `encoding` (any name iconv-lite knows), with a byte-order mark when asked. */
export function encodeText(text: string, encoding: string, options: { bom?: boolean } = {}): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: options.bom ?? false }));
}

/** A news page with navigation, a sidebar and a footer around the article, as sites serve them. */
export function newsPageHtml(
  article: { title: string; paragraphs: string[] },
  options: { charset?: string; canonical?: string } = {},
): string {
  const meta = options.charset ? `<meta charset="${options.charset}">` : '';
  const canonical = options.canonical ? `<link rel="canonical" href="${escapeXml(options.canonical)}">` : '';
  return `<!doctype html>
<html lang="en"><head>${meta}<title>${escapeXml(article.title)} | Example News</title>${canonical}
<script>window.tracker = 'NAVIGATION-SCRIPT';</script><style>body { font-family: serif; }</style></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAVIGATION-LINK</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>${escapeXml(article.title)}</h1>
<p class="byline">By Jane Reporter</p>
${article.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/x">SIDEBAR-ITEM one</a></li><li><a href="/y">SIDEBAR-ITEM two</a></li></ul></aside>
<footer>FOOTER-TEXT © Example News</footer>
</body></html>`;
}

/** A minimal but complete .docx (WordprocessingML in a zip), one w:p per paragraph; `heading` styles the first. */
export async function buildDocx(paragraphs: string[], options: { title?: string; heading?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
  );
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>${escapeXml(options.title ?? '')}</dc:title><dc:creator>Claimbench tests</dc:creator>
</cp:coreProperties>`,
  );
  const body = paragraphs
    .map((p, i) => {
      const style = options.heading && i === 0 ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`;
    })
    .join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** PDFs printed from HTML by headless Chromium (playwright-core's page.pdf), one browser for all of them. */
export async function printPdfs(htmlPages: string[]): Promise<Uint8Array[]> {
  // Loaded here so the crash worker's bundle, which builds docx and HTML only, does not carry a browser driver.
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, chromiumPath } = await import('../../electron/core/report/pdf');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const pdfs: Uint8Array[] = [];
    for (const html of htmlPages) {
      await page.setContent(html, { waitUntil: 'load' });
      pdfs.push(new Uint8Array(await page.pdf({ format: 'A4', printBackground: false })));
    }
    return pdfs;
  } finally {
    await browser.close();
  }
}

/** A simple printable page: a heading and paragraphs, the way a report or a press release prints. */
export function printablePage(title: string, paragraphs: string[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<style>body { font: 12pt sans-serif; margin: 2cm; } h1 { font-size: 18pt; }</style></head>
<body><h1>${escapeXml(title)}</h1>${paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('')}</body></html>`;
}
