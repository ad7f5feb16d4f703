import mammoth from 'mammoth';
import { ClaimbenchError } from '../../../shared/result';
import type { ExtractedDocument } from './extracted';
import { normaliseText } from './extracted';
import { checkZipBounds, DOCX_LIMITS } from './zip-guard';

const RESAVE = 'Open it in a word processor, save it again as .docx, and import that copy.';

/** Why mammoth gave up, in words for the person importing (its XML parser's own messages are not). */
function whyUnreadable(e: unknown): string {
  const message = e instanceof Error ? e.message : '';
  if (/xmldom|entity|xml/i.test(message))
    return 'its text is not well-formed Word XML (it may be damaged or made by a tool Word does not recognise)';
  if (/zip|central directory|end of data|corrupt/i.test(message)) return 'the file is damaged or incomplete';
  if (/document\.xml|main document/i.test(message)) return 'it has no main document part (it may not be a Word document)';
  return 'the file is damaged or is not a Word document';
}

/** Paragraph text of a .docx through mammoth (which resolves no external entities). */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new ClaimbenchError('CORRUPT', 'This .docx is not a Word document (it may be encrypted or damaged).');
  checkZipBounds(bytes, DOCX_LIMITS, '.docx');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw new ClaimbenchError('CORRUPT', `This .docx could not be read: ${whyUnreadable(e)}. ${RESAVE}`);
  }
  const text = normaliseText(raw.replace(/\n{3,}/g, '\n\n'));
  return { format: 'docx', title: null, text, byline: null, publishedAt: null, canonicalUrl: null, encoding: null };
}
