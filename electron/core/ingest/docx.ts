import mammoth from 'mammoth';
import { ClaimbenchError } from '../../../shared/result';
import type { ExtractedDocument } from './extracted';
import { normaliseText } from './extracted';
import { checkZipBounds, DOCX_LIMITS } from './zip-guard';

/** Paragraph text of a .docx through mammoth (which resolves no external entities). */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new ClaimbenchError('CORRUPT', 'This .docx is not a Word document (it may be encrypted or damaged).');
  checkZipBounds(bytes, DOCX_LIMITS, '.docx');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw new ClaimbenchError(
      'CORRUPT',
      `This .docx could not be read (${e instanceof Error ? e.message.split('\n')[0] : 'damaged file'}).`,
    );
  }
  const text = normaliseText(raw.replace(/\n{3,}/g, '\n\n'));
  return { format: 'docx', title: null, text, byline: null, publishedAt: null, canonicalUrl: null, encoding: null };
}
