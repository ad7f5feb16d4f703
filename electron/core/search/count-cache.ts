import type { DB } from '../store/open';
import { prepared } from '../store/statements';

interface Cache {
  stamp: string;
  values: Map<string, number>;
}

const caches = new WeakMap<DB, Cache>();

/**
 * What identifies the file's contents as this connection sees them: `data_version` moves when
 * another connection commits, `total_changes()` when this one writes a row (its triggers'
 * writes and rolled-back writes included, which only costs an extra recount).
 */
function writeStamp(db: DB): string {
  const version = prepared(db, 'PRAGMA data_version').pluck().get() as number;
  const changes = prepared(db, 'SELECT total_changes()').pluck().get() as number;
  return `${version}/${changes}`;
}

/**
 * A value computed once between writes: counting a million claims is worth doing once per
 * change, not once per page fetched. `key` must name everything the value depends on besides
 * the file's contents.
 */
export function cachedBetweenWrites(db: DB, key: string, compute: () => number): number {
  const stamp = writeStamp(db);
  let cache = caches.get(db);
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp, values: new Map() };
    caches.set(db, cache);
  }
  let value = cache.values.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.values.size > 200) cache.values.clear();
    cache.values.set(key, value);
  }
  return value;
}

/** The cached value for `key` if nothing was written since it was computed. */
export function peekBetweenWrites(db: DB, key: string): number | undefined {
  const cache = caches.get(db);
  return cache && cache.stamp === writeStamp(db) ? cache.values.get(key) : undefined;
}
