import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import { openDatabase } from './sqlite';

/** One row of sqlite_schema: what a file declares, before any of its data is read. */
export interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string | null;
}

export type ExpectedSchema = ReadonlyMap<string, SchemaObject>;

/** Tables SQLite itself adds (ANALYZE statistics): data for the query planner, never code. */
const SQLITE_OWN = /^sqlite_stat[1-4]$/;

/**
 * A file whose schema is not exactly what this version of Claimbench creates. `foreignCode`: it
 * declares a view or trigger Claimbench does not (code that would run on reads or writes), which
 * no build of Claimbench writes; otherwise the tables or indexes differ, as in a file written by
 * another build (a development or later build that kept the format number).
 */
export class SchemaMismatch extends Error {
  constructor(
    message: string,
    readonly foreignCode: boolean,
  ) {
    super(message);
  }
}

const runsCode = (type: string) => type === 'trigger' || type === 'view';

const normalise = (sql: string | null) => (sql === null ? null : sql.replace(/\s+/g, ' ').trim());

/**
 * Only sqlite_schema is read: its rows are the declarations themselves, so nothing a view, a
 * trigger or an index expression would compute runs here.
 */
export function schemaOf(db: Database.Database): SchemaObject[] {
  return (
    db.prepare('SELECT type, name, tbl_name AS "table", sql FROM main.sqlite_schema ORDER BY name').all() as SchemaObject[]
  ).map((o) => ({ ...o, sql: normalise(o.sql) }));
}

/** What running `statements` on an empty database declares: the expectation is derived, never hand-listed. */
export function schemaFrom(statements: readonly string[]): ExpectedSchema {
  const db = openDatabase(':memory:');
  try {
    for (const sql of statements) db.exec(sql);
    return new Map(schemaOf(db).map((o) => [o.name, o]));
  } finally {
    db.close();
  }
}

const cache = new Map<string, ExpectedSchema>();

/**
 * The schema of a workspace at `version`: migrations 1..version applied to an empty database, plus
 * `extra` statements for files built on a workspace (a share file's own table, a future library file).
 */
export function workspaceSchema(version: number, extra: readonly string[] = []): ExpectedSchema {
  const key = `${version}\n${extra.join('\n')}`;
  let expected = cache.get(key);
  if (!expected) {
    expected = schemaFrom([...MIGRATIONS.filter((m) => m.version <= version).map((m) => m.up), ...extra]);
    cache.set(key, expected);
  }
  return expected;
}

/** Shadow tables of a virtual table (FTS5's `_data`, `_idx`, …): SQLite writes their text, so only presence counts. */
function isShadowTable(o: SchemaObject, expected: ExpectedSchema): boolean {
  if (o.type !== 'table') return false;
  for (const e of expected.values()) {
    if (e.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(e.sql ?? '') && o.name.startsWith(`${e.name}_`)) return true;
  }
  return false;
}

const article = (type: string) => (type === 'index' ? 'an index' : `a ${type}`);

/**
 * Refuse a file that declares anything other than exactly `expected`: an extra view, trigger,
 * table or index (a trigger could rewrite a verdict as it is written; a view over a recursive query
 * could spin or fill the disk when read), a missing one, or one whose definition differs. The
 * message names the first object that does not match.
 */
export function checkSchema(db: Database.Database, expected: ExpectedSchema): void {
  const found = schemaOf(db);
  const names = new Set<string>();
  for (const o of found) {
    names.add(o.name);
    const want = expected.get(o.name);
    if (!want) {
      if (o.type === 'table' && SQLITE_OWN.test(o.name)) continue;
      throw new SchemaMismatch(
        `it carries ${article(o.type)} of its own, "${o.name.slice(0, 60)}", which Claimbench never creates`,
        runsCode(o.type),
      );
    }
    if (want.type !== o.type) {
      throw new SchemaMismatch(
        `"${o.name.slice(0, 60)}" is ${article(o.type)} where Claimbench has ${article(want.type)}`,
        runsCode(o.type),
      );
    }
    if (want.sql !== o.sql && !(want.table === o.table && isShadowTable(o, expected))) {
      throw new SchemaMismatch(
        `the ${o.type} "${o.name.slice(0, 60)}" is not defined the way Claimbench defines it`,
        runsCode(o.type),
      );
    }
  }
  for (const want of expected.values()) {
    if (!names.has(want.name)) throw new SchemaMismatch(`the ${want.type} "${want.name}" is missing`, false);
  }
}

/**
 * What a refusal for a mismatching file says after its reason: code of its own means it was changed
 * outside Claimbench (restore a backup); different tables or indexes mean another build wrote it.
 */
export function mismatchAdvice(e: SchemaMismatch, format: string): { code: 'CORRUPT' | 'UNSUPPORTED_FORMAT'; advice: string } {
  return e.foreignCode
    ? { code: 'CORRUPT', advice: 'It was changed outside Claimbench; restore it from a backup.' }
    : {
        code: 'UNSUPPORTED_FORMAT',
        advice: `It was probably written by another build of Claimbench (${format}); open it with the build that wrote it. The file was left as it is.`,
      };
}
