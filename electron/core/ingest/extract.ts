/**
 * File bytes to a document's plain text and metadata: .txt/.md, .html/.htm (Readability main text),
 * .docx (mammoth) and .pdf (pdf.js). Pure of the store: runs in the parse worker.
 */
import path from 'node:path';
import { ClaimbenchError } from '../../../shared/result';
import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../../shared/limits';
import { decodeBytes } from './decode';
import { normaliseText, type ExtractedDocument, type ProgressFn } from './extracted';
import { importRefusal, NEXT } from './refusals';

/**
 * `typed`: the bytes are text a person typed or pasted (UTF-8, bounded by its character count, not
 * by the file limit), read as plain text whatever its name.
 */
export async function extractDocument(
  name: string,
  bytes: Uint8Array,
  onProgress: ProgressFn = () => {},
  options: { typed?: boolean } = {},
): Promise<ExtractedDocument> {
  if (bytes.byteLength === 0)
    throw importRefusal('VALIDATION', `${name} is empty: the file has nothing in it (0 bytes).`, NEXT.download);
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES && !options.typed)
    throw new ClaimbenchError('VALIDATION', tooLargeMessage(name, bytes.byteLength));
  const ext = options.typed ? '.txt' : path.extname(name).toLowerCase();
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
      throw importRefusal(
        'UNSUPPORTED_FORMAT',
        `Claimbench cannot read ${ext} files.`,
        'Open it in Word or LibreOffice and save it as .docx or .pdf, then import that; or paste its text.',
      );
    default: {
      if (!options.typed && (isZip(bytes) || isPdf(bytes)))
        return extractDocument(`${name}${isPdf(bytes) ? '.pdf' : '.docx'}`, bytes, onProgress);
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
  if (!doc.text.trim()) throw noText(name, doc.format);
  return doc;
}

/** A readable file that brought no text: only a PDF or a Word file may hold pictures of text. */
function noText(name: string, format: ExtractedDocument['format']): ClaimbenchError {
  if (format === 'pdf')
    return importRefusal(
      'VALIDATION',
      `${name} has no text in it, only images of pages (a scan or a photo), or nothing at all.`,
      NEXT.ocr,
    );
  if (format === 'docx')
    return importRefusal(
      'VALIDATION',
      `${name} has no text in it: it is empty, or holds only pictures.`,
      'If the pictures show text, paste that text instead.',
    );
  return importRefusal('VALIDATION', `${name} has no text in it, only blank space.`, 'Check that it is the file you meant.');
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
