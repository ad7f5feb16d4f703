import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

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
  const db = new Database(workspacePath, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    writeCopy(db, target);
  } finally {
    db.close();
  }
  return target;
}
