/**
 * Open a fact-check library with the same care as a workspace: look before writing, refuse what is not a
 * library or comes from a newer version, apply pending migrations in one transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ClaimbenchError } from '../../../shared/result';
import { checkSchema, mismatchAdvice, schemaFrom, SchemaMismatch, type ExpectedSchema } from '../store/schema-check';
import { versionOfKind } from '../store/file-kind';
import { openDatabase } from '../store/sqlite';
import { LIBRARY_APPLICATION_ID, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION } from './schema';

export type LibraryDB = Database.Database;

const SQLITE_HEADER = 'SQLite format 3\0';

function refusal(
  code: 'NOT_A_WORKSPACE' | 'NEWER_VERSION' | 'CORRUPT' | 'UNSUPPORTED_FORMAT' | 'NOT_FOUND' | 'IO',
  file: string,
  why: string,
) {
  return new ClaimbenchError(code, `${path.basename(file)} ${why}`);
}

const expectedSchemas = new Map<number, ExpectedSchema>();

/**
 * Like a workspace, a library must declare exactly what its migrations create, before any of its
 * data is read: a trigger or a view of its own (say, over a recursive query) is refused by name.
 */
function checkLibrarySchema(db: LibraryDB, version: number, file: string): void {
  let expected = expectedSchemas.get(version);
  if (!expected) {
    expected = schemaFrom(LIBRARY_MIGRATIONS.filter((m) => m.version <= version).map((m) => m.up));
    expectedSchemas.set(version, expected);
  }
  try {
    checkSchema(db, expected);
  } catch (e) {
    if (!(e instanceof SchemaMismatch)) throw e;
    const { code, advice } = mismatchAdvice(e, `library format ${version}`);
    throw refusal(code, file, `was refused: ${e.message}. ${advice}`);
  }
}

function inspect(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw refusal('NOT_A_WORKSPACE', file, 'is not a file.');
  if (stat.size === 0) return 0;
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw refusal('NOT_A_WORKSPACE', file, 'is not a Claimbench fact-check library (it is not a SQLite database).');
  }
  let ro: LibraryDB | undefined;
  try {
    ro = openDatabase(file, { readonly: true, fileMustExist: true });
    const version = versionOfKind(ro, file, {
      noun: 'fact-check library',
      applicationId: LIBRARY_APPLICATION_ID,
      latestVersion: LIBRARY_SCHEMA_VERSION,
      formatName: 'library format',
    });
    if (version > 0) checkLibrarySchema(ro, version, file);
    return version;
  } catch (e) {
    if (e instanceof ClaimbenchError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/not a database|malformed|corrupt/i.test(msg)) throw refusal('CORRUPT', file, `is damaged (${msg}).`);
    throw refusal('IO', file, `could not be read: ${msg}`);
  } finally {
    ro?.close();
  }
}

export interface OpenLibraryOptions {
  create?: boolean;
  readonly?: boolean;
}

export function openLibraryDatabase(file: string, options: OpenLibraryOptions = {}): { db: LibraryDB; path: string } {
  const absolute = path.resolve(file);
  const exists = fs.existsSync(absolute);
  if (!exists && !options.create) throw refusal('NOT_FOUND', absolute, 'does not exist.');
  if (!exists) fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const version = exists ? inspect(absolute) : 0;
  if (options.readonly && version < LIBRARY_SCHEMA_VERSION) {
    throw refusal('NOT_A_WORKSPACE', absolute, 'is not an initialised fact-check library.');
  }
  const db = openDatabase(absolute, options.readonly ? { readonly: true, fileMustExist: true } : {});
  try {
    if (options.readonly) return { db, path: absolute };
    db.pragma('busy_timeout = 5000');
    if (db.pragma('journal_mode = WAL', { simple: true }) !== 'wal') db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -65536');
    const pending = LIBRARY_MIGRATIONS.filter((m) => m.version > version);
    if (pending.length > 0) {
      db.transaction(() => {
        for (const m of pending) {
          db.exec(m.up);
          db.pragma(`user_version = ${m.version}`);
        }
        if (version === 0) {
          db.pragma(`application_id = ${LIBRARY_APPLICATION_ID}`);
          const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
          insert.run('library_id', randomUUID());
          insert.run('created_at', new Date().toISOString());
        }
      })();
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, path: absolute };
}
