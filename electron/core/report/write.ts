/** Write an export atomically: a temporary file next to the target, then a rename. */
import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError } from '../../../shared/result';

export function writeFileAtomically(target: string, content: string | Buffer): void {
  const absolute = path.resolve(target);
  const tmp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, content);
    fs.renameSync(tmp, absolute);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'the folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (e as Error).message;
    throw new ClaimbenchError('IO', `Cannot write ${target}: ${why}`);
  }
}
