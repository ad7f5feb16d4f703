import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { FileIdentityStore } from '../../../electron/core/identity/identity';
import { SCHEMA_VERSION } from '../../../electron/core/store/migrations/index';
import { AppSession, DEFAULT_WORKSPACE_NAME, windowTitle } from '../../../electron/shell/app-session';
import { tempDir } from '../../helpers/workspace';

function newSession(userDataDir = tempDir()) {
  const identity = new FileIdentityStore(path.join(userDataDir, 'identity.json'));
  identity.setAuthor('Ana Checker');
  const changes: string[] = [];
  const session = new AppSession({ userDataDir, identity, onChange: (w) => changes.push(w.path) });
  return { session, userDataDir, changes };
}

async function addClaim(session: AppSession, text: string) {
  return call(session.context(), 'claims.add', { text });
}

describe('AppSession', () => {
  it('creates the default workspace in user-data on first launch, and reopens the last one after', async () => {
    const { session, userDataDir, changes } = newSession();
    expect(session.openInitial()).toEqual([]);
    const defaultPath = path.join(userDataDir, DEFAULT_WORKSPACE_NAME);
    expect(session.workspace?.path).toBe(defaultPath);
    expect(fs.existsSync(defaultPath)).toBe(true);
    expect(session.title).toBe('My Investigation — Claimbench');
    expect(changes).toEqual([defaultPath]);

    const other = path.join(tempDir(), 'Election 2024.claimbench');
    expect(session.create(other).ok).toBe(true);
    await addClaim(session, 'Turnout was 71 percent.');
    session.close();

    const again = newSession(userDataDir).session;
    again.openInitial();
    expect(again.workspace?.path).toBe(other);
    expect(again.title).toBe(windowTitle('Election 2024'));
    const { items } = await call(again.context(), 'claims.list', {});
    expect(items.map((c) => c.text)).toEqual(['Turnout was 71 percent.']);
    again.close();
  });

  it('closing the workspace pauses the running checking session, so the time away is not counted', async () => {
    const { session, userDataDir } = newSession();
    session.openInitial();
    await addClaim(session, 'Turnout was 71 percent.');
    const started = await call(session.context(), 'sessions.start', { name: 'Evening' });
    expect(started.status).toBe('active');
    session.close();

    const again = newSession(userDataDir).session;
    again.openInitial();
    const back = await call(again.context(), 'sessions.get', { id: started.id });
    expect(back.status).toBe('paused');
    const activity = await call(again.context(), 'activity.list', {});
    expect(activity.items.some((i) => i.action === 'Pause session “Evening” (workspace closed)')).toBe(true);
    again.close();
  });

  it('switches workspaces: closes the old, opens the new, updates recent and notifies', async () => {
    const { session, changes } = newSession();
    const dir = tempDir();
    const a = path.join(dir, 'a.claimbench');
    const b = path.join(dir, 'b.claimbench');
    expect(session.create(a).ok).toBe(true);
    await addClaim(session, 'Claim in A');
    const first = session.workspace!;
    expect(session.create(b).ok).toBe(true);
    expect(first.db.open).toBe(false);
    expect(session.recent.list()).toEqual([b, a]);
    expect((await call(session.context(), 'claims.list', {})).total).toBe(0);
    expect(session.open(a).ok).toBe(true);
    expect((await call(session.context(), 'claims.list', {})).items[0]?.text).toBe('Claim in A');
    expect(session.recent.list()).toEqual([a, b]);
    expect(changes).toEqual([a, b, a]);
    session.close();
    expect(() => session.context()).toThrow(/No workspace is open/);
  });

  it('refuses a junk file with a clear error, keeps the old workspace open, and leaves the file byte-for-byte untouched', async () => {
    const { session, changes } = newSession();
    const dir = tempDir();
    const good = path.join(dir, 'good.claimbench');
    session.create(good);
    await addClaim(session, 'Still here');
    const junk = path.join(dir, 'junk.claimbench');
    const bytes = Buffer.from('This is a shopping list, not a database.\n'.repeat(50));
    fs.writeFileSync(junk, bytes);

    const outcome = session.open(junk);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('NOT_A_WORKSPACE');
    expect(outcome.error.message).toMatch(/junk\.claimbench is not a Claimbench workspace/);
    expect(fs.readFileSync(junk).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'good.claimbench',
      'good.claimbench-shm',
      'good.claimbench-wal',
      'junk.claimbench',
    ]);
    expect(session.workspace?.path).toBe(good);
    expect(session.workspace?.db.open).toBe(true);
    expect((await call(session.context(), 'claims.list', {})).items[0]?.text).toBe('Still here');
    expect(session.recent.list()).toEqual([good]);
    expect(changes).toEqual([good]);
    session.close();
  });

  it('refuses a workspace from a newer version and a missing file, keeping the current one', () => {
    const { session } = newSession();
    const dir = tempDir();
    session.create(path.join(dir, 'current.claimbench'));
    const future = path.join(dir, 'future.claimbench');
    const db = new Database(future);
    db.pragma('application_id = 1129073986');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(future);

    const refused = session.open(future);
    expect(refused.ok ? null : refused.error.code).toBe('NEWER_VERSION');
    expect(refused.ok ? '' : refused.error.message).toMatch(/newer version of Claimbench/);
    expect(fs.readFileSync(future).equals(before)).toBe(true);
    const missing = session.open(path.join(dir, 'gone.claimbench'));
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    expect(session.workspace?.name).toBe('current');
    session.close();
  });

  it('falls back to the default workspace when the requested file is refused, reporting why', () => {
    const { session, userDataDir } = newSession();
    const junk = path.join(tempDir(), 'junk.claimbench');
    fs.writeFileSync(junk, 'nope');
    const refusals = session.openInitial(junk);
    expect(refusals.map((e) => e.code)).toEqual(['NOT_A_WORKSPACE']);
    expect(session.workspace?.path).toBe(path.join(userDataDir, DEFAULT_WORKSPACE_NAME));
    session.close();
  });

  it('starts with no workspace when the default one is refused, and a new one never touches it', () => {
    const { session, userDataDir, changes } = newSession();
    const defaultPath = path.join(userDataDir, DEFAULT_WORKSPACE_NAME);
    fs.writeFileSync(defaultPath, 'not a workspace at all');
    const future = path.join(tempDir(), 'future.claimbench');
    const db = new Database(future);
    db.pragma('application_id = 1129073986');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const futureBytes = fs.readFileSync(future);

    const refusals = session.openInitial(future);
    expect(refusals.map((e) => e.code)).toEqual(['NEWER_VERSION', 'NOT_A_WORKSPACE']);
    expect(session.workspace).toBeUndefined();
    const status = session.startupStatus();
    expect(status.workspace).toBeNull();
    expect(status.refused.map((r) => r.file)).toEqual([future, defaultPath]);
    expect(status.refused[1]!.message).toBe(
      `${DEFAULT_WORKSPACE_NAME} is not a Claimbench workspace (it is not a SQLite database).`,
    );
    expect(() => session.context()).toThrow(/No workspace is open/);

    const started = session.startNew();
    expect(started.ok).toBe(true);
    expect(session.workspace?.name).toBe('My Investigation 2');
    expect(changes).toEqual([path.join(userDataDir, 'My Investigation 2.claimbench')]);
    expect(fs.readFileSync(defaultPath, 'utf8')).toBe('not a workspace at all');
    expect(fs.readFileSync(future).equals(futureBytes)).toBe(true);
    const again = session.startNew();
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    session.close();
  });

  it('New Workspace never overwrites an existing file', () => {
    const { session } = newSession();
    const dir = tempDir();
    const existing = path.join(dir, 'taken.claimbench');
    fs.writeFileSync(existing, 'precious');
    const outcome = session.create(path.join(dir, 'taken'));
    expect(outcome.ok ? null : outcome.error.code).toBe('CONFLICT');
    expect(fs.readFileSync(existing, 'utf8')).toBe('precious');
    expect(session.workspace).toBeUndefined();
  });

  it('Save a Copy writes a single self-contained file that opens as a workspace', async () => {
    const { session } = newSession();
    const dir = tempDir();
    session.create(path.join(dir, 'live.claimbench'));
    await addClaim(session, 'Copied claim');
    const copy = session.saveCopy(path.join(dir, 'handed over'));
    expect(copy).toBe(path.join(dir, 'handed over.claimbench'));
    expect(fs.existsSync(`${copy}-wal`)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    expect(() => session.saveCopy(path.join(dir, 'live.claimbench'))).toThrow(/cannot replace the open workspace/);

    expect(session.open(copy).ok).toBe(true);
    expect((await call(session.context(), 'claims.list', {})).items.map((c) => c.text)).toEqual(['Copied claim']);
    session.close();
  });
});
