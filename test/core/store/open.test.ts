import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimbenchError } from '../../../shared/result';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { APPLICATION_ID, applyPragmas, migrate, openWorkspaceFile } from '../../../electron/core/store/open';
import { Workspace } from '../../../electron/core/store/workspace';
import { tempDir } from '../../helpers/workspace';

const identity = () => ({ actorId: '0123456789abcdef', author: 'Ann' });
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

function refusal(fn: () => unknown): ClaimbenchError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ClaimbenchError);
    return e as ClaimbenchError;
  }
  throw new Error('expected the file to be refused');
}

describe('opening workspace files', () => {
  it('creates a new workspace with the agreed pragmas and schema', () => {
    const file = path.join(tempDir(), 'new.claimbench');
    const ws = Workspace.open(file, identity, { create: true });
    open.push(ws);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const id = ws.db.prepare("SELECT value FROM meta WHERE key = 'workspace_id'").pluck().get();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing file unless asked to create it', () => {
    const e = refusal(() => openWorkspaceFile(path.join(tempDir(), 'missing.claimbench')));
    expect(e.code).toBe('NOT_FOUND');
  });

  it('refuses a file that is not SQLite and leaves it byte-for-byte untouched', () => {
    const file = path.join(tempDir(), 'notes.claimbench');
    fs.writeFileSync(file, randomBytes(8192));
    const before = sha(file);
    const e = refusal(() => openWorkspaceFile(file));
    expect(e.code).toBe('NOT_A_WORKSPACE');
    expect(e.message).toMatch(/not a Claimbench workspace/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['notes.claimbench']);
  });

  it('refuses another application’s SQLite database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')");
    other.close();
    const before = sha(file);
    const e = refusal(() => openWorkspaceFile(file));
    expect(e.code).toBe('NOT_A_WORKSPACE');
    expect(sha(file)).toBe(before);
  });

  it('refuses a workspace written by a newer version and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.claimbench');
    Workspace.open(file, identity, { create: true }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha(file);
    const e = refusal(() => openWorkspaceFile(file));
    expect(e.code).toBe('NEWER_VERSION');
    expect(e.message).toMatch(/newer version of Claimbench/);
    expect(sha(file)).toBe(before);
  });

  it('refuses a damaged workspace and leaves it untouched', () => {
    const file = path.join(tempDir(), 'damaged.claimbench');
    const ws = Workspace.open(file, identity, { create: true });
    ws.db.pragma('journal_mode = DELETE');
    ws.db.close();
    const bytes = fs.readFileSync(file);
    // Keep the SQLite header, wreck the page that holds the schema.
    for (let i = 100; i < Math.min(bytes.length, 4096); i++) bytes[i] = 0xa5;
    fs.writeFileSync(file, bytes);
    const before = sha(file);
    const e = refusal(() => openWorkspaceFile(file));
    expect(['CORRUPT', 'NOT_A_WORKSPACE']).toContain(e.code);
    expect(sha(file)).toBe(before);
  });

  it('refuses a truncated WAL-mode workspace and leaves nothing beside it: no -wal or -shm of its own', () => {
    const dir = tempDir();
    const whole = path.join(dir, 'whole.claimbench');
    const ws = Workspace.open(whole, identity, { create: true });
    ws.recorder.action('fill', (w) => {
      for (let i = 0; i < 400; i++) w.create('claim', `c${i}`, { text: `Claim ${i}: ${'x'.repeat(200)}`, ordinal: i });
    });
    ws.close();
    expect(fs.readdirSync(dir)).toEqual(['whole.claimbench']);
    const cut = path.join(dir, 'cut.claimbench');
    fs.writeFileSync(cut, fs.readFileSync(whole).subarray(0, Math.floor(fs.statSync(whole).size / 2)));
    const before = sha(cut);
    const e = refusal(() => openWorkspaceFile(cut));
    expect(e.code).toBe('CORRUPT');
    expect(sha(cut)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(['cut.claimbench', 'whole.claimbench']);
  });

  it('migrates an older workspace forwards in one step, keeps its data and backs it up first', () => {
    for (let from = 1; from < SCHEMA_VERSION; from++) {
      const file = path.join(tempDir(), `v${from}.claimbench`);
      const db = new Database(file);
      applyPragmas(db);
      migrate(db, 0, from);
      db.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run();
      db.close();
      const ws = Workspace.open(file, identity);
      open.push(ws);
      expect(ws.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(ws.db.prepare("SELECT value FROM meta WHERE key = 'marker'").pluck().get()).toBe('kept');
      const backups = fs.readdirSync(backupFolderFor(file));
      expect(backups.some((b) => b.includes(`before-migration-v${from}`))).toBe(true);
    }
  });

  it('keeps migrations numbered one per file, strictly increasing from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });
});
