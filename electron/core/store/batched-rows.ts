import type { Statement } from 'better-sqlite3';
import type { DB } from './open';

/** Rows per statement at most; a group is written in chunks of 256, 128, …, 1 rows so few shapes are ever prepared. */
const MAX_CHUNK = 256;
/** Stay well under SQLite's bound-parameter limit (32,766) however wide the table. */
const MAX_PARAMS = 16_000;

interface Group {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/**
 * Entity-row inserts and updates collected by table and column set, then written as multi-row
 * statements. The triggers (search index, tags, counts) still fire once per row, so the outcome
 * is what one statement per row gives; what it saves is the fixed cost of each statement on a
 * table with triggers, which dominates when a merge writes thousands of rows. An update's first
 * value is the row's id; each id appears at most once per flush (the caller folds an entity once).
 */
export class BatchedRows {
  private readonly inserts = new Map<string, Group>();
  private readonly updates = new Map<string, Group>();
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: DB) {}

  insert(table: string, columns: string[], values: unknown[]): void {
    this.add(this.inserts, table, columns, values);
  }

  update(table: string, id: string, columns: string[], values: unknown[]): void {
    this.add(this.updates, table, columns, [id, ...values]);
  }

  private add(into: Map<string, Group>, table: string, columns: string[], values: unknown[]): void {
    const k = `${table}\u0000${columns.join(',')}`;
    let g = into.get(k);
    if (!g) {
      g = { table, columns, rows: [] };
      into.set(k, g);
    }
    g.rows.push(values);
  }

  /** Write everything collected, inserts first, and start empty again. */
  flush(): void {
    try {
      for (const g of this.inserts.values()) this.write(g, 'insert');
      for (const g of this.updates.values()) this.write(g, 'update');
    } finally {
      this.discard();
    }
  }

  /** Forget what was collected (the caller failed before flushing; its transaction rolls back). */
  discard(): void {
    this.inserts.clear();
    this.updates.clear();
  }

  private write(g: Group, kind: 'insert' | 'update'): void {
    const width = g.columns.length + 1;
    let chunk = MAX_CHUNK;
    while (chunk > 1 && chunk * width > MAX_PARAMS) chunk /= 2;
    let at = 0;
    for (; chunk >= 1; chunk /= 2) {
      // better-sqlite3 binds each row's array in turn, so no flat parameter list is built.
      for (; g.rows.length - at >= chunk; at += chunk) this.statement(g, kind, chunk).run(...g.rows.slice(at, at + chunk));
    }
  }

  private statement(g: Group, kind: 'insert' | 'update', count: number): Statement {
    const k = `${kind}\u0000${g.table}\u0000${g.columns.join(',')}\u0000${count}`;
    let s = this.statements.get(k);
    if (!s) {
      const tuple = `(${Array.from({ length: g.columns.length + 1 }, () => '?').join(', ')})`;
      const values = Array.from({ length: count }, () => tuple).join(', ');
      s = this.db.prepare(
        kind === 'insert'
          ? `INSERT INTO ${g.table} (id, ${g.columns.join(', ')}) VALUES ${values}`
          : // The VALUES columns are named c0 (the id), c1…, so none clashes with the table's own.
            `WITH v(c0, ${g.columns.map((_, i) => `c${i + 1}`).join(', ')}) AS (VALUES ${values}) ` +
              `UPDATE ${g.table} SET ${g.columns.map((c, i) => `${c} = v.c${i + 1}`).join(', ')} FROM v WHERE ${g.table}.id = v.c0`,
      );
      this.statements.set(k, s);
    }
    return s;
  }
}
