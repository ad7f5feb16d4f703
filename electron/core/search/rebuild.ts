import type { DB } from '../store/open';

const INDEXES = [
  { fts: 'claims_fts', table: 'claims', columns: 'text, claimant, rationale' },
  { fts: 'documents_fts', table: 'documents', columns: 'title, text' },
  { fts: 'sources_fts', table: 'sources', columns: 'title, publisher, excerpt, url' },
  { fts: 'notes_fts', table: 'notes', columns: 'text' },
  { fts: 'transcript_fts', table: 'transcript_chunks', columns: 'text' },
] as const;

/**
 * Re-create every search index from the entity tables, in one transaction. FTS5's own 'rebuild'
 * would index tombstoned rows too, which the triggers would later fail to remove, so the indexes
 * are emptied and refilled with live rows only. For tools that renumber rowids or bulk-load rows.
 */
export function rebuildSearchIndexes(db: DB): void {
  db.transaction(() => {
    for (const { fts, table, columns } of INDEXES) {
      db.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('delete-all')`).run();
      db.prepare(`INSERT INTO ${fts} (rowid, ${columns}) SELECT rowid, ${columns} FROM ${table} WHERE deleted = 0`).run();
    }
  }).immediate();
}
