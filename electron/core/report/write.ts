/** Write an export atomically: a temporary file next to the target, then a rename. */
import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError } from '../../../shared/result';

/** What a person can act on, by the file system's error code. */
const WHY_NOT_WRITTEN: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'part of the path is a file, not a folder',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

/** Clean up the temporary file if it was created; a path that cannot hold one needs nothing. */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // ENOTDIR and the like: nothing was written there.
  }
}

export function writeFileAtomically(target: string, content: string | Buffer): void {
  const absolute = path.resolve(target);
  const tmp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, absolute);
  } catch (e) {
    removeQuietly(tmp);
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new ClaimbenchError('IO', `Cannot write ${target}: ${WHY_NOT_WRITTEN[code] ?? (e as Error).message}`);
  }
}
