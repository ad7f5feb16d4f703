import type { Statement } from 'better-sqlite3';
import type { DB } from './open';

const cache = new WeakMap<DB, Map<string, Statement>>();

/** A prepared statement, prepared once per connection: preparing costs more than many queries. */
export function prepared(db: DB, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    if (perDb.size > 500) perDb.clear();
    perDb.set(sql, s);
  }
  return s;
}
