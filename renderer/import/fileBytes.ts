import { MAX_IMPORT_FILE_BYTES, tooLargeMessage } from '../../shared/limits';

/** A picked file as it crosses to the core: its name and its bytes as base64, never decoded here. */
export interface FileBytes {
  name: string;
  dataBase64: string;
}

/**
 * Reads a picked file's bytes for the core's ingest pipeline, which detects the encoding (a KOI8-R
 * or Windows-1251 text reads the same as its UTF-8 copy). Files over the import limit are refused
 * before they are read.
 */
export function readFileBytes(file: File, onProgress: (fraction: number) => void = () => {}): Promise<FileBytes> {
  if (file.size > MAX_IMPORT_FILE_BYTES) return Promise.reject(new Error(tooLargeMessage(file.name, file.size)));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => {
      onProgress(1);
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve({ name: file.name, dataBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`${file.name} could not be read.`));
    reader.readAsDataURL(file);
  });
}
