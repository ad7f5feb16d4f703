import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from './sqlite';

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
  db.prepare('VACUUM INTO ?').run(tmp);
  const fd = fs.openSync(tmp, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, target);
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

/** Whether a backup file opens and passes SQLite's quick_check. */
export function isGoodBackup(file: string, nativeBinding?: string): boolean {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
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
  if (!isGoodBackup(backupPath, nativeBinding)) throw new Error(`${path.basename(backupPath)} is damaged and cannot be restored`);
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
