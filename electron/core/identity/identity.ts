import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { z } from 'zod';
import type { IdentityStore, PersonIdentity } from '../context';
import { generateSigningKey, signingKeyFromPem, signingKeyFromSeed, type SigningKey } from '../team/signing';

const ACTOR_ID = /^[0-9a-f]{16,32}$/;

/** A person's identity file: who they are and, since signed authorship, their private signing key. */
const identityFileShape = z.object({
  actorId: z.string().regex(ACTOR_ID),
  author: z.string().nullable().optional(),
  privateKey: z.string().max(4_000).optional(),
});

interface StoredIdentity {
  actorId: string;
  author: string | null;
  signingKey: SigningKey;
}

export function randomActorId(): string {
  return randomBytes(8).toString('hex');
}

function freshIdentity(author: string | null): StoredIdentity {
  return { actorId: randomActorId(), author, signingKey: generateSigningKey() };
}

function serialise(v: StoredIdentity): string {
  return JSON.stringify({ actorId: v.actorId, author: v.author, privateKey: v.signingKey.exportPrivateKey() }, null, 2);
}

/**
 * Read an identity file. An identity from before signing (no key) keeps its actor id and gets a
 * key pair; `upgraded` says the file must be written back. Null when the file is missing or unreadable.
 */
function readIdentityFile(file: string): { identity: StoredIdentity; upgraded: boolean } | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  let parsed: z.infer<typeof identityFileShape>;
  try {
    const r = identityFileShape.safeParse(JSON.parse(text));
    if (!r.success) return null;
    parsed = r.data;
  } catch {
    return null;
  }
  const author = typeof parsed.author === 'string' && parsed.author.trim() ? parsed.author : null;
  if (parsed.privateKey) {
    try {
      return { identity: { actorId: parsed.actorId, author, signingKey: signingKeyFromPem(parsed.privateKey) }, upgraded: false };
    } catch {
      // A damaged key cannot sign as this actor any more: a new identity is safer than a new key
      // under the old actor id, which every teammate's pin would show as a key conflict.
      return null;
    }
  }
  return { identity: { actorId: parsed.actorId, author, signingKey: generateSigningKey() }, upgraded: true };
}

/** Atomic (temporary file + rename) and private: the file holds the private key, so it is 0600. */
function writeIdentityFile(file: string, v: StoredIdentity, onlyIfAbsent = false): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, serialise(v), { mode: 0o600 });
  try {
    fs.chmodSync(tmp, 0o600);
    if (!onlyIfAbsent) {
      fs.renameSync(tmp, file);
      return true;
    }
    // Two CLI processes may create the same person at once: link() fails if the file exists, so
    // exactly one identity wins and the other process reads it.
    try {
      fs.linkSync(tmp, file);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function asPerson(v: StoredIdentity): PersonIdentity {
  return { actorId: v.actorId, author: v.author, signingKey: v.signingKey };
}

/** The app's identity, kept in a small JSON file in the user-data folder, written atomically. */
export class FileIdentityStore implements IdentityStore {
  private value: StoredIdentity;

  constructor(private readonly file: string) {
    this.value = this.load();
  }

  private load(): StoredIdentity {
    const found = readIdentityFile(this.file);
    if (found) {
      if (found.upgraded) writeIdentityFile(this.file, found.identity);
      return found.identity;
    }
    // First launch, or an unreadable file: start a fresh identity.
    const fresh = freshIdentity(null);
    writeIdentityFile(this.file, fresh);
    return fresh;
  }

  get(): PersonIdentity {
    return asPerson(this.value);
  }

  setAuthor(name: string): void {
    this.value = { ...this.value, author: name.trim() };
    writeIdentityFile(this.file, this.value);
  }
}

/** The folder holding the CLI's identities: $CLAIMBENCH_PROFILE, else the user's config folder. */
export function cliProfileDir(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.CLAIMBENCH_PROFILE?.trim();
  if (given) return path.resolve(given);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'claimbench');
  const config = env.XDG_CONFIG_HOME?.trim() || path.join(os.homedir(), '.config');
  return path.join(config, 'claimbench');
}

/**
 * The CLI's identities: the CLI names its author per command (`--author`), so its profile keeps
 * one identity file per name (random actor id and key pair, made on first use), each written the
 * same way as the app's.
 */
export class ProfileIdentityStore implements IdentityStore {
  // Loaded (and created) on first use: a command that only reads never needs a writable profile.
  private value: StoredIdentity | null = null;

  constructor(
    private readonly dir: string,
    private author: string,
  ) {}

  private fileFor(author: string): string {
    const key = createHash('sha256').update(author).digest('hex').slice(0, 32);
    return path.join(this.dir, 'people', `${key}.json`);
  }

  private load(author: string): StoredIdentity {
    const file = this.fileFor(author);
    for (let attempt = 0; attempt < 3; attempt++) {
      const found = readIdentityFile(file);
      if (found && found.identity.author === author) {
        if (found.upgraded) writeIdentityFile(file, found.identity);
        return found.identity;
      }
      if (found) break;
      const fresh = freshIdentity(author);
      if (writeIdentityFile(file, fresh, true)) return fresh;
    }
    throw new Error(`The identity file ${file} is damaged; move it aside to start a new identity for ${author}.`);
  }

  get(): PersonIdentity {
    this.value ??= this.load(this.author);
    return asPerson(this.value);
  }

  setAuthor(name: string): void {
    this.author = name.trim();
    this.value = this.load(this.author);
  }
}

/**
 * An in-memory identity for tests and benchmarks only (never the app's or the CLI's): the actor id
 * and the key are derived from the name, so two instances with one name are the same person.
 */
export class FixedIdentityStore implements IdentityStore {
  private key: SigningKey;
  constructor(private author: string) {
    this.key = FixedIdentityStore.keyFor(author);
  }
  private static keyFor(name: string): SigningKey {
    return signingKeyFromSeed(createHash('sha256').update(`claimbench-test-key:${name}`).digest());
  }
  get(): PersonIdentity {
    return { actorId: actorIdForName(this.author), author: this.author, signingKey: this.key };
  }
  setAuthor(name: string): void {
    this.author = name;
    this.key = FixedIdentityStore.keyFor(name);
  }
}

/** Test and benchmark identities only: real actor ids are random (randomActorId). */
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
