/**
 * What a source's link and dates must look like in a teammate's change rows
 * (electron/core/team/validate-change.ts). A checker's own input is checked by the core's
 * parseSourceUrl / parseSourceDate (electron/core/evidence), which also say in words what to write
 * instead; these schemas hold stored values to the same shapes.
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

/** Stored values as they travel in change rows: null for "none", never ''. */
export const storedSourceLink = z.string().max(MAX_SOURCE_URL).refine(isHttpUrl, 'is not an http(s) link').nullable();
export const storedSourceDate = z.string().max(64).regex(ISO_DATE_SHAPE, 'is not an ISO date').nullable();
