/** Largest text file the renderer will read; the core's own limit is 50 million characters. */
export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;

/** Reads a .txt file as UTF-8 with progress; rejects with a readable message. */
export function readTextFile(file: File, onProgress: (fraction: number) => void): Promise<string> {
  if (file.size > MAX_TEXT_FILE_BYTES) {
    return Promise.reject(new Error(`“${file.name}” is larger than 50 MB. Split it into smaller files.`));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => {
      onProgress(1);
      resolve(typeof reader.result === 'string' ? reader.result : '');
    };
    reader.onerror = () => reject(new Error(`Could not read “${file.name}”.`));
    reader.readAsText(file, 'utf-8');
  });
}

export function titleFromFileName(name: string): string {
  return (
    name
      .replace(/\.[^.]+$/, '')
      .replace(/[_-]+/g, ' ')
      .trim() || name
  );
}
