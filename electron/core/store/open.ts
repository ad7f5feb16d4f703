import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ClaimbenchError } from '../../../shared/result';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { backupWorkspace } from './backup';
import { openDatabase } from './sqlite';
import { BUSY_TIMEOUT_MS } from './busy';
import { checkSchema, SchemaMismatch, workspaceSchema } from './schema-check';

export type DB = Database.Database;

/** 'CLMB': marks a SQLite file as a Claimbench workspace. */
export const APPLICATION_ID = 0x434c4d42;
export const WORKSPACE_EXTENSION = '.claimbench';
const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenOptions {
  /** Create the file when it does not exist. */
  create?: boolean;
  /** Path to a better-sqlite3 binary built for another ABI (Electron). */
  nativeBinding?: string;
}

export interface OpenedWorkspaceFile {
  db: DB;
  path: string;
  created: boolean;
  migratedFrom: number | null;
}

function refusal(
  code: 'NOT_A_WORKSPACE' | 'NEWER_VERSION' | 'CORRUPT' | 'NOT_FOUND' | 'IO',
  file: string,
  why: string,
): ClaimbenchError {
  return new ClaimbenchError(code, `${path.basename(file)} ${why}`);
}

function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = fs.readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Look at an existing file without changing a byte of it, and refuse anything that is not a
 * Claimbench workspace this version can open. Only then is it opened for writing.
 */
function inspectExisting(file: string, nativeBinding?: string): { version: number } {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw refusal('NOT_A_WORKSPACE', file, 'is not a file.');
  if (stat.size === 0) return { version: 0 };
  if (readHeader(file).toString('latin1') !== SQLITE_HEADER) {
    throw refusal('NOT_A_WORKSPACE', file, 'is not a Claimbench workspace (it is not a SQLite database).');
  }
  let ro: DB | undefined;
  try {
    ro = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const version = ro.pragma('user_version', { simple: true }) as number;
    const tables = (ro.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0 || version !== 0)) {
      throw refusal('NOT_A_WORKSPACE', file, 'is a SQLite database, but not a Claimbench workspace.');
    }
    if (version > SCHEMA_VERSION) {
      throw refusal(
        'NEWER_VERSION',
        file,
        `was written by a newer version of Claimbench (format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Claimbench to open it.`,
      );
    }
    checkWorkspaceSchema(ro, version, file);
    const check = ro.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw refusal('CORRUPT', file, `is damaged (${String(check)}). Restore it from a backup.`);
    return { version };
  } catch (e) {
    if (e instanceof ClaimbenchError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a database|malformed|corrupt/i.test(msg)) throw refusal('CORRUPT', file, `is damaged (${msg}).`);
    throw refusal('IO', file, `could not be read: ${msg}`);
  } finally {
    ro?.close();
  }
}

/**
 * Before any query reads a workspace's data: its tables, indexes and triggers must be exactly those
 * the migrations up to its version create. A trigger of its own could silently rewrite what is
 * written (Disputed into Sourced), so such a file is refused, never opened.
 */
export function checkWorkspaceSchema(db: DB, version: number, file: string): void {
  try {
    checkSchema(db, workspaceSchema(version));
  } catch (e) {
    if (!(e instanceof SchemaMismatch)) throw e;
    throw refusal('CORRUPT', file, `was refused: ${e.message}. It was changed outside Claimbench; restore it from a backup.`);
  }
}

export function applyPragmas(db: DB): void {
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    // Network shares and some file systems cannot do WAL; fall back to a rollback journal.
    db.pragma('journal_mode = DELETE');
  }
  db.pragma('synchronous = FULL');
  // 64 MiB page cache: the 2 MiB default thrashes on workspaces with hundreds of thousands of claims.
  db.pragma('cache_size = -65536');
}

/** Apply every pending migration in one transaction; user_version moves only forwards. */
export function migrate(db: DB, from: number, to: number = SCHEMA_VERSION): void {
  const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= to);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    }
    if (from === 0) {
      db.pragma(`application_id = ${APPLICATION_ID}`);
      const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      insert.run('workspace_id', randomUUID());
      insert.run('created_at', new Date().toISOString());
    }
  }).immediate();
}

export function openWorkspaceFile(file: string, options: OpenOptions = {}): OpenedWorkspaceFile {
  const absolute = path.resolve(file);
  const exists = fs.existsSync(absolute);
  if (!exists && !options.create) throw refusal('NOT_FOUND', absolute, 'does not exist.');
  if (!exists) fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const { version } = exists ? inspectExisting(absolute, options.nativeBinding) : { version: 0 };

  if (exists && version > 0 && version < SCHEMA_VERSION) {
    backupWorkspace(absolute, `before-migration-v${version}`, options.nativeBinding);
  }
  const db = openDatabase(absolute, { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(db);
    migrate(db, version);
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    db,
    path: absolute,
    created: !exists || version === 0,
    migratedFrom: version > 0 && version < SCHEMA_VERSION ? version : null,
  };
}
