import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { tempDir } from '../../helpers/workspace';
import { person, type TestContext } from './team-helpers';

const open: TestContext[] = [];
afterAll(() => {
  for (const c of open) c.workspace.close();
});

it('names each peer file’s person from the file before their changes are merged, and from the workspace after', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'shared');
  fs.mkdirSync(folder);
  const [ana, ben] = ['Ana', 'Ben'].map((n) => person(path.join(dir, 'local'), n)) as [TestContext, TestContext];
  open.push(ana, ben);
  for (const p of [ana, ben]) await call(p, 'team.sync.link', { folder });
  await call(ana, 'claims.add', { text: 'Rents doubled since 2015.' });
  await call(ana, 'team.sync.now', {});

  const before = await call(ben, 'team.sync.status', {});
  expect(before.peers.map((p) => [p.actorId, p.name])).toEqual([[ana.identity.get().actorId, 'Ana']]);

  const after = await call(ben, 'team.sync.now', {});
  const byActor = new Map(after.peers.map((p) => [p.actorId, p.name]));
  expect(byActor.get(ana.identity.get().actorId)).toBe('Ana');
});
