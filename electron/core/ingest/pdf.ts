import { ClaimbenchError } from '../../../shared/result';
import { MAX_PDF_PAGES } from '../../../shared/limits';
import { normaliseText, type ExtractedDocument, type ProgressFn } from './extracted';

interface Line {
  y: number;
  height: number;
  text: string;
}

interface TextItemLike {
  str: string;
  hasEOL?: boolean;
  transform: number[];
  height: number;
}

/** Lines of one page in reading order of the content stream. */
function pageLines(items: TextItemLike[]): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    if (current && Math.abs(current.y - y) > Math.max(2, current.height * 0.5) && current.text.trim()) {
      lines.push(current);
      current = null;
    }
    current ??= { y, height: item.height || 10, text: '' };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/** Paragraphs of one page: a vertical gap clearly larger than the usual line spacing starts a new one. */
function pageParagraphs(lines: Line[]): string[] {
  const gaps = lines
    .slice(1)
    .map((l, i) => Math.abs(lines[i]!.y - l.y))
    .filter((g) => g > 0)
    .sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 12;
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    const gap = i === 0 ? Infinity : Math.abs(lines[i - 1]!.y - line.y);
    if (i === 0 || gap > usual * 1.5) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(line.text);
  });
  return paragraphs.map(joinWrappedLines);
}

/** Join hard-wrapped lines, repairing words hyphenated at a line end ("eco-" + "nomic"). */
export function joinWrappedLines(lines: string[]): string {
  let out = '';
  for (const line of lines) {
    if (!out) out = line;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(line)) out = out.slice(0, -1) + line;
    else out += ` ${line}`;
  }
  return out;
}

interface PageRefLike {
  ref: { num: number; gen: number } | null;
}

/**
 * The page tree is walked before any text is extracted: a tree that lists the same page object
 * twice (a few kilobytes can then claim billions of pages) or loops back on itself is refused, and
 * so is a page count above MAX_PDF_PAGES. pdf.js finds cycles itself; we turn them into a refusal
 * instead of an empty page.
 */
async function checkPageTree(doc: { numPages: number; getPage(n: number): Promise<PageRefLike> }): Promise<void> {
  if (doc.numPages > MAX_PDF_PAGES)
    throw new ClaimbenchError(
      'UNSUPPORTED_FORMAT',
      `This PDF claims ${doc.numPages.toLocaleString('en')} pages; the limit is ${MAX_PDF_PAGES.toLocaleString('en')}.`,
    );
  const seen = new Set<string>();
  for (let p = 1; p <= doc.numPages; p++) {
    let page: PageRefLike;
    try {
      page = await doc.getPage(p);
    } catch (e) {
      if (e instanceof Error && /circular reference/i.test(e.message))
        throw new ClaimbenchError('UNSUPPORTED_FORMAT', 'This PDF’s page tree loops back on itself; it cannot be imported.');
      continue; // one damaged page is skipped at extraction, as before
    }
    if (!page.ref) continue;
    const key = `${page.ref.num} ${page.ref.gen}`;
    if (seen.has(key))
      throw new ClaimbenchError(
        'UNSUPPORTED_FORMAT',
        'This PDF’s page tree lists the same page more than once (a page-tree bomb); it cannot be imported.',
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
      throw new ClaimbenchError('UNSUPPORTED_FORMAT', 'This PDF is password-protected; remove the password and import it again.');
    throw new ClaimbenchError('CORRUPT', `This PDF could not be read (${e instanceof Error ? e.message : 'damaged file'}).`);
  }
  try {
    await checkPageTree(doc);
    const pages: string[][] = [];
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
        pages.push(pageParagraphs(pageLines(content.items.flatMap((i) => ('str' in i ? [i as TextItemLike] : [])))));
        page.cleanup();
      } catch {
        pages.push([]);
      }
      onProgress(p / doc.numPages);
    }
    let text = '';
    for (const paragraphs of pages) {
      for (const para of paragraphs) {
        if (!text) text = para;
        else if (!/[.!?:;"”»)]$/.test(text) && /^\p{Ll}/u.test(para)) text = joinWrappedLines([text, para]);
        else text += `\n\n${para}`;
      }
    }
    if (!text.trim())
      throw new ClaimbenchError('UNSUPPORTED_FORMAT', 'This PDF has no extractable text (it may be scanned images).');
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
