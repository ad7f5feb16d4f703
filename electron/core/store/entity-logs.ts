import type { DB } from './open';
import { prepared } from './statements';

/** One change as the fold, the conflict check, the decisions and the merge summary read it. */
export interface LoggedChange {
  hlc: string;
  field: string;
  value: string | null;
  actor_id: string;
  author: string;
  supersedes: string;
}

/** One entity's change log by field, each field's changes in clock order. */
export type EntityLog = ReadonlyMap<string, readonly LoggedChange[]>;

/** Entity ids per query: few statements, yet small enough that one query stays quick. */
export const LOG_CHUNK = 500;

/**
 * The whole change logs of some entities of one kind in one query (the caller keeps `ids` to a
 * chunk of LOG_CHUNK or so): an entry for each id with at least one change. With `upToRowid`, only
 * the changes stored with a rowid up to it (those in the log before a batch was appended).
 */
export function readEntityLogs(
  db: DB,
  entity: string,
  ids: readonly string[],
  upToRowid?: number,
): Map<string, Map<string, LoggedChange[]>> {
  const logs = new Map<string, Map<string, LoggedChange[]>>();
  const select =
    'SELECT entity_id, field, hlc, value, actor_id, author, supersedes FROM changes ' +
    'WHERE entity = ? AND entity_id IN (SELECT value FROM json_each(?))';
  const order = ' ORDER BY entity_id, field, hlc';
  // Raw rows: building each change here is cheaper than the driver naming every column.
  const rows = (
    upToRowid === undefined
      ? prepared(db, select + order)
          .raw()
          .all(entity, JSON.stringify(ids))
      : prepared(db, `${select} AND rowid <= ?${order}`).raw().all(entity, JSON.stringify(ids), upToRowid)
  ) as [string, string, string, string | null, string, string, string][];
  let log: Map<string, LoggedChange[]> | undefined;
  let list: LoggedChange[] | undefined;
  let lastId = '';
  let lastField = '';
  for (const r of rows) {
    const id = r[0];
    const field = r[1];
    if (!log || id !== lastId) {
      log = logs.get(id);
      if (!log) logs.set(id, (log = new Map()));
      lastId = id;
      list = undefined;
    }
    if (!list || field !== lastField) {
      list = log.get(field);
      if (!list) log.set(field, (list = []));
      lastField = field;
    }
    list.push({ hlc: r[2], field, value: r[3], actor_id: r[4], author: r[5], supersedes: r[6] });
  }
  return logs;
}

/** One entity's log, for a caller that needs a single one. */
export function readEntityLog(db: DB, entity: string, id: string): EntityLog {
  return readEntityLogs(db, entity, [id]).get(id) ?? new Map();
}

/** The log as someone saw it just before `before`: every change older than that clock, none of `excluded`. */
export function logBefore(log: EntityLog, before: string, excluded: ReadonlySet<string>): EntityLog {
  const seen = (r: LoggedChange) => r.hlc < before && !excluded.has(r.hlc);
  return new Map([...log].map(([field, rows]) => [field, rows.filter(seen)]));
}
