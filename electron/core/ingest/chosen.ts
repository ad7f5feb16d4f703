/**
 * Import from files the person picked in the host's open dialog. The renderer never names paths:
 * the core asks the host itself, so a compromised renderer cannot make the core read arbitrary files.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BatchStatus } from '../../../shared/spotting/ingest-types';
import { ClaimbenchError } from '../../../shared/result';
import type { CoreContext } from '../context';
import { startBatch, type FileInput } from './batch';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES, TOO_MANY_FILES_MESSAGE, tooLargeMessage } from '../../../shared/limits';

/** Reads each path; a file that is missing, not a file or too large is refused without being read. */
export async function readChosenFiles(paths: string[]): Promise<FileInput[]> {
  return Promise.all(
    paths.map(async (p): Promise<FileInput> => {
      const name = path.basename(p) || p;
      const refuse = (code: string, message: string): FileInput => ({
        name,
        bytes: new Uint8Array(),
        refused: { code, message },
      });
      try {
        const stat = await fs.stat(p);
        if (!stat.isFile()) return refuse('VALIDATION', `${name} is not a file.`);
        if (stat.size > MAX_IMPORT_FILE_BYTES) return refuse('VALIDATION', tooLargeMessage(name, stat.size));
        return { name, bytes: new Uint8Array(await fs.readFile(p)) };
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return refuse('IO', code === 'ENOENT' ? `${name} no longer exists.` : `${name} could not be read (${code ?? 'error'}).`);
      }
    }),
  );
}

/** Asks the host for files to import and starts a batch with them; null when the person cancels. */
export async function importChosen(ctx: CoreContext): Promise<{ status: BatchStatus | null; names: string[] }> {
  if (!ctx.host) throw new ClaimbenchError('FORBIDDEN', 'File dialogs are only available in the app.');
  const paths = await ctx.host.chooseOpen('import', true);
  if (!paths || paths.length === 0) return { status: null, names: [] };
  if (paths.length > MAX_IMPORT_FILES) throw new ClaimbenchError('VALIDATION', TOO_MANY_FILES_MESSAGE);
  const files = await readChosenFiles(paths);
  return { status: startBatch(ctx.workspace, files), names: files.map((f) => f.name) };
}
