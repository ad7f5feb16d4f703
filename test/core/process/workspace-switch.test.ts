import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnCore, type SpawnedCore } from '../../../electron/core/process/spawn-core';
import { refusalLine } from '../../../electron/browser-host/refusal-line';
import { DEFAULT_WORKSPACE_NAME } from '../../../electron/shell/app-session';
import type { KnownWorkspace } from '../../../shared/workspace-api';
import { tempDir } from '../../helpers/workspace';

let core: SpawnedCore | undefined;

afterEach(async () => {
  await core?.stop();
  core = undefined;
});

/** A page with no save or open dialog (the browser host) makes and switches workspaces by name and id only. */
describe('workspaces made and opened from a page', () => {
  it(
    'creates one by name in the data folder, lists the known ones without paths, and opens one by id',
    { timeout: 60_000 },
    async () => {
      const userDataDir = tempDir('claimbench-switch-');
      core = await spawnCore({ userDataDir }, { log: () => {} });
      const client = core.client;
      await client.invoke('identity.setAuthor', { name: 'Ana Checker' });
      expect(await client.invoke('claims.add', { text: 'Turnout was 71 percent in 2024.' })).toMatchObject({ ok: true });

      const created = await client.invoke('workspace.create', { name: 'Election debate' });
      const createdFile = path.join(userDataDir, 'Workspaces', 'Election debate.claimbench');
      expect(created).toMatchObject({ ok: true, value: { workspace: { name: 'Election debate', path: createdFile } } });
      expect(fs.existsSync(createdFile)).toBe(true);
      expect(await client.invoke('claims.list', {})).toMatchObject({ ok: true, value: { total: 0 } });

      // The same name again never overwrites; a name that is a path is refused.
      expect(await client.invoke('workspace.create', { name: 'Election debate' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      for (const name of ['../escape', 'a/b', '..', '  ']) {
        expect(await client.invoke('workspace.create', { name })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      expect(fs.readdirSync(path.join(userDataDir, 'Workspaces')).filter((f) => f.endsWith('.claimbench'))).toEqual([
      'Election debate.claimbench',
    ]);
      expect(fs.existsSync(path.join(userDataDir, 'escape.claimbench'))).toBe(false);

      const known = (await client.invoke('workspace.known', {})) as { ok: true; value: KnownWorkspace[] };
      expect(known.value.map((w) => [w.name, w.open])).toEqual([
        ['Election debate', true],
        ['My Investigation', false],
      ]);
      expect(Object.keys(known.value[0]!).sort()).toEqual(['folder', 'id', 'name', 'open']);

      const first = known.value.find((w) => w.name === 'My Investigation')!;
      expect(await client.invoke('workspace.openKnown', { id: first.id })).toMatchObject({
        ok: true,
        value: { workspace: { path: path.join(userDataDir, DEFAULT_WORKSPACE_NAME) } },
      });
      expect(await client.invoke('claims.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
      // Only an id the core handed out opens anything.
      expect(await client.invoke('workspace.openKnown', { id: '0123456789abcdef' })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      expect(await client.invoke('workspace.openKnown', { id: '/etc/passwd' })).toMatchObject({ ok: false });
    },
  );

  it('says on the terminal how to create a workspace file that does not exist', { timeout: 60_000 }, async () => {
    const missing = path.join(tempDir('claimbench-missing-'), 'desk.claimbench');
    const lines: string[] = [];
    core = await spawnCore(
      { userDataDir: tempDir('claimbench-switch-'), workspace: missing },
      {
        log: () => {},
        onEvent: (e) => {
          const line = e.kind === 'open-refused' ? refusalLine(e.payload) : null;
          if (line) lines.push(line);
        },
      },
    );
    await core.client.invoke('workspace.status', {});
    expect(lines).toEqual([
      `Not opened: desk.claimbench does not exist. To create it, run \`claimbench init "${missing}"\` and start again, or use New workspace… (Ctrl+Shift+N) in the page.`,
    ]);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
