import type { z } from 'zod';
import { ClaimbenchError } from './result';

/** Parse with a schema; a failure becomes a VALIDATION error that names the offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : what;
  const message = issue ? issue.message : 'Invalid input';
  throw new ClaimbenchError('VALIDATION', `${path}: ${message}`);
}
