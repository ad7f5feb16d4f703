/**
 * What every extractor (text, HTML, DOCX, PDF) returns, and the one normalisation of its text.
 * Kept apart from extract.ts so the extractors it loads do not import it back.
 */
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

export type ProgressFn = (fraction: number) => void;

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
