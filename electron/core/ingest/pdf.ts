import { MAX_PDF_PAGES } from '../../../shared/limits';
import { normaliseText, type ExtractedDocument, type ProgressFn } from './extracted';
import { joinWrappedLines, pageParagraphs, type PageParagraph, type TextItemLike } from './pdf-layout';
import { importRefusal, NEXT } from './refusals';

interface PageRefLike {
  ref: { num: number; gen: number } | null;
}

const BROKEN_PAGES = 'This PDF is malformed: its list of pages is broken, so Claimbench will not read it.';

/**
 * The page tree is walked before any text is extracted: a tree that lists the same page object
 * twice (a few kilobytes can then claim billions of pages) or loops back on itself is refused, and
 * so is a page count above MAX_PDF_PAGES. pdf.js finds cycles itself; we turn them into a refusal
 * instead of an empty page.
 */
async function checkPageTree(doc: { numPages: number; getPage(n: number): Promise<PageRefLike> }): Promise<void> {
  if (doc.numPages > MAX_PDF_PAGES)
    throw importRefusal(
      'UNSUPPORTED_FORMAT',
      `This PDF has more pages than Claimbench imports (${doc.numPages.toLocaleString('en')}; at most ${MAX_PDF_PAGES.toLocaleString('en')}).`,
      'Split it into smaller PDFs and import those, or paste the part you need.',
    );
  const seen = new Set<string>();
  for (let p = 1; p <= doc.numPages; p++) {
    let page: PageRefLike;
    try {
      page = await doc.getPage(p);
    } catch (e) {
      if (e instanceof Error && /circular reference/i.test(e.message))
        throw importRefusal('UNSUPPORTED_FORMAT', BROKEN_PAGES, NEXT.resavePdf, 'the page tree loops back on itself');
      continue; // one damaged page is skipped at extraction, as before
    }
    if (!page.ref) continue;
    const key = `${page.ref.num} ${page.ref.gen}`;
    if (seen.has(key))
      throw importRefusal(
        'UNSUPPORTED_FORMAT',
        BROKEN_PAGES,
        NEXT.resavePdf,
        'the page tree lists the same page more than once (a page-tree bomb)',
      );
    seen.add(key);
  }
}

/** Text of every page through pdf.js (legacy Node build); pages joined where a sentence runs on. */
export async function extractPdf(bytes: Uint8Array, onProgress: ProgressFn): Promise<ExtractedDocument> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException')
      throw importRefusal(
        'UNSUPPORTED_FORMAT',
        'This PDF is locked with a password.',
        'Open it with its password, save a copy without one, and import that copy; or paste its text.',
      );
    throw importRefusal(
      'CORRUPT',
      'This PDF is damaged or incomplete: it may not have finished downloading or copying.',
      NEXT.resavePdf,
      e instanceof Error ? e.message : undefined,
    );
  }
  try {
    await checkPageTree(doc);
    const pages: PageParagraph[][] = [];
    let title: string | null = null;
    try {
      const meta = await doc.getMetadata();
      const info = meta.info as { Title?: unknown } | undefined;
      if (typeof info?.Title === 'string' && info.Title.trim()) title = info.Title.trim();
    } catch {
      // Metadata is optional.
    }
    for (let p = 1; p <= doc.numPages; p++) {
      try {
        const page = await doc.getPage(p);
        const content = await page.getTextContent();
        pages.push(pageParagraphs(content.items.flatMap((i) => ('str' in i ? [i as TextItemLike] : []))));
        page.cleanup();
      } catch {
        pages.push([]);
      }
      onProgress(p / doc.numPages);
    }
    let text = '';
    let lastRow = false;
    for (const paragraphs of pages) {
      for (const para of paragraphs) {
        const runsOn = !lastRow && !para.row && !/[.!?:;"”»)]$/.test(text) && /^\p{Ll}/u.test(para.text);
        if (!text) text = para.text;
        else if (runsOn) text = joinWrappedLines([text, para.text]);
        else text += `\n\n${para.text}`;
        lastRow = para.row;
      }
    }
    if (!text.trim())
      throw importRefusal(
        'UNSUPPORTED_FORMAT',
        'This PDF has no text in it, only images of pages (a scan or a photo), or nothing at all.',
        NEXT.ocr,
      );
    return {
      format: 'pdf',
      title,
      text: normaliseText(text),
      byline: null,
      publishedAt: null,
      canonicalUrl: null,
      encoding: null,
    };
  } finally {
    await doc.destroy();
  }
}
