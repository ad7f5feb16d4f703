/**
 * Operations served by the host the core runs in: the app shows native dialogs and opens files in
 * the system viewer; tests stand in for the person choosing a file; the CLI has no host and
 * answers FORBIDDEN. Spread into `api` in shared/api.ts.
 */
import { z } from 'zod';
import { filePath, notFromPage } from './file-path';
import { op } from './operation';

export const OPEN_PURPOSES = ['import', 'merge', 'attachment', 'sync-folder', 'transcript', 'library', 'library-import'] as const;
export const SAVE_PURPOSES = ['report', 'share', 'library'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];
export type SavePurpose = (typeof SAVE_PURPOSES)[number];

export const hostApi = {
  /** Ask the person for files (or a folder for 'sync-folder'); null when they cancel. */
  'host.chooseOpen': op<{ paths: string[] | null }>()(
    z.object({ purpose: z.enum(OPEN_PURPOSES), multiple: z.boolean().optional() }).strict(),
    notFromPage,
  ),
  /** Ask the person where to save; null when they cancel. */
  'host.chooseSave': op<{ path: string | null }>()(
    z
      .object({
        purpose: z.enum(SAVE_PURPOSES),
        defaultName: z.string().min(1).max(255),
        extension: z
          .string()
          .regex(/^[a-z0-9]{1,12}$/)
          .optional(),
      })
      .strict(),
    notFromPage,
  ),
  /** Open a file that attachments.export wrote, in the system viewer (the shell refuses any other path). */
  'host.openPath': op<{ opened: true }>()(z.object({ path: filePath }).strict(), notFromPage),
} as const;
