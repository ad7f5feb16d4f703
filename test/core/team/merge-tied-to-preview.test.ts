import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call, invoke } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';
import { snapshot, teammates } from './team-helpers';

const teammate = teammates();

const SPEECH = 'Unemployment fell to 4.2 percent in March, the minister said. Exports grew by 12 percent last year.';

function backups(file: string): number {
  const folder = backupFolderFor(file);
  return fs.existsSync(folder) ? fs.readdirSync(folder).length : 0;
}

/** Ana shares; then she edits and shares again to the same path: the file Ben previewed has changed. */
async function shareThenChange(dir: string) {
  const ana = teammate(dir, 'Ana');
  const doc = await call(ana, 'documents.createFromText', { text: SPEECH, title: 'Speech' });
  const claimId = (await call(ana, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
  const target = path.join(dir, 'ana.claimbench-share');
  const first = await call(ana, 'team.share', { target });
  const changeFile = async () => {
    await call(ana, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'The office says 4.6.' });
    return call(ana, 'team.share', { target });
  };
  return { ana, target, first, changeFile, claimId };
}

/** Stands in for the person in the open dialog: answers with the queued path. */
function dialogAnswering(file: string | null): HostServices {
  return {
    chooseOpen: () => Promise.resolve(file ? [file] : null),
    chooseSave: () => Promise.resolve(null),
  };
}

describe('a merge applies what was previewed', () => {
  it('the preview carries the content hash the share file records; merging with it applies', async () => {
    const dir = tempDir();
    const { target, first } = await shareThenChange(dir);
    const ben = teammate(dir, 'Ben');
    const preview = await call(ben, 'team.mergePreview', { path: target });
    expect(preview.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.contentHash).toBe(first.contentHash);
    const merged = await call(ben, 'team.merge', { path: target, expectHash: preview.contentHash });
    expect(merged.applied).toBe(true);
    expect(merged.contentHash).toBe(preview.contentHash);
    expect(merged.newChanges).toBe(preview.newChanges);
  });

  it('a file that changed after its preview is refused by name and hash; the workspace is untouched', async () => {
    const dir = tempDir();
    const { target, changeFile } = await shareThenChange(dir);
    const ben = teammate(dir, 'Ben');
    await call(ben, 'claims.add', { text: 'Ben was here first' });
    const preview = await call(ben, 'team.mergePreview', { path: target });
    const changed = await changeFile();
    expect(changed.contentHash).not.toBe(preview.contentHash);

    const before = snapshot(ben.workspace.db);
    const backupsBefore = backups(ben.file);
    const refused = await invoke(ben, 'team.merge', { path: target, expectHash: preview.contentHash });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.message).toMatch(/ana\.claimbench-share was refused: its content changed since it was previewed/);
    expect(refused.error.message).toContain(`now ${changed.contentHash.slice(0, 12)}…, previewed ${preview.contentHash.slice(0, 12)}…`);
    expect(refused.error.message).toMatch(/Nothing was changed/);
    expect(snapshot(ben.workspace.db)).toEqual(before);
    expect(backups(ben.file)).toBe(backupsBefore);

    // Previewing again gives the new hash, and that merges.
    const again = await call(ben, 'team.mergePreview', { path: target });
    expect(again.contentHash).toBe(changed.contentHash);
    expect((await call(ben, 'team.merge', { path: target, expectHash: again.contentHash })).applied).toBe(true);
  });

  it('team.merge without a hash, or with a malformed one, is refused before the file is read', async () => {
    const dir = tempDir();
    const { target } = await shareThenChange(dir);
    const ben = teammate(dir, 'Ben');
    const before = snapshot(ben.workspace.db);
    for (const input of [{ path: target }, { path: target, expectHash: 'abc' }, { path: target, expectHash: 'g'.repeat(64) }]) {
      const r = await invoke(ben, 'team.merge', input);
      expect(r.ok ? null : r.error.code).toBe('VALIDATION');
    }
    expect(snapshot(ben.workspace.db)).toEqual(before);
  });
});

describe('a share file chosen in the app’s dialog stays in the core', () => {
  it('the renderer gets a token and a name, never the path, and previews and merges by the token', async () => {
    const dir = tempDir();
    const { target } = await shareThenChange(dir);
    const ben = teammate(dir, 'Ben');
    const withDialog: CoreContext = { ...ben, host: dialogAnswering(target) };
    const { file } = await call(withDialog, 'team.chooseShareFile', {});
    expect(file).not.toBeNull();
    expect(file!.name).toBe('ana.claimbench-share');
    expect(file!.token).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(file)).not.toContain(dir);

    const preview = await call(withDialog, 'team.mergePreview', { chosen: file!.token });
    const merged = await call(withDialog, 'team.merge', { chosen: file!.token, expectHash: preview.contentHash });
    expect(merged.applied).toBe(true);
  });

  it('a cancelled dialog gives no token; an unknown token, or a token and a path at once, are refused', async () => {
    const dir = tempDir();
    const { target } = await shareThenChange(dir);
    const ben = teammate(dir, 'Ben');
    expect((await call({ ...ben, host: dialogAnswering(null) }, 'team.chooseShareFile', {})).file).toBeNull();
    const unknown = await invoke(ben, 'team.mergePreview', { chosen: 'f'.repeat(32) });
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/choose the file again/) });
    const both = await invoke(ben, 'team.mergePreview', { chosen: 'f'.repeat(32), path: target });
    expect(both.ok ? null : both.error.code).toBe('VALIDATION');
    const neither = await invoke(ben, 'team.mergePreview', {});
    expect(neither.ok ? null : neither.error.code).toBe('VALIDATION');
    const noHost = await invoke(ben, 'team.chooseShareFile', {});
    expect(noHost.ok ? null : noHost.error.code).toBe('FORBIDDEN');
  });
});

describe('claimbench merge --dry-run and --expect', () => {
  it('--dry-run prints the content hash; --expect with it merges; a stale hash is refused with a non-zero exit', async () => {
    const dir = tempDir();
    const { target, changeFile } = await shareThenChange(dir);
    const mine = path.join(dir, 'mine.claimbench');
    expect(runClaimbench(['init', mine]).code).toBe(0);

    const dry = runClaimbench(['merge', mine, target, '--dry-run']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const hash = /^Content hash: ([0-9a-f]{64})$/m.exec(dry.stdout)?.[1];
    expect(hash).toBeDefined();

    // The file changes after the dry run: merging what was previewed is refused, nothing merged.
    await changeFile();
    const bytesBefore = fs.readFileSync(mine);
    const stale = runClaimbench(['merge', mine, target, '--expect', hash!]);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/content changed since it was previewed/);
    expect(stale.stdout).not.toMatch(/Merged\./);
    expect(fs.readFileSync(mine).equals(bytesBefore)).toBe(true);
    expect(backups(mine)).toBe(0);

    const fresh = /^Content hash: ([0-9a-f]{64})$/m.exec(runClaimbench(['merge', mine, target, '--dry-run']).stdout)?.[1];
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(fresh).not.toBe(hash);
    const good = runClaimbench(['merge', mine, target, '--expect', fresh!]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/Merged\. Backup:/);
    expect(good.stdout).toContain(`Content hash: ${fresh}`);
  });

  it('--expect that is not a hash is refused before anything is read', () => {
    const dir = tempDir();
    const mine = path.join(dir, 'mine.claimbench');
    expect(runClaimbench(['init', mine]).code).toBe(0);
    const r = runClaimbench(['merge', mine, path.join(dir, 'none.claimbench-share'), '--expect', 'abc']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/64 hex digits/);
  });
});
