import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError, isClaimbenchError } from '../../../shared/result';
import { SCHEMA_VERSION } from './migrations/index';
import { checkSchema, mismatchAdvice, SchemaMismatch, workspaceSchema } from './schema-check';
import { openDatabase } from './sqlite';

/** 'CLMB', as in open.ts (imported from there it would make a cycle: open.ts backs up before migrating). */
const APPLICATION_ID = 0x434c4d42;

/** Backups of a workspace live beside it, in `<name>.backups/`. */
export function backupFolderFor(workspacePath: string): string {
  return path.join(path.dirname(workspacePath), `${path.basename(workspacePath)}.backups`);
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

/**
 * Write a self-contained single-file copy (VACUUM INTO: no -wal or -shm) to a temporary name,
 * then rename it into place so a crash never leaves a half-written copy under the final name.
 */
export function writeCopy(db: Database.Database, target: string): void {
  const tmp = `${target}.partial-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(tmp);
    const fd = fs.openSync(tmp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } finally {
    // A full disk or a crash of the copy must not leave a half-written file behind.
    fs.rmSync(tmp, { force: true });
  }
}

export function backupWorkspace(workspacePath: string, reason: string, nativeBinding?: string): string {
  const folder = backupFolderFor(workspacePath);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${stamp()}-${reason}.claimbench`);
  const db = openDatabase(workspacePath, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    writeCopy(db, target);
  } finally {
    db.close();
  }
  return target;
}

export interface BackupInfo {
  path: string;
  name: string;
  reason: string;
  createdAt: string;
  size: number;
}

const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(.+)\.claimbench$/;

/** Backups of a workspace, newest first. */
export function listBackups(workspacePath: string): BackupInfo[] {
  const folder = backupFolderFor(workspacePath);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .map((name) => ({ name, m: BACKUP_NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const full = path.join(folder, name);
      const [date, time] = m[1]!.split('T') as [string, string];
      const iso = `${date}T${time.replace(/^(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z')}`;
      return { path: full, name, reason: m[2]!, createdAt: iso, size: fs.statSync(full).size };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/**
 * Keep the newest `keep` periodic backups; backups taken before a migration or a merge are kept
 * for longer (`keepSpecial`), since they are the way back from a step the user cannot undo.
 */
export function pruneBackups(workspacePath: string, keep = 10, keepSpecial = 20): string[] {
  const removed: string[] = [];
  const all = listBackups(workspacePath);
  const periodic = all.filter((b) => b.reason === 'periodic');
  const special = all.filter((b) => b.reason !== 'periodic');
  for (const b of [...periodic.slice(keep), ...special.slice(keepSpecial)]) {
    fs.rmSync(b.path, { force: true });
    removed.push(b.path);
  }
  return removed;
}

/**
 * Refuse a backup that is not a workspace this version can open, whose schema is not exactly what
 * the migrations create (checked before any of its data is read), or that fails quick_check.
 */
export function checkBackupFile(file: string, nativeBinding?: string): void {
  const name = path.basename(file);
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID || version < 1) {
      throw new ClaimbenchError('NOT_A_WORKSPACE', `${name} is not a Claimbench workspace backup and cannot be restored.`);
    }
    if (version > SCHEMA_VERSION) {
      throw new ClaimbenchError('NEWER_VERSION', `${name} was written by a newer version of Claimbench and cannot be restored.`);
    }
    try {
      checkSchema(db, workspaceSchema(version));
    } catch (e) {
      if (!(e instanceof SchemaMismatch)) throw e;
      const { code, advice } = mismatchAdvice(e, `format ${version}`);
      throw new ClaimbenchError(code, `${name} was refused: ${e.message}. ${advice}`);
    }
    if (db.pragma('quick_check', { simple: true }) !== 'ok') {
      throw new ClaimbenchError('CORRUPT', `${name} is damaged and cannot be restored.`);
    }
  } catch (e) {
    if (isClaimbenchError(e)) throw e;
    throw new ClaimbenchError('CORRUPT', `${name} is damaged and cannot be restored.`);
  } finally {
    db?.close();
  }
}

/** Whether a backup file is a workspace with exactly the expected schema that passes quick_check. */
export function isGoodBackup(file: string, nativeBinding?: string): boolean {
  try {
    checkBackupFile(file, nativeBinding);
    return true;
  } catch {
    return false;
  }
}

/** The newest backup that passes quick_check, offered when a workspace turns out to be damaged. */
export function latestGoodBackup(workspacePath: string, nativeBinding?: string): BackupInfo | null {
  return listBackups(workspacePath).find((b) => isGoodBackup(b.path, nativeBinding)) ?? null;
}

/**
 * Put a backup in place of the workspace. The workspace must be closed. Its current bytes are kept
 * beside the backups first (as `replaced-by-restore`), then the backup is copied to a temporary name
 * and renamed over the workspace, and stale -wal/-shm files are removed so they cannot be replayed
 * onto the restored file.
 */
export function restoreBackup(workspacePath: string, backupPath: string, nativeBinding?: string): void {
  checkBackupFile(backupPath, nativeBinding);
  const folder = backupFolderFor(workspacePath);
  fs.mkdirSync(folder, { recursive: true });
  if (fs.existsSync(workspacePath)) {
    const keep = path.join(folder, `${stamp()}-replaced-by-restore.claimbench`);
    fs.copyFileSync(workspacePath, keep);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(workspacePath + suffix)) fs.copyFileSync(workspacePath + suffix, keep + suffix);
    }
  }
  const tmp = `${workspacePath}.restoring-${process.pid}`;
  fs.copyFileSync(backupPath, tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(workspacePath + suffix, { force: true });
  fs.renameSync(tmp, workspacePath);
}

/** A periodic backup of an open workspace, when it changed since the newest backup. */
export function periodicBackup(db: Database.Database, workspacePath: string, keep = 10): string | null {
  const latestChange = db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string | null;
  if (!latestChange) return null;
  const newest = listBackups(workspacePath)[0];
  if (newest && newest.createdAt >= latestChange.slice(0, 24)) return null;
  const folder = backupFolderFor(workspacePath);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${stamp()}-periodic.claimbench`);
  writeCopy(db, target);
  pruneBackups(workspacePath, keep);
  return target;
}
