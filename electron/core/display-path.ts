import os from 'node:os';
import path from 'node:path';

/**
 * A path as people read it, with the home folder shown as `~`: for a page to show where a file
 * the core keeps lives. A page never sends it back (its schemas take tokens and ids, not paths).
 */
export function displayPath(file: string, home: string = os.homedir()): string {
  const abs = path.resolve(file);
  const rel = home ? path.relative(home, abs) : '';
  if (!home || rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return abs;
  return `~${path.sep}${rel}`;
}
