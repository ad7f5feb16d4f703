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
