/**
 * File bytes to a document's plain text and metadata: .txt/.md, .html/.htm (Readability main text),
 * .docx (mammoth) and .pdf (pdf.js). Pure of the store: runs in the parse worker.
 */
import path from 'node:path';
import { ClaimbenchError } from '../../../shared/result';
import { decodeBytes } from './decode';
import { stripDisguisingChars } from '../../../shared/text/invisible';

export interface ExtractedDocument {
  format: 'text' | 'markdown' | 'html' | 'docx' | 'pdf';
  title: string | null;
  text: string;
  byline: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  encoding: string | null;
}

/** Refused before parsing: larger files are almost never articles and would stall the store. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

export type ProgressFn = (fraction: number) => void;

export async function extractDocument(
  name: string,
  bytes: Uint8Array,
  onProgress: ProgressFn = () => {},
): Promise<ExtractedDocument> {
  if (bytes.byteLength === 0) throw new ClaimbenchError('VALIDATION', `${name} is empty.`);
  if (bytes.byteLength > MAX_FILE_BYTES)
    throw new ClaimbenchError(
      'VALIDATION',
      `${name} is too large (${(bytes.byteLength / 1048576).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB).`,
    );
  const ext = path.extname(name).toLowerCase();
  let doc: ExtractedDocument;
  switch (ext) {
    case '.html':
    case '.htm':
    case '.xhtml':
      // Parsers load on first use: jsdom, mammoth and pdf.js are heavy and most commands never need them.
      doc = (await import('./html')).extractHtml(bytes);
      break;
    case '.docx':
      doc = await (await import('./docx')).extractDocx(bytes);
      break;
    case '.pdf':
      doc = await (await import('./pdf')).extractPdf(bytes, onProgress);
      break;
    case '.doc':
    case '.rtf':
    case '.odt':
    case '.pages':
      throw new ClaimbenchError('UNSUPPORTED_FORMAT', `${name}: ${ext} files are not supported; save it as .docx, .pdf or .txt.`);
    default: {
      if (isZip(bytes) || isPdf(bytes)) return extractDocument(`${name}${isPdf(bytes) ? '.pdf' : '.docx'}`, bytes, onProgress);
      const decoded = decodeBytes(bytes);
      const md = ext === '.md' || ext === '.markdown';
      const text = normaliseText(decoded.text);
      doc = {
        format: md ? 'markdown' : 'text',
        title: md ? (/^#\s+(.+)$/m.exec(text)?.[1]?.trim() ?? null) : null,
        text,
        byline: null,
        publishedAt: null,
        canonicalUrl: null,
        encoding: decoded.encoding,
      };
    }
  }
  onProgress(1);
  if (!doc.text.trim()) throw new ClaimbenchError('VALIDATION', `${name} contains no text.`);
  return doc;
}

/**
 * Line endings to \n, no NULs, no bidi overrides or zero-width characters (shared/text/invisible.ts),
 * no trailing spaces at line ends. Offsets are defined on this text.
 */
export function normaliseText(text: string): string {
  return stripDisguisingChars(text)
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
