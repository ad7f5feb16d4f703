/**
 * Why a file could not be imported, for the person importing it: what is wrong in plain words, then
 * what to do; the technical cause, when there is one, on a line of its own after them.
 */
import { ClaimbenchError, type ErrorCode } from '../../../shared/result';

export const DETAIL_PREFIX = '\nDetails: ';

export function importRefusal(code: ErrorCode, problem: string, nextStep: string, detail?: string): ClaimbenchError {
  return new ClaimbenchError(code, `${problem} ${nextStep}${detail ? `${DETAIL_PREFIX}${detail.slice(0, 300)}` : ''}`);
}

/** The next steps, said the same way wherever they apply. */
export const NEXT = {
  resaveWord: 'Open it in Word (or LibreOffice) and save it again as .docx, or paste its text.',
  resavePdf: 'Open it in a PDF reader and save or print it again as a PDF, or paste its text.',
  ocr: 'Run it through text recognition (OCR) and import the result, or paste the text.',
  download: 'Get the file again (download or copy it anew), or paste its text.',
  split: 'Split it into smaller files, or paste the part you need.',
  resaveAny: 'Open it in the program that made it and save it again (as .docx, .pdf or .txt), or paste its text.',
} as const;
