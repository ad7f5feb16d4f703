import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ClaimbenchError } from '../../../shared/result';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index';
import { backupWorkspace } from './backup';
import { openDatabase } from './sqlite';
import { BUSY_TIMEOUT_MS } from './busy';
import { checkSchema, mismatchAdvice, SchemaMismatch, workspaceSchema } from './schema-check';
import { versionOfKind } from './file-kind';

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
  /** Open for reading only. Also chosen automatically when the file or its folder cannot be written. */
  readonly?: boolean;
}

export interface OpenedWorkspaceFile {
  db: DB;
  path: string;
  created: boolean;
  migratedFrom: number | null;
  readonly: boolean;
  /** Call after closing db (removes a private read-only copy when one was made). */
  cleanup?: () => void;
}

/**
 * The longest file name most file systems take is 255 bytes; SQLite adds `-journal` (8 bytes) beside
 * the workspace, so a longer name would leave a 0-byte workspace behind when the journal fails.
 */
export const MAX_WORKSPACE_NAME_BYTES = 255 - '-journal'.length;

/** Refuse a new workspace's path before anything is created: too long, or with characters no file system takes. */
function checkNewPath(absolute: string): void {
  const name = path.basename(absolute);
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_WORKSPACE_NAME_BYTES)
    throw new ClaimbenchError(
      'VALIDATION',
      `The workspace name is ${bytes} bytes long; the limit is ${MAX_WORKSPACE_NAME_BYTES} bytes. Choose a shorter name.`,
    );
  for (const part of absolute.split(path.sep)) {
    if (Buffer.byteLength(part, 'utf8') > 255)
      throw new ClaimbenchError('VALIDATION', `A folder name in ${absolute.slice(0, 80)}… is longer than 255 bytes.`);
  }
  if (absolute.includes('\0')) throw new ClaimbenchError('VALIDATION', 'The workspace name contains a NUL character.');
}

/** Whether the file and its folder (where SQLite keeps its -wal/-shm/-journal files) can be written. */
function writable(absolute: string): boolean {
  try {
    fs.accessSync(absolute, fs.constants.W_OK);
    fs.accessSync(path.dirname(absolute), fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A write refused because the workspace was opened read-only, as a message a person can act on. */
export function readOnlyRefusal(e: unknown): ClaimbenchError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_READONLY' && code !== 'SQLITE_READONLY_DBMOVED') return null;
  return readOnlyError();
}

export function readOnlyError(): ClaimbenchError {
  return new ClaimbenchError(
    'FORBIDDEN',
    'This workspace is open read-only (the file, its folder or its disk cannot be written); copy it somewhere writable to make changes.',
  );
}

/**
 * Read-only: no pragma that writes, no migration (an older file must be copied somewhere writable
 * first), and SQLite told the file cannot change, so a WAL workspace on read-only media opens
 * without the -shm file it could not create.
 */
function openReadOnly(absolute: string, version: number, nativeBinding?: string): OpenedWorkspaceFile {
  if (version < SCHEMA_VERSION)
    throw refusal(
      'IO',
      absolute,
      version === 0
        ? 'is empty and cannot be written.'
        : 'cannot be written, and it needs updating to this version of Claimbench first; copy it somewhere writable and open the copy.',
    );
  const { db, cleanup } = openForReading(absolute, nativeBinding);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return { db, path: absolute, created: false, migratedFrom: null, readonly: true, cleanup };
}

function refusal(
  code: 'NOT_A_WORKSPACE' | 'NEWER_VERSION' | 'CORRUPT' | 'UNSUPPORTED_FORMAT' | 'NOT_FOUND' | 'IO',
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

interface ReadConnection {
  db: DB;
  /** Removes the private copy when one was needed; call after closing db. */
  cleanup: () => void;
}

/**
 * A read-only connection. A WAL workspace whose folder or disk cannot be written has no -shm file
 * and SQLite cannot create one there, so it cannot be read in place (better-sqlite3 is built without
 * URI file names, so `immutable=1` is not available). Then the file (and any -wal beside it) is
 * copied to a private temporary folder and the copy is read; the original is never touched.
 */
function openForReading(file: string, nativeBinding?: string): ReadConnection {
  const db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return { db, cleanup: () => {} };
  } catch (e) {
    db.close();
    if (readOnlyRefusal(e) === null && !/unable to open|readonly/i.test(String(e))) throw e;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-readonly-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    const copy = path.join(dir, path.basename(file));
    fs.copyFileSync(file, copy);
    if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    return { db: openDatabase(copy, { readonly: true, fileMustExist: true, nativeBinding }), cleanup };
  } catch (e) {
    cleanup();
    throw e;
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
  let cleanup = () => {};
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let refused = true;
  try {
    ({ db: ro, cleanup } = openForReading(file, nativeBinding));
    const version = versionOfKind(ro, file, {
      noun: 'workspace',
      applicationId: APPLICATION_ID,
      latestVersion: SCHEMA_VERSION,
      formatName: 'format',
    });
    checkWorkspaceSchema(ro, version, file);
    const check = ro.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw refusal('CORRUPT', file, `is damaged (${String(check)}). Restore it from a backup.`);
    refused = false;
    return { version };
  } catch (e) {
    if (e instanceof ClaimbenchError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a database|malformed|corrupt/i.test(msg)) throw refusal('CORRUPT', file, `is damaged (${msg}).`);
    throw refusal('IO', file, `could not be read: ${msg}`);
  } finally {
    ro?.close();
    cleanup();
    // A refused file is left as it was found: no journal files beside it that only this look created. Reading
    // writes nothing to a -wal, and with none there before, no other connection had the file open in WAL mode.
    if (refused) for (const f of sideFiles) removeIfEmptyJournal(f);
  }
}

function removeIfEmptyJournal(file: string): void {
  try {
    if (!file.endsWith('-wal') || fs.statSync(file).size === 0) fs.rmSync(file, { force: true });
  } catch {
    // Not there, or not ours to remove: leave it.
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
    const { code, advice } = mismatchAdvice(e, `format ${version}`);
    throw refusal(code, file, `was refused: ${e.message}. ${advice}`);
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

function removeFailedCreation(absolute: string): void {
  for (const f of [absolute, `${absolute}-wal`, `${absolute}-shm`, `${absolute}-journal`]) {
    try {
      if (fs.statSync(f).size === 0 || f !== absolute) fs.rmSync(f, { force: true });
    } catch {
      // Not there: nothing to remove.
    }
  }
}

export function openWorkspaceFile(file: string, options: OpenOptions = {}): OpenedWorkspaceFile {
  const absolute = path.resolve(file);
  const exists = fs.existsSync(absolute);
  if (!exists && !options.create) throw refusal('NOT_FOUND', absolute, 'does not exist.');
  if (!exists) {
    checkNewPath(absolute);
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
  }
  const { version } = exists ? inspectExisting(absolute, options.nativeBinding) : { version: 0 };
  if (exists && (options.readonly || !writable(absolute))) return openReadOnly(absolute, version, options.nativeBinding);

  if (exists && version > 0 && version < SCHEMA_VERSION) {
    backupWorkspace(absolute, `before-migration-v${version}`, options.nativeBinding);
  }
  let db: DB;
  try {
    db = openDatabase(absolute, { nativeBinding: options.nativeBinding });
  } catch (e) {
    if (!exists) removeFailedCreation(absolute);
    throw e;
  }
  try {
    applyPragmas(db);
    migrate(db, version);
  } catch (e) {
    db.close();
    // A name the file system takes for the workspace but not for its journal leaves an empty file.
    if (!exists) removeFailedCreation(absolute);
    throw e;
  }
  return {
    db,
    path: absolute,
    created: !exists || version === 0,
    migratedFrom: version > 0 && version < SCHEMA_VERSION ? version : null,
    readonly: false,
  };
}
