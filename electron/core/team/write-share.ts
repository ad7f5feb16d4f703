import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { ShareResult } from '../../../shared/team';
import { ClaimbenchError, isClaimbenchError } from '../../../shared/result';
import { ENTITIES, type EntitySpec } from '../store/entities';
import { writeCopy } from '../store/backup';
import { storageError } from '../store/busy';
import type { Workspace } from '../store/workspace';
import { CHANGE_COLUMNS, ContentHasher, type ChangeRow } from './change-row';
import { computeScope } from './scope';
import { LOCAL_META_KEYS, SHARE_APPLICATION_ID, SHARE_FORMAT, SHARE_FORMAT_VERSION, SHARE_META_TABLE_SQL } from './share-format';
import { openDatabase } from '../store/sqlite';
import { LOCAL_SESSION_TABLES } from '../store/migrations/005-sessions';
import { DERIVED_DOCUMENT_TABLES } from '../store/migrations/010-document-sentences';
import { LOCAL_MERGE_TABLES } from '../store/migrations/007-merge-origins';

export interface ShareOptions {
  /** Only these documents and what hangs off them; every item when absent. */
  documentIds?: readonly string[];
  createdBy: string;
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Keep only the chosen documents' items, and their changes, blobs and people. */
function prune(db: Database.Database, documentIds: readonly string[]): void {
  computeScope(db, documentIds);
  db.exec(
    'DELETE FROM changes WHERE NOT EXISTS (SELECT 1 FROM share_scope s WHERE s.entity = changes.entity AND s.id = changes.entity_id)',
  );
  for (const [entity, spec] of Object.entries(ENTITIES as Record<string, EntitySpec>)) {
    db.prepare(`DELETE FROM ${spec.table} WHERE id NOT IN (SELECT id FROM share_scope WHERE entity = ?)`).run(entity);
  }
  db.exec(
    'DELETE FROM conflicts WHERE NOT EXISTS (SELECT 1 FROM share_scope s WHERE s.entity = conflicts.entity AND s.id = conflicts.entity_id)',
  );
  db.exec('DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)');
  db.exec('DELETE FROM actors WHERE actor_id NOT IN (SELECT actor_id FROM changes)');
  db.exec('DELETE FROM actor_keys WHERE actor_id NOT IN (SELECT actor_id FROM changes)');
}

export function shareContentHash(db: Database.Database): string {
  const hasher = new ContentHasher();
  for (const r of db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).iterate() as IterableIterator<ChangeRow>) {
    hasher.addChange(r);
  }
  for (const b of db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').iterate() as IterableIterator<{
    sha256: string;
    size: number;
  }>) {
    hasher.addBlob(b.sha256, b.size);
  }
  return hasher.digest();
}

/**
 * Write a share file: a single-file copy of the workspace (VACUUM INTO, so no -wal), optionally
 * cut down to chosen documents, marked with its own application id and format version, and
 * sealed with a content hash. Built under a temporary name and renamed into place at the end.
 */
export function writeShareFile(workspace: Workspace, target: string, options: ShareOptions): ShareResult {
  try {
    return buildShareFile(workspace, target, options);
  } catch (e) {
    if (isClaimbenchError(e)) throw e;
    const typed = storageError(e);
    if (typed) throw typed;
    const why = e instanceof Error ? e.message : String(e);
    throw new ClaimbenchError('IO', `The share file could not be written (${why.slice(0, 200)}). The workspace is unchanged.`);
  }
}

function buildShareFile(workspace: Workspace, target: string, options: ShareOptions): ShareResult {
  const absolute = path.resolve(target);
  if (fs.existsSync(absolute) && !fs.statSync(absolute).isFile()) {
    throw new ClaimbenchError('VALIDATION', `${absolute} is a folder; choose a file name for the share file.`);
  }
  if (absolute === workspace.path) throw new ClaimbenchError('VALIDATION', 'A share file cannot replace the open workspace.');
  if (!fs.existsSync(path.dirname(absolute))) {
    throw new ClaimbenchError('NOT_FOUND', `The folder ${path.dirname(absolute)} does not exist.`);
  }
  if (options.documentIds) {
    const exists = workspace.db.prepare('SELECT 1 FROM documents WHERE id = ? AND deleted = 0');
    for (const id of options.documentIds) {
      if (!exists.get(id)) throw new ClaimbenchError('NOT_FOUND', `No document with id ${id}`);
    }
  }
  const building = `${absolute}.building-${process.pid}`;
  writeCopy(workspace.db, building);
  try {
    const db = openDatabase(building);
    let contentHash: string;
    let changes: number;
    let documents: number;
    try {
      db.pragma('journal_mode = DELETE');
      db.transaction(() => {
        if (options.documentIds) prune(db, options.documentIds);
        db.exec('DELETE FROM view_state');
        // Key conflicts are this copy's open questions; the pinned keys travel, so the receiver can verify the rows.
        db.exec('DELETE FROM key_conflicts');
        for (const table of [...LOCAL_SESSION_TABLES, ...LOCAL_MERGE_TABLES, ...DERIVED_DOCUMENT_TABLES])
          db.exec(`DELETE FROM ${table}`);
        const dropLocal = db.prepare('DELETE FROM meta WHERE key = ?');
        for (const k of LOCAL_META_KEYS) dropLocal.run(k);
        contentHash = shareContentHash(db);
        changes = db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
        documents = db.prepare('SELECT count(*) FROM documents WHERE deleted = 0').pluck().get() as number;
        db.exec(SHARE_META_TABLE_SQL);
        const put = db.prepare('INSERT INTO share_meta (key, value) VALUES (?, ?)');
        put.run('format', SHARE_FORMAT);
        put.run('version', String(SHARE_FORMAT_VERSION));
        put.run('content_hash', contentHash);
        put.run('created_at', new Date().toISOString());
        put.run('created_by', options.createdBy);
        put.run('documents', JSON.stringify(options.documentIds ?? null));
        db.pragma(`application_id = ${SHARE_APPLICATION_ID}`);
      })();
      if (options.documentIds) db.exec('VACUUM');
    } finally {
      db.close();
    }
    fsyncFile(building);
    fs.renameSync(building, absolute);
    return {
      path: absolute,
      changes: changes!,
      documents: documents!,
      bytes: fs.statSync(absolute).size,
      contentHash: contentHash!,
    };
  } finally {
    fs.rmSync(building, { force: true });
    fs.rmSync(`${building}-journal`, { force: true });
  }
}
