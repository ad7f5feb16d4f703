import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Touched } from '../../../shared/touched';
import { call } from '../../../electron/core/dispatch';
import { FileIdentityStore } from '../../../electron/core/identity/identity';
import { SYNC_SUFFIX } from '../../../electron/core/team/sync-file';
import { AppSession } from '../../../electron/shell/app-session';
import { tempDir } from '../../helpers/workspace';

function person(name: string) {
  const userDataDir = tempDir();
  const identity = new FileIdentityStore(path.join(userDataDir, 'identity.json'));
  identity.setAuthor(name);
  const synced: Touched[] = [];
  const logged: string[] = [];
  const session = new AppSession({
    userDataDir,
    identity,
    onDataChanged: (touched) => {
      if (!touched.syncLink) synced.push(touched);
    },
    log: (m, e) => logged.push(`${m}: ${e instanceof Error ? e.message : ''}`),
    syncDebounceMs: 100,
    syncExportDelayMs: 50,
  });
  return { session, synced, logged, identity };
}

/** What the IPC layer does for the renderer: run the operation in the session's context, which hears what it touched. */
async function run<N extends Parameters<typeof call>[1]>(session: AppSession, name: N, input: Parameters<typeof call<N>>[2]) {
  return call(session.context(), name, input);
}

async function claimTexts(session: AppSession): Promise<string[]> {
  return (await call(session.context(), 'claims.list', {})).items.map((c) => c.text).sort();
}

const wait = { timeout: 8_000, interval: 50 };

describe('shared-folder sync in the app session', () => {
  it('syncs on link and on open, follows a teammate through the folder watcher, and stops on switch', async () => {
    const folder = tempDir('claimbench-shared-');
    const ana = person('Ana');
    const ben = person('Ben');
    const anaFile = path.join(tempDir(), 'ana.claimbench');
    const benFile = path.join(tempDir(), 'ben.claimbench');
    ana.session.create(anaFile);
    ben.session.create(benFile);

    await run(ana.session, 'claims.add', { text: 'Ana found this claim' });
    await run(ana.session, 'team.sync.link', { folder });
    // Linking syncs at once: Ana's change file is in the folder.
    const anaChanges = path.join(folder, `${ana.identity.get().actorId}${SYNC_SUFFIX}`);
    expect(fs.existsSync(anaChanges)).toBe(true);
    expect(ana.session.folderSync.watchedFolder).toBe(folder);

    await run(ben.session, 'team.sync.link', { folder });
    expect(await claimTexts(ben.session)).toEqual(['Ana found this claim']);
    expect(ben.synced).toHaveLength(1); // the renderer is told: teammates' changes arrived
    expect(ben.synced[0]!.claim).toHaveLength(1);

    // Ana keeps working: her change goes to her file shortly after, Ben's watcher picks it up.
    await run(ana.session, 'claims.add', { text: 'Ana adds a second claim' });
    await vi.waitFor(async () => expect(await claimTexts(ben.session)).toContain('Ana adds a second claim'), wait);
    expect(ben.synced.length).toBeGreaterThanOrEqual(2);

    // And the other way round.
    await run(ben.session, 'claims.add', { text: 'Ben replies with a claim' });
    await vi.waitFor(async () => expect(await claimTexts(ana.session)).toContain('Ben replies with a claim'), wait);

    // Ben switches to another workspace: the watcher is closed, nothing reaches the old file.
    const other = path.join(tempDir(), 'other.claimbench');
    ben.session.create(other);
    expect(ben.session.folderSync.watchedFolder).toBeNull();
    const syncedBefore = ben.synced.length;
    await run(ana.session, 'claims.add', { text: 'Ana, while Ben is elsewhere' });
    await vi.waitFor(() => expect(fs.readFileSync(anaChanges, 'utf8')).toContain('Ana, while Ben is elsewhere'), wait);
    await new Promise((r) => setTimeout(r, 400));
    expect(ben.synced.length).toBe(syncedBefore);

    // Reopening Ben's linked workspace syncs on open (the switch itself refreshes the renderer).
    expect(ben.session.open(benFile).ok).toBe(true);
    expect(await claimTexts(ben.session)).toContain('Ana, while Ben is elsewhere');
    expect(ben.session.folderSync.watchedFolder).toBe(folder);
    expect(ben.synced.length).toBe(syncedBefore);

    // Unlinking stops the watcher.
    await run(ben.session, 'team.sync.unlink', {});
    expect(ben.session.folderSync.watchedFolder).toBeNull();
    ana.session.close();
    ben.session.close();
  });

  it('a teammate file that is not a change file, and our own file, do not trigger a sync', async () => {
    const folder = tempDir('claimbench-shared-');
    const ana = person('Ana');
    ana.session.create(path.join(tempDir(), 'a.claimbench'));
    await run(ana.session, 'team.sync.link', { folder });
    const spy = vi.spyOn(ana.session.folderSync, 'sync');
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'unrelated');
    fs.appendFileSync(path.join(folder, `${ana.identity.get().actorId}${SYNC_SUFFIX}`), '');
    await new Promise((r) => setTimeout(r, 400));
    expect(spy).not.toHaveBeenCalled();
    fs.writeFileSync(path.join(folder, `0123456789abcdef${SYNC_SUFFIX}`), '');
    await vi.waitFor(() => expect(spy).toHaveBeenCalled(), wait);
    ana.session.close();
  });

  it('a shared folder that went away is logged, never thrown, and the workspace keeps working', async () => {
    const folder = tempDir('claimbench-shared-');
    const ana = person('Ana');
    const file = path.join(tempDir(), 'a.claimbench');
    ana.session.create(file);
    await run(ana.session, 'team.sync.link', { folder });
    ana.session.close();
    fs.rmSync(folder, { recursive: true });

    expect(ana.session.open(file).ok).toBe(true);
    expect(ana.logged.some((m) => /Syncing a with .* failed: The shared folder .* is not available/.test(m))).toBe(true);
    await run(ana.session, 'claims.add', { text: 'Still works offline' });
    expect(await claimTexts(ana.session)).toEqual(['Still works offline']);
    ana.session.close();
  });
});
