/**
 * A source's publication date, checked where it enters: ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or a
 * date and time), a real calendar date, not before MIN_SOURCE_YEAR and not in the future. Year 0000,
 * "2024-02-30" or free text are refused with a message saying what to write instead.
 *
 * Why 1900 and not 2000 (the floor for change timestamps, EARLIEST_CHANGE_MILLIS in electron/core/team/validate-change.ts): a source is often
 * older than any workspace event — a 1998 law, a 1991 census — and refusing it would push checkers to
 * write the date into the title instead.
 */
import { ClaimbenchError } from '../../../shared/result';

export const MIN_SOURCE_YEAR = 1900;

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

export function parseSourceDate(text: string, now = Date.now()): string {
  const value = text.trim();
  const m = ISO_DATE.exec(value);
  const refuse = (why: string) =>
    new ClaimbenchError('VALIDATION', `The date “${value.slice(0, 40)}” ${why}; write it as YYYY-MM-DD (or YYYY-MM, or YYYY).`);
  if (!m) throw refuse('is not a date Claimbench can read');
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v)));
  const probe = new Date(Date.UTC(year!, month - 1, day, hour, minute, second));
  if (
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  )
    throw refuse('is not a real calendar date');
  if (year! < MIN_SOURCE_YEAR) throw refuse(`is before ${MIN_SOURCE_YEAR}`);
  if (probe.getTime() > now + 2 * 86_400_000) throw refuse('is in the future');
  return value;
}
