import mammoth from 'mammoth';

import type { ExtractedDocument } from './extracted';
import { normaliseText } from './extracted';
import { checkZipBounds, DOCX_LIMITS } from './zip-guard';
import { importRefusal, NEXT } from './refusals';

/** What is wrong, and the cause in a few words, from why mammoth gave up (its XML parser's own words are jargon). */
function whatIsWrong(e: unknown): { problem: string; detail: string } {
  const message = e instanceof Error ? e.message : '';
  if (/zip|central directory|end of data|corrupt/i.test(message))
    return {
      problem: 'This Word file is damaged or incomplete: it may not have finished downloading or copying.',
      detail: 'its zip archive is incomplete',
    };
  if (/document\.xml|main document/i.test(message))
    return { problem: 'This file has no Word document inside: it may not be a Word file.', detail: 'no word/document.xml part' };
  if (/xmldom|entity|xml/i.test(message))
    return {
      problem: 'This Word file is damaged, or was made by a program that does not write Word files the way Word does.',
      detail: 'its text is not well-formed Word XML',
    };
  return { problem: 'This Word file is damaged, or is not a Word document.', detail: 'the Word reader gave up on it' };
}

/** Paragraph text of a .docx through mammoth (which resolves no external entities). */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractedDocument> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw importRefusal(
      'CORRUPT',
      'This file is not a Word document, or it is locked with a password.',
      `If it opens in Word, remove the password or save it again as .docx; otherwise paste its text.`,
    );
  checkZipBounds(bytes, DOCX_LIMITS, '.docx');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    const { problem, detail } = whatIsWrong(e);
    throw importRefusal('CORRUPT', problem, NEXT.resaveWord, detail);
  }
  const text = normaliseText(raw.replace(/\n{3,}/g, '\n\n'));
  return { format: 'docx', title: null, text, byline: null, publishedAt: null, canonicalUrl: null, encoding: null };
}
