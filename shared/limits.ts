/**
 * Every size, count and time limit on what comes into a workspace, declared once. The renderer
 * refuses early with these (to spare reading a file the core would refuse), the core enforces them,
 * and the CLI and the API contract read them from here.
 */

const MB = 1024 * 1024;

/** One imported file. Larger files are almost never articles and would stall the store. */
export const MAX_IMPORT_FILE_BYTES = 40 * MB;

/** Files in one import (a drop, a dialog pick, one CLI call's batch). */
export const MAX_IMPORT_FILES = 200;

/** A file's bytes as base64 on the wire: 4 characters per 3 bytes, plus room for line breaks. */
export const MAX_IMPORT_FILE_BASE64_CHARS = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 1_000_000;

/** A document's text, typed, pasted, extracted or received from a teammate. */
export const MAX_DOCUMENT_TEXT_CHARS = 50_000_000;

/** Pages read from one PDF. */
export const MAX_PDF_PAGES = 5000;

/** Memory one parse may use in the parse worker; a hostile file ends the worker, not the process. */
export const PARSE_MEMORY_LIMIT_MB = 1024;

/** A parse that takes longer is abandoned: a 200-page PDF takes a few seconds. */
export const PARSE_TIMEOUT_MS = 60_000;

/** "12 MB", for messages that name a size or a limit. */
export function megabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(0)} MB`;
}

/** The one message for a file over the import limit, wherever it is caught. */
export function tooLargeMessage(name: string, bytes: number): string {
  return `${name} is too large to import (${megabytes(bytes)}; at most ${megabytes(MAX_IMPORT_FILE_BYTES)}). Split it into smaller files, or paste the part you need.`;
}

/** The one message for an import of too many files. */
export const TOO_MANY_FILES_MESSAGE = `Import at most ${MAX_IMPORT_FILES} files at a time.`;
