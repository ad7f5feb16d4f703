import { z } from 'zod';

/** Longest path accepted anywhere (Linux's PATH_MAX; Windows' long paths stay below it). */
export const MAX_PATH_CHARS = 4_096;

/** A file-system path: bounded, never a NUL (which would cut the path short in the OS call). */
export const filePath = z
  .string()
  .min(1)
  .max(MAX_PATH_CHARS)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL character');

/**
 * The token the core hands a page for a file or folder the person chose in a host dialog
 * (electron/core/chosen-files.ts); a page names chosen files only by it, never by a path.
 */
export const chosenToken = z.string().regex(/^[0-9a-f]{32}$/, 'is not a chosen-file token');

/**
 * The renderer schema of an operation that takes or answers paths, so only the core's own callers
 * may use it. A page asks the operation that needs the file instead (report.chooseTarget,
 * libraries.chooseNew, team.chooseShareFile, capture.chooseAndFollow, attachments.open, …), which
 * keeps the path in the core and hands the page a token and a name.
 */
export const notFromPage = z.custom<never>(
  () => false,
  'a page cannot name files by path; the operation that uses the file asks for it and keeps the path',
);
