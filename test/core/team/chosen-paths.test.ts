import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { displayPath } from '../../../electron/core/display-path';
import type { HostServices } from '../../../electron/core/host';
import { CoreClient } from '../../../electron/core/process/core-client';
import { CoreServer } from '../../../electron/core/process/core-server';
import { inProcessCore } from '../../../electron/core/process/in-process-core';
import { utilityChildPort, utilityParentPort } from '../../../electron/core/process/ports';
import { createCoreIpcHandler } from '../../../electron/ipc';
import { productionAppUrl } from '../../../electron/shell/app-url';
import { isTrustedSender } from '../../../electron/shell/security';
import { utilityPair } from '../../helpers/utility-pair';
import { tempDir } from '../../helpers/workspace';
import { snapshot, teammates } from './team-helpers';

const teammate = teammates();

/** Stands in for the person in the host's dialogs: answers every open and save with these. */
function dialogs(answers: { open?: string; save?: string }): HostServices {
  return {
    chooseOpen: () => Promise.resolve(answers.open ? [answers.open] : null),
    chooseSave: () => Promise.resolve(answers.save ?? null),
  };
}

/** What a page's request goes through: the core server's dispatch, here in this process. */
function asPage(ctx: CoreContext) {
  return inProcessCore(() => ctx);
}

describe('files and folders chosen in host dialogs stay in the core', () => {
  it('sharing: the page gets a token and the file name for where to write, and shares by the token', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    await call(ana, 'claims.add', { text: 'Exports grew by 12 percent last year.' });
    const target = path.join(dir, 'out', 'ana.claimbench-share');
    fs.mkdirSync(path.dirname(target));
    const page = asPage({ ...ana, host: dialogs({ save: target }) });

    const chosen = await page.invoke('team.chooseShareTarget', { defaultName: 'ana.claimbench-share' });
    expect(chosen.ok).toBe(true);
    const file = (chosen as { value: { file: { token: string; name: string } } }).value.file;
    expect(file.name).toBe('ana.claimbench-share');
    expect(JSON.stringify(file)).not.toContain(dir);

    const shared = await page.invoke('team.share', { chosen: file.token });
    expect(shared).toMatchObject({ ok: true, value: { changes: expect.any(Number) } });
    expect(fs.existsSync(target)).toBe(true);
    // A save token is not an open token: it cannot be used to read the file back as a merge.
    const misuse = await page.invoke('team.mergePreview', { chosen: file.token });
    expect(misuse).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('syncing: the page links the folder the person chose by its token', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'team');
    fs.mkdirSync(folder);
    const ana = teammate(dir, 'Ana');
    const page = asPage({ ...ana, host: dialogs({ open: folder }) });
    const chosen = await page.invoke('team.chooseSyncFolder', {});
    const token = (chosen as { ok: true; value: { folder: { token: string; name: string } } }).value.folder;
    expect(token.name).toBe('team');
    const linked = await page.invoke('team.sync.link', { chosen: token.token });
    // The page reads where the folder is and its own file's name; the paths stay with the core's own callers.
    const own = `${ana.identity.get().actorId}.changes.jsonl`;
    expect(linked).toMatchObject({ ok: true, value: { location: displayPath(folder), ownFileName: own } });
    expect((linked as { value: object }).value).not.toHaveProperty('folder');
    expect((linked as { value: object }).value).not.toHaveProperty('ownFile');
    await call(ana, 'claims.add', { text: 'Turnout was 71 percent.' });
    const synced = await page.invoke('team.sync.now', {});
    expect(synced).toMatchObject({ ok: true, value: { peers: [{ fileName: own }] } });
    expect((synced as { value: { peers: object[] } }).value.peers[0]).not.toHaveProperty('file');
    expect(await call(ana, 'team.sync.status', {})).toMatchObject({ folder, ownFile: path.join(folder, own) });
  });

  it('a cancelled dialog gives no token; without a host there is no dialog', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    const page = asPage({ ...ana, host: dialogs({}) });
    expect(await page.invoke('team.chooseShareTarget', { defaultName: 'x.claimbench-share' })).toEqual({
      ok: true,
      value: { file: null },
    });
    expect(await page.invoke('team.chooseSyncFolder', {})).toEqual({ ok: true, value: { folder: null } });
    expect(await asPage(ana).invoke('team.chooseSyncFolder', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a page that sends a path is refused by the schema, and nothing is read or written', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    await call(ana, 'claims.add', { text: 'The new bridge cost 3 billion euros.' });
    const share = (await call(ana, 'team.share', { target: path.join(dir, 'ana.claimbench-share') })).path;
    const ben = teammate(dir, 'Ben');
    const before = snapshot(ben.workspace.db);
    const page = asPage(ben);
    const target = path.join(dir, 'stolen.claimbench-share');
    const folder = path.join(dir, 'elsewhere');
    fs.mkdirSync(folder);
    for (const [name, input] of [
      ['team.mergePreview', { path: share }],
      ['team.merge', { path: share, expectHash: '0'.repeat(64) }],
      ['team.share', { target }],
      ['team.sync.link', { folder }],
      ['team.mergePreview', { chosen: 'f'.repeat(32), path: share }],
    ] as const) {
      const r = await page.invoke(name, input);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    expect(fs.existsSync(target)).toBe(false);
    expect((await call(ben, 'team.sync.status', {})).folder).toBeNull();
    expect(snapshot(ben.workspace.db)).toEqual(before);
  });

  it('through the app’s real path (IPC handler, core client, core server), a path is refused and a token works', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    await call(ana, 'claims.add', { text: 'Unemployment fell to 4.2 percent in March.' });
    const target = path.join(dir, 'ana.claimbench-share');
    const { parentPort, child } = utilityPair();
    const server = new CoreServer(utilityParentPort(parentPort));
    const client = new CoreClient(utilityChildPort(child), dialogs({ save: target }));
    const app = productionAppUrl('/opt/claimbench/out/renderer');
    const handle = createCoreIpcHandler({
      isTrustedSender: (frame) => isTrustedSender(frame, app),
      invoke: (name, input) => client.invoke(name, input),
    });
    const send = (name: string, input: unknown) =>
      handle({ senderFrame: { url: 'app://claimbench/index.html', parent: null } } as never, name, input);
    try {
      // As the core process does (entry.ts): dialogs are asked of the host through the server.
      server.start({ context: () => ({ ...ana, host: server.host }) });
      await client.ready;
      expect(await send('team.share', { target })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(fs.existsSync(target)).toBe(false);
      const chosen = await send('team.chooseShareTarget', { defaultName: 'ana.claimbench-share' });
      expect(chosen).toMatchObject({ ok: true });
      const file = (chosen as { ok: true; value: { file: { token: string } } }).value.file;
      expect(await send('team.share', { chosen: file.token })).toMatchObject({ ok: true });
      expect(fs.existsSync(target)).toBe(true);
    } finally {
      client.close();
      server.close();
    }
  });

  it('the core’s own callers (the CLI) keep paths', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    await call(ana, 'claims.add', { text: 'Turnout was 71 percent.' });
    const share = await call(ana, 'team.share', { target: path.join(dir, 'ana.claimbench-share') });
    const ben = teammate(dir, 'Ben');
    const preview = await call(ben, 'team.mergePreview', { path: share.path });
    expect((await call(ben, 'team.merge', { path: share.path, expectHash: preview.contentHash })).applied).toBe(true);
  });
});
