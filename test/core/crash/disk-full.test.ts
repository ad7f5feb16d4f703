import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { snapshot } from '../team/team-helpers';
import { mergePreviewed } from '../../helpers/merge';

/**
 * A real full disk: a small tmpfs, filled up to the last few kilobytes. Mounting needs root; where
 * the tests do not run as root they are skipped.
 */
let mount = '';
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = tempDir('claimbench-full-probe-');
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', probe]).status === 0;
  if (ok) spawnSync('umount', [probe]);
  return ok;
})();
if (!canMount) console.log('disk-full tests skipped: mounting a small tmpfs needs root on Linux');

beforeAll(() => {
  if (!canMount) return;
  mount = tempDir('claimbench-full-');
  spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
});
afterAll(() => {
  if (mount) spawnSync('umount', ['-l', mount]);
});

/** Fill the tmpfs so only `leave` bytes stay free. */
function fill(folder: string, leave: number): void {
  const free = fs.statfsSync(mount).bavail * fs.statfsSync(mount).bsize;
  fs.writeFileSync(path.join(folder, 'filler.bin'), Buffer.alloc(Math.max(0, free - leave)));
}

function strays(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true }).map(String).filter((n) => /partial|building|restoring/.test(n));
}

async function richWorkspace(file?: string) {
  const ctx = createTestContext('Ana', file);
  const text = Array.from({ length: 400 }, (_, i) => `The port handled ${1000 + i} ships in ${1900 + (i % 120)}.`).join(' ');
  await call(ctx, 'documents.createFromText', { text });
  return ctx;
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x as Error & { code: string },
  );
  expect(e?.code).toBe('IO');
  expect(e?.message).toMatch(/disk is full/);
}

describe.skipIf(!canMount)('a full disk', () => {
  it('share: a clear message and no partial file left', async () => {
    const ctx = await richWorkspace();
    const folder = path.join(mount, 'share');
    fs.mkdirSync(folder);
    fill(folder, 16 * 1024);
    await refusal(call(ctx, 'team.share', { target: path.join(folder, 'ana.claimbench-share') }));
    expect(strays(folder)).toEqual([]);
    expect(fs.readdirSync(folder)).toEqual(['filler.bin']);
    ctx.workspace.close();
    fs.rmSync(folder, { recursive: true });
  });

  it('merge: a clear message, the workspace unchanged, no backup or partial file left', async () => {
    const ana = await richWorkspace();
    const share = (await call(ana, 'team.share', { target: path.join(ana.dir, 'ana.claimbench-share') })).path;
    ana.workspace.close();
    const folder = path.join(mount, 'merge');
    fs.mkdirSync(folder);
    const ben = createTestContext('Ben', path.join(folder, 'ben.claimbench'));
    await call(ben, 'claims.add', { text: 'Ben was here first' });
    ben.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    fill(folder, 8 * 1024);
    const before = snapshot(ben.workspace.db);
    for (let attempt = 0; attempt < 2; attempt++) await refusal(mergePreviewed(ben, share));
    expect(snapshot(ben.workspace.db)).toEqual(before);
    expect(strays(folder)).toEqual([]);
    const backups = backupFolderFor(ben.file);
    expect(fs.existsSync(backups) ? fs.readdirSync(backups) : []).toEqual([]);
    ben.workspace.close();
    fs.rmSync(folder, { recursive: true });
  });

  it('sync: a clear message and no partial file in the shared folder', async () => {
    const ctx = await richWorkspace(path.join(tempDir(), 'ana.claimbench'));
    const folder = path.join(mount, 'sync');
    fs.mkdirSync(folder);
    await call(ctx, 'team.sync.link', { folder });
    fill(folder, 8 * 1024);
    await refusal(call(ctx, 'team.sync.now', {}));
    expect(strays(folder)).toEqual([]);
    ctx.workspace.close();
    fs.rmSync(folder, { recursive: true });
  });
});
