/**
 * A schema refusal in plain words: "text must not be empty", "verdict must be sourced, disputed or
 * unverified", instead of zod's own wording ("Too small: expected string to have >=1 characters").
 * A message a schema wrote itself is kept as it is.
 */
import type { z } from 'zod';

function oneOf(values: readonly unknown[]): string {
  const words = values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

const UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes'],
};

function bound(origin: string | undefined, n: number | bigint): string {
  const unit = origin ? UNITS[origin] : undefined;
  return unit ? `${n} ${Number(n) === 1 ? unit[0] : unit[1]}` : String(n);
}

/** zod's own wording for its checks; a schema that gave its own message keeps it. */
const ZOD_WORDING =
  /^(Too small|Too big|Invalid option|Invalid input|Invalid URL|Invalid string|Invalid ISO|Invalid email|Unrecognized key)/;

/** What is wrong with `field`, as a sentence's predicate ("must not be empty"); null for a schema's own message. */
export function plainProblem(issue: z.core.$ZodIssue): string | null {
  if (!ZOD_WORDING.test(issue.message)) return null;
  switch (issue.code) {
    case 'too_small':
      if (issue.exact) return `must be exactly ${bound(issue.origin, issue.minimum)}`;
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      if (issue.origin === 'array' && Number(issue.minimum) === 1) return 'must list at least one';
      return `must be at least ${bound(issue.origin, issue.minimum)}`;
    case 'too_big':
      if (issue.exact) return `must be exactly ${bound(issue.origin, issue.maximum)}`;
      return `must be at most ${bound(issue.origin, issue.maximum)}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}`;
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_format':
      if (issue.format === 'url') return 'must be a web address (http or https)';
      if (issue.format === 'datetime') return 'must be a date and time such as 2024-05-12T09:30:00Z';
      if (issue.format === 'date') return 'must be a date such as 2024-05-12';
      if (issue.format === 'regex') return 'is not in the expected form';
      return `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not know: ${issue.keys.join(', ')}`;
    default:
      return null;
  }
}

/**
 * "field problem" in plain words, or the field and the schema's own message joined by `joiner`.
 * The field is the issue's path, else `fallbackField`; with `under`, the path is read inside
 * `fallbackField` ("reasons.0.kind").
 */
export function plainIssue(issue: z.core.$ZodIssue | undefined, fallbackField: string, joiner = ': ', under = false): string {
  if (!issue) return `${fallbackField} is not valid`;
  const inner = issue.path.map(String);
  const field = under ? [fallbackField, ...inner].join('.') : inner.length > 0 ? inner.join('.') : fallbackField;
  const problem = plainProblem(issue);
  return problem ? `${field} ${problem}` : `${field}${joiner}${issue.message}`;
}
