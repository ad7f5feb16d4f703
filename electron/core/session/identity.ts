import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import type { IdentityStore } from '../context';

interface StoredIdentity {
  actorId: string;
  author: string | null;
}

/** The app's identity, kept in a small JSON file in the user-data folder, written atomically. */
export class FileIdentityStore implements IdentityStore {
  private value: StoredIdentity;

  constructor(private readonly file: string) {
    this.value = this.load();
  }

  private load(): StoredIdentity {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<StoredIdentity>;
      if (typeof parsed.actorId === 'string' && /^[0-9a-f]{16,32}$/.test(parsed.actorId)) {
        return {
          actorId: parsed.actorId,
          author: typeof parsed.author === 'string' && parsed.author.trim() ? parsed.author : null,
        };
      }
    } catch {
      // First launch, or an unreadable file: start a fresh identity.
    }
    const fresh = { actorId: randomBytes(8).toString('hex'), author: null };
    this.save(fresh);
    return fresh;
  }

  private save(v: StoredIdentity): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, JSON.stringify(v, null, 2));
    fs.renameSync(tmp, this.file);
  }

  get(): StoredIdentity {
    return { ...this.value };
  }

  setAuthor(name: string): void {
    this.value = { ...this.value, author: name.trim() };
    this.save(this.value);
  }
}

/** The CLI's identity: a fixed name; the actor id is derived from it so it is stable across runs. */
export class FixedIdentityStore implements IdentityStore {
  constructor(private author: string) {}
  get() {
    return { actorId: actorIdForName(this.author), author: this.author };
  }
  setAuthor(name: string): void {
    this.author = name;
  }
}

export function actorIdForName(name: string): string {
  return createHash('sha256').update(`claimbench-actor:${name}`).digest('hex').slice(0, 16);
}

export function defaultCliAuthor(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CLAIMBENCH_AUTHOR?.trim();
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
