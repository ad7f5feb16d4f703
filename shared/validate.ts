import type { z } from 'zod';
import { plainIssue } from './plain-issue';
import { ClaimbenchError } from './result';

/** Parse with a schema; a failure becomes a VALIDATION error that names the offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ClaimbenchError('VALIDATION', plainIssue(result.error.issues[0], what));
}
