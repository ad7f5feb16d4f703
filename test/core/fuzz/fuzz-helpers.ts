import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { DB } from '../../../electron/core/store/open';
import { ERROR_CODES, type ErrorCode } from '../../../shared/result';

/** Every code a refusal may carry; INTERNAL is deliberately absent. */
export const KNOWN_CODES: ErrorCode[] = ERROR_CODES.filter((c) => c !== 'INTERNAL');

/** A digest of every stored row (search-index tables excepted: they follow the rows through triggers). */
export function storeDigest(db: DB): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  for (const t of tables) {
    hash.update(`\n#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().iterate() as IterableIterator<unknown[]>) {
      for (const v of row) hash.update(Buffer.isBuffer(v) ? v : `${typeof v}:${String(v)}`).update('\u0001');
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}

export const HOSTILE_TEXTS = [
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  "'; DROP TABLE claims; --",
  '../../../../etc/passwd',
  '\u0000\u0001\uFFFF',
  '=HYPERLINK("http://x")',
  '__proto__',
  'constructor',
  '\uD800',
  ' ',
  '',
  'ⅰ\u202Egnp.exe',
  '%s%n%x',
  '{{7*7}}',
];

/** Hostile and random strings; `extra` adds caller-specific texts (e.g. a placeholder for a real id). */
export function hostileStrings(extra: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...HOSTILE_TEXTS, ...extra), fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }));
}

/** Anything a compromised renderer could send through structured clone, built from the given strings. */
export function hostileValues(strings: fc.Arbitrary<string> = hostileStrings()): fc.Arbitrary<unknown> {
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      strings,
      fc.integer(),
      fc.double(),
      fc.constantFrom(NaN, Infinity, -Infinity, -1, 0, 2 ** 53, null, undefined, true, false),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(
        fc.oneof(strings, fc.constantFrom('id', 'ids', 'text', 'verdict', 'documentId', 'query', 'path', 'name')),
        tie('value'),
        { maxKeys: 5 },
      ),
    ),
  })).value;
}

export const hostileString = hostileStrings();
export const hostileValue = hostileValues(hostileString);
