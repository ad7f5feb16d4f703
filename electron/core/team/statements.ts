import type { Statement } from 'better-sqlite3';
import type { DB } from '../store/open';

const cache = new WeakMap<DB, Map<string, Statement>>();

/** A prepared statement per connection and SQL text: merges run the same few queries thousands of times. */
export function stmt(db: DB, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    perDb.set(sql, s);
  }
  return s;
}
