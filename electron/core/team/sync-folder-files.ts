/**
 * File access inside a shared sync folder. Sync tools (git, Syncthing) carry symbolic links, and
 * anyone with access to the folder can place one, so nothing here ever follows a link: every file is
 * opened with O_NOFOLLOW and checked to be a plain regular file with a single link, directly in the
 * folder. Writes that replace a file go to a temporary name, are flushed, and renamed into place.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Absent on Windows, where lstat before opening is the check. */
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export class UnsafeSyncFile extends Error {}

function describeKind(st: fs.Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (!st.isFile()) return 'not a regular file';
  return 'a hard link to another file';
}

function checkRegular(st: fs.Stats): void {
  if (!st.isFile() || st.nlink > 1) {
    throw new UnsafeSyncFile(`it is ${describeKind(st)}, and Claimbench only uses plain files in a synced folder`);
  }
}

/** lstat of an entry directly inside the folder, or null when it does not exist. */
export function entryStat(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function openNoFollow(file: string, flags: number, mode?: number): number {
  const before = entryStat(file);
  if (before) checkRegular(before);
  let fd: number;
  try {
    fd = fs.openSync(file, flags | NOFOLLOW, mode);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP')
      throw new UnsafeSyncFile('it is a symbolic link, and Claimbench never follows links in a synced folder');
    throw e;
  }
  try {
    const st = fs.fstatSync(fd);
    checkRegular(st);
    // Swapped for something else between the lstat and the open: refuse rather than guess.
    if (before && (st.ino !== before.ino || st.dev !== before.dev))
      throw new UnsafeSyncFile('it changed while it was being opened');
    return fd;
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

/** The whole text of a regular file in the folder; never through a link. */
export function readSyncFileText(file: string): string {
  const fd = openNoFollow(file, fs.constants.O_RDONLY);
  try {
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Append to an existing regular file (never through a link), then flush it to disk. */
export function appendToSyncFile(file: string, chunks: Iterable<string>): void {
  const fd = openNoFollow(file, fs.constants.O_WRONLY | fs.constants.O_APPEND);
  try {
    for (const chunk of chunks) fs.writeSync(fd, chunk);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every platform can open a folder for fsync (Windows); the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Replace (or create) a file atomically: write a temporary file beside it, flush it, rename it over
 * the old name (which replaces a link itself, never its target) and flush the folder. The temporary
 * file is removed whatever happens, so a full disk leaves no stray `.partial-<pid>` behind.
 */
export function replaceSyncFile(file: string, chunks: Iterable<string>): void {
  const existing = entryStat(file);
  if (existing) checkRegular(existing);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
  fs.rmSync(tmp, { force: true });
  try {
    const fd = fs.openSync(tmp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o644);
    try {
      for (const chunk of chunks) fs.writeSync(fd, chunk);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncFolder(path.dirname(file));
}
