import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomic } from './json-file';

export const MAX_RECENT = 10;

const recentFileSchema = z.object({ files: z.array(z.string().min(1).max(4_096)).max(1_000) });

function exists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Open Recent list: most recent first, at most ten, files that no longer exist dropped. */
export class RecentList {
  constructor(
    private readonly file: string,
    private readonly fileExists: (file: string) => boolean = exists,
  ) {}

  list(): string[] {
    const stored = readJsonFile(this.file, recentFileSchema)?.files ?? [];
    const unique = [...new Set(stored.map((f) => path.resolve(f)))];
    const present = unique.filter((f) => this.fileExists(f)).slice(0, MAX_RECENT);
    if (present.length !== stored.length || present.some((f, i) => f !== stored[i])) this.save(present);
    return present;
  }

  add(file: string): string[] {
    const absolute = path.resolve(file);
    const next = [absolute, ...this.list().filter((f) => f !== absolute)].slice(0, MAX_RECENT);
    this.save(next);
    return next;
  }

  remove(file: string): string[] {
    const absolute = path.resolve(file);
    const next = this.list().filter((f) => f !== absolute);
    this.save(next);
    return next;
  }

  clear(): void {
    this.save([]);
  }

  private save(files: string[]): void {
    writeJsonFileAtomic(this.file, { files });
  }
}
