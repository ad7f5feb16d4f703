import { ClaimbenchError } from '../../../shared/result';

/** How long a write waits for another writer (a second window, a CLI command, a sync) to finish. */
export const BUSY_TIMEOUT_MS = 10_000;

export const BUSY_MESSAGE =
  'The workspace is busy: another window or command is writing to it. Try again in a moment; nothing was changed.';

/**
 * SQLite's "database is locked" (SQLITE_BUSY and its extended codes) once the busy timeout has run
 * out. Write transactions begin IMMEDIATE, so the wait happens before anything is written and a
 * still-busy workspace is left exactly as it was.
 */
export function isBusyError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return (typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code)) || /database is (locked|busy)/i.test(e.message);
}

export function busyError(): ClaimbenchError {
  return new ClaimbenchError('BUSY', BUSY_MESSAGE);
}

/** The disk (or the user's quota) is full: SQLite's SQLITE_FULL, or ENOSPC/EDQUOT from a file write. */
export function isDiskFullError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT' || /database or disk is full/i.test(e.message);
}

export function diskFullError(): ClaimbenchError {
  return new ClaimbenchError(
    'IO',
    'The disk is full, so this could not be finished. Nothing was lost: the workspace keeps its last complete state. Free some space and try again.',
  );
}

/** The typed error for a failure a person can act on (busy, disk full), or null for a real internal error. */
export function storageError(e: unknown): ClaimbenchError | null {
  if (isBusyError(e)) return busyError();
  if (isDiskFullError(e)) return diskFullError();
  return null;
}
