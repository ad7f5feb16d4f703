/**
 * The checks a source's origin fields share wherever they cross a boundary: the operation
 * contract (shared/evidence-api.ts) and a teammate's change rows (electron/core/team/validate-change.ts).
 * The core's parseSourceUrl / parseSourceDate then add the finer rules (no credentials in a link,
 * a real calendar date, not in the future).
 */
import { z } from 'zod';

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** YYYY, YYYY-MM, YYYY-MM-DD, optionally with a time: the shapes parseSourceDate reads. */
export const ISO_DATE_SHAPE = /^\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export const MAX_SOURCE_URL = 4_000;

/** An http(s) link, or '' for "none". */
export const sourceLinkText = z
  .string()
  .trim()
  .max(MAX_SOURCE_URL)
  .refine((v) => v === '' || isHttpUrl(v), 'must be a full http:// or https:// address');

/** An ISO date, or '' for "none". */
export const sourceDateText = z
  .string()
  .trim()
  .max(64)
  .refine((v) => v === '' || ISO_DATE_SHAPE.test(v), 'must be a date written YYYY-MM-DD (or YYYY-MM, or YYYY)');

/** Stored values as they travel in change rows: null for "none", never ''. */
export const storedSourceLink = z.string().max(MAX_SOURCE_URL).refine(isHttpUrl, 'is not an http(s) link').nullable();
export const storedSourceDate = z.string().max(64).regex(ISO_DATE_SHAPE, 'is not an ISO date').nullable();
