/**
 * What every extractor (text, HTML, DOCX, PDF) returns, and the one normalisation of its text.
 * Kept apart from extract.ts so the extractors it loads do not import it back.
 */
import { stripFootnoteMarks } from '../../../shared/text/footnote-marks';
import { stripDisguisingChars } from '../../../shared/text/invisible';
import { unwrapHardWrappedProse } from '../../../shared/text/unwrap';

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
 * Line endings to \n, no escape sequences or control characters but tab and line feed, no bidi overrides or zero-width characters (shared/text/invisible.ts),
 * no trailing spaces at line ends, no footnote marks after a sentence (shared/text/footnote-marks.ts), hard-wrapped
 * prose unwrapped (shared/text/unwrap.ts: a line break inside a wrapped paragraph, or a <br> inside a sentence, reads as
 * a space). Offsets are defined on this text.
 */
export function normaliseText(text: string): string {
  // Line breaks first: a lone CR, form feed or vertical tab is a line break, not a control to drop.
  return unwrapHardWrappedProse(
    stripFootnoteMarks(
      stripDisguisingChars(text.replace(/\r\n?|[\f\v]/g, '\n'))
        .replace(/[ \t]+\n/g, '\n')
        .trim(),
    ),
  );
}
