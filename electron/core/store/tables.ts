/**
 * Every table a workspace holds, declared with what it is for a share: the entity tables come from
 * the registry (shared/entities/registry.ts); the rest are listed here by role. A test checks that
 * every table in a fresh workspace's sqlite_schema is one or the other.
 */
import { ENTITY_REGISTRY } from '../../../shared/entities/registry';

/**
 * `log`: the change log and what verifies it (travels in share files). `derived`: rebuilt from the
 * log by triggers or the apply path. `local`: this person's copy only (never shared).
 * `internal`: the file's own bookkeeping.
 */
export type TableRole = 'log' | 'derived' | 'local' | 'internal';

/** Listed children before parents, so deleting the local ones in this order respects foreign keys. */
export const OTHER_TABLES: Readonly<Record<string, TableRole>> = {
  changes: 'log',
  blobs: 'log',
  actors: 'log',
  actor_keys: 'log',
  conflicts: 'derived',
  claim_tags: 'derived',
  claim_counts: 'derived',
  claims_fts: 'derived',
  documents_fts: 'derived',
  sources_fts: 'derived',
  notes_fts: 'derived',
  transcript_fts: 'derived',
  meta: 'internal',
  view_state: 'local',
  key_conflicts: 'local',
  session_items: 'local',
  session_cursor: 'local',
  capture_state: 'local',
  capture_sentences: 'local',
  capture_drafts: 'local',
  capture_inputs: 'local',
  change_origins: 'local',
  merge_origins: 'local',
  claim_library_matches: 'local',
  library_links: 'local',
  // Sentences and analysis computed from a document's text in this copy (refilled when missing).
  document_sentences: 'local',
  document_analysis: 'local',
};

export const ENTITY_TABLES: readonly string[] = Object.values(ENTITY_REGISTRY).map((e) => e.table);

/** Tables that belong to one person's copy: a share file leaves their rows out. */
export const LOCAL_TABLES: readonly string[] = Object.entries(OTHER_TABLES)
  .filter(([, role]) => role === 'local')
  .map(([name]) => name);

/** FTS5's own tables beside a declared virtual table (`claims_fts_data`, `_idx`, …). */
const FTS_SHADOW = /^(.+_fts)_(data|idx|content|docsize|config)$/;

/** Whether the registry or this list declares `table` (FTS shadow tables count with their index). */
export function isDeclaredTable(table: string): boolean {
  if (ENTITY_TABLES.includes(table) || Object.prototype.hasOwnProperty.call(OTHER_TABLES, table)) return true;
  const shadow = FTS_SHADOW.exec(table);
  return shadow !== null && OTHER_TABLES[shadow[1]!] === 'derived';
}
