import type { ImportOutcome } from '../../shared/spotting/ingest-types';
import { readFileBytes, type FileBytes } from './fileBytes';
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILES, TOO_MANY_FILES_MESSAGE, tooLargeMessage } from '../../shared/limits';

export interface PickedFile {
  file: File;
  /** Set for a dropped folder, which has no bytes to read. */
  isFolder?: boolean;
}

export function refusal(name: string, message: string): ImportOutcome {
  return {
    name,
    status: 'failed',
    document: null,
    claimCount: 0,
    sentenceCount: 0,
    duplicateOf: null,
    format: null,
    encoding: null,
    warning: null,
    error: { code: 'VALIDATION', message },
  };
}

/**
 * Reads picked files as bytes for the core. Files the core would refuse anyway (folders, too large,
 * beyond the batch limit) are reported at once without being read.
 */
export async function readPickedFiles(picked: PickedFile[]): Promise<{ files: FileBytes[]; refused: ImportOutcome[] }> {
  const files: FileBytes[] = [];
  const refused: ImportOutcome[] = [];
  for (const [i, { file, isFolder }] of picked.entries()) {
    if (i >= MAX_IMPORT_FILES) refused.push(refusal(file.name, TOO_MANY_FILES_MESSAGE));
    else if (isFolder) refused.push(refusal(file.name, `${file.name} is a folder; drop the files inside it.`));
    else if (file.size > MAX_IMPORT_FILE_BYTES) refused.push(refusal(file.name, tooLargeMessage(file.name, file.size)));
    else {
      try {
        files.push(await readFileBytes(file));
      } catch (e) {
        refused.push(refusal(file.name, e instanceof Error ? e.message : String(e)));
      }
    }
  }
  return { files, refused };
}

/** Files from a drop, with folders marked (they arrive as zero-byte Files). */
export function pickedFromDrop(data: DataTransfer): PickedFile[] {
  const picked: PickedFile[] = [];
  const items = [...data.items].filter((item) => item.kind === 'file');
  for (const item of items) {
    const file = item.getAsFile();
    if (!file) continue;
    picked.push({ file, isFolder: item.webkitGetAsEntry?.()?.isDirectory ?? false });
  }
  return picked;
}
