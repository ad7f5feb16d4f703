import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import {
  backupFolderFor,
  backupWorkspace,
  latestGoodBackup,
  listBackups,
  periodicBackup,
  pruneBackups,
  restoreBackup,
} from '../../../electron/core/store/backup';
import { openWorkspaceFile } from '../../../electron/core/store/open';
import { createTestContext } from '../../helpers/workspace';

describe('backups', () => {
  it('takes periodic backups only when something changed, and keeps a bounded number', async () => {
    const ctx = createTestContext();
    try {
      expect(periodicBackup(ctx.workspace.db, ctx.file)).toBeNull(); // nothing written yet
      for (let i = 0; i < 4; i++) {
        await call(ctx, 'claims.add', { text: `Claim ${i}` });
        await new Promise((r) => setTimeout(r, 5));
        expect(periodicBackup(ctx.workspace.db, ctx.file, 3)).not.toBeNull();
        expect(periodicBackup(ctx.workspace.db, ctx.file, 3)).toBeNull(); // unchanged since
      }
      const backups = listBackups(ctx.file);
      expect(backups).toHaveLength(3);
      expect(backups.every((b) => b.reason === 'periodic')).toBe(true);
      expect(backups.map((b) => b.createdAt)).toEqual([...backups.map((b) => b.createdAt)].sort().reverse());
      // Each backup is a single self-contained file that opens as a workspace.
      const newest = openWorkspaceFile(backups[0]!.path);
      expect(newest.db.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(4);
      newest.db.close();
      expect(fs.readdirSync(backupFolderFor(ctx.file)).some((f) => f.endsWith('-wal'))).toBe(false);
    } finally {
      ctx.workspace.close();
    }
  });

  it('keeps migration and merge backups apart from the periodic retention', () => {
    const ctx = createTestContext();
    ctx.workspace.close();
    backupWorkspace(ctx.file, 'before-merge');
    for (let i = 0; i < 3; i++) backupWorkspace(ctx.file, 'periodic');
    pruneBackups(ctx.file, 1, 5);
    const reasons = listBackups(ctx.file)
      .map((b) => b.reason)
      .sort();
    expect(reasons).toEqual(['before-merge', 'periodic']);
  });

  it('finds the newest good backup of a damaged workspace and restores it', async () => {
    const ctx = createTestContext();
    await call(ctx, 'claims.add', { text: 'Kept by the backup' });
    ctx.workspace.close();
    const good = backupWorkspace(ctx.file, 'periodic');
    await new Promise((r) => setTimeout(r, 5));
    const broken = backupWorkspace(ctx.file, 'periodic');
    fs.writeFileSync(broken, Buffer.alloc(4096, 7));
    // Damage the workspace itself.
    const bytes = fs.readFileSync(ctx.file);
    bytes.fill(0xa5, 100, 4096);
    fs.writeFileSync(ctx.file, bytes);
    expect(() => openWorkspaceFile(ctx.file)).toThrow(/damaged|not a Claimbench workspace/);

    const offer = latestGoodBackup(ctx.file);
    expect(offer?.path).toBe(good);
    restoreBackup(ctx.file, offer!.path);
    const restored = openWorkspaceFile(ctx.file);
    expect(restored.db.prepare('SELECT text FROM claims').pluck().all()).toEqual(['Kept by the backup']);
    restored.db.close();
    // The damaged bytes were kept, not thrown away.
    expect(listBackups(ctx.file).some((b) => b.reason === 'replaced-by-restore')).toBe(true);
  });

  it('refuses to restore a damaged backup and leaves the workspace as it was', () => {
    const ctx = createTestContext();
    ctx.workspace.close();
    const before = fs.readFileSync(ctx.file);
    const junk = path.join(ctx.dir, 'junk.claimbench');
    fs.writeFileSync(junk, 'not a database');
    expect(() => restoreBackup(ctx.file, junk)).toThrow(/damaged/);
    expect(fs.readFileSync(ctx.file).equals(before)).toBe(true);
  });
});
