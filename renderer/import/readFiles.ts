import type { ImportOutcome } from '../../shared/spotting/ingest-types';

/** The core refuses files over 40 MB (electron/core/ingest/extract.ts); refusing here saves reading them. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/** The most files one batch accepts (shared/api.ts `ingest.startBatch`). */
export const MAX_BATCH_FILES = 200;

export interface PickedFile {
  file: File;
  /** Set for a dropped folder, which has no bytes to read. */
  isFolder?: boolean;
}

export interface ReadFile {
  name: string;
  dataBase64: string;
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
    error: { code: 'VALIDATION', message },
  };
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}

/**
 * Reads picked files as bytes for the core. Files the core would refuse anyway (folders, too large,
 * beyond the batch limit) are reported at once without being read.
 */
export async function readPickedFiles(picked: PickedFile[]): Promise<{ files: ReadFile[]; refused: ImportOutcome[] }> {
  const files: ReadFile[] = [];
  const refused: ImportOutcome[] = [];
  for (const [i, { file, isFolder }] of picked.entries()) {
    if (i >= MAX_BATCH_FILES) refused.push(refusal(file.name, `Import at most ${MAX_BATCH_FILES} files at a time.`));
    else if (isFolder) refused.push(refusal(file.name, `${file.name} is a folder; drop the files inside it.`));
    else if (file.size > MAX_IMPORT_BYTES)
      refused.push(refusal(file.name, `${file.name} is too large (${(file.size / 1048576).toFixed(0)} MB; the limit is 40 MB).`));
    else {
      try {
        files.push({ name: file.name, dataBase64: await readAsBase64(file) });
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
