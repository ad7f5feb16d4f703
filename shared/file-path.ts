import { z } from 'zod';

/** Longest path accepted anywhere (Linux's PATH_MAX; Windows' long paths stay below it). */
export const MAX_PATH_CHARS = 4_096;

/** A file-system path: bounded, never a NUL (which would cut the path short in the OS call). */
export const filePath = z
  .string()
  .min(1)
  .max(MAX_PATH_CHARS)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL character');
