import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { tempDir } from '../../helpers/workspace';
import { person, snapshot, type TestContext } from './team-helpers';
import { mergePreviewed } from '../../helpers/merge';

const open: TestContext[] = [];
function teammate(dir: string, name: string): TestContext {
  const ctx = person(dir, name);
  open.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

async function seed(ctx: TestContext, text: string) {
  const r = await call(ctx, 'documents.createFromText', { text, title: 'Budget speech' });
  const claims = await call(ctx, 'claims.list', { documentId: r.document.id });
  return { documentId: r.document.id, claimIds: claims.items.map((c) => c.id) };
}

const SPEECH =
  'Unemployment fell to 4.2 percent in March, the minister said. Exports grew by 12 percent last year. The new bridge cost 3 billion euros.';

describe('share and merge', () => {
  it('copies a whole workspace into an empty one, and merging the same file twice changes nothing', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    const { claimIds } = await seed(ana, SPEECH);
    expect(claimIds.length).toBeGreaterThan(1);
    await call(ana, 'claims.setVerdict', { ids: [claimIds[0]], verdict: 'sourced', rationale: 'Statistics office, table 3' });
    const share = await call(ana, 'team.share', { target: path.join(dir, 'ana.claimbench-share') });
    expect(share.changes).toBeGreaterThan(3);
    expect(fs.existsSync(`${share.path}-wal`)).toBe(false);

    const ben = teammate(dir, 'Ben');
    const preview = await call(ben, 'team.mergePreview', { path: share.path });
    expect(preview.newChanges).toBe(share.changes);
    expect(preview.people.map((p) => p.name)).toEqual(['Ana']);
    expect(preview.items.filter((i) => i.status === 'new').length).toBe(claimIds.length + 1);
    expect(snapshot(ben.workspace.db).changes).toEqual([]); // the preview wrote nothing

    const merged = await mergePreviewed(ben, share.path);
    expect(merged.applied).toBe(true);
    expect(merged.backupPath && fs.existsSync(merged.backupPath)).toBeTruthy();
    expect(snapshot(ben.workspace.db)).toEqual(snapshot(ana.workspace.db));
    const claim = await call(ben, 'claims.get', { id: claimIds[0]! });
    expect(claim).toMatchObject({
      verdict: 'sourced',
      rationale: 'Statistics office, table 3',
      createdBy: 'Ana',
      conflicted: false,
    });

    const before = snapshot(ben.workspace.db);
    const backups = fs.readdirSync(backupFolderFor(ben.file)).length;
    const again = await mergePreviewed(ben, share.path);
    expect(again).toMatchObject({ applied: false, newChanges: 0, knownChanges: share.changes });
    expect(snapshot(ben.workspace.db)).toEqual(before);
    expect(fs.readdirSync(backupFolderFor(ben.file)).length).toBe(backups);

    // The teammate now works in the copy, and their work flows back.
    await call(ben, 'claims.setVerdict', { ids: [claimIds[1]], verdict: 'disputed' });
    const back = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
    await mergePreviewed(ana, back.path);
    expect((await call(ana, 'claims.get', { id: claimIds[1]! })).verdict).toBe('disputed');
    const identity = await call(ana, 'team.identity', {});
    expect(identity.actors.map((a) => a.name).sort()).toEqual(['Ana', 'Ben']);
  });

  it('raises a conflict for a concurrent verdict clash, shows both sides, and a resolution clears it', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    const ben = teammate(dir, 'Ben');
    const { claimIds } = await seed(ana, SPEECH);
    await mergePreviewed(ben, (await call(ana, 'team.share', { target: path.join(dir, 's0') })).path);
    const [c0, c1] = claimIds as [string, string];

    await call(ana, 'claims.setVerdict', { ids: [c0], verdict: 'sourced', rationale: 'Eurostat says 4.2' });
    await call(ben, 'claims.setVerdict', { ids: [c0], verdict: 'disputed', rationale: 'Ministry figure is 4.6' });
    // Clashing on different fields or different claims is no conflict.
    await call(ana, 'claims.update', { id: c1, patch: { text: 'Exports grew by 12 percent in 2023.' } });
    await call(ben, 'claims.setVerdict', { ids: [c1], verdict: 'sourced' });

    const fromBen = await call(ben, 'team.share', { target: path.join(dir, 'ben') });
    const preview = await call(ana, 'team.mergePreview', { path: fromBen.path });
    expect(preview.conflicts.map((c) => [c.claimId, c.fields])).toEqual([[c0, ['verdict', 'rationale']]]);
    expect(preview.conflictCount).toBe(1);
    expect(preview.people).toEqual([expect.objectContaining({ name: 'Ben', conflicts: 1 })]);
    expect(preview.items.find((i) => i.id === c0)?.status).toBe('conflicting');
    await mergePreviewed(ana, fromBen.path);

    const conflicts = await call(ana, 'conflicts.list', {});
    expect(conflicts).toHaveLength(1);
    const clash = conflicts[0]!;
    expect(clash.sides.map((s) => [s.author, s.verdict, s.rationale])).toEqual([
      ['Ana', 'sourced', 'Eurostat says 4.2'],
      ['Ben', 'disputed', 'Ministry figure is 4.6'],
    ]);
    expect(clash.sides.filter((s) => s.shown.length > 0).map((s) => s.author)).toEqual(['Ben']);
    expect((await call(ana, 'claims.get', { id: c0 })).conflicted).toBe(true);
    expect((await call(ana, 'claims.get', { id: c1 })).conflicted).toBe(false);
    const c1Now = await call(ana, 'claims.get', { id: c1 });
    expect([c1Now.text, c1Now.verdict]).toEqual(['Exports grew by 12 percent in 2023.', 'sourced']);

    // Ben merges Ana's side too: the same conflicts, the same winner, whatever the order.
    await mergePreviewed(ben, (await call(ana, 'team.share', { target: path.join(dir, 'ana') })).path);
    expect(snapshot(ben.workspace.db)).toEqual(snapshot(ana.workspace.db));

    // Choosing the value already showing is still a decision that settles it.
    const resolved = await call(ana, 'conflicts.resolve', { claimId: c0, verdict: 'disputed', rationale: 'Checked both: 4.6' });
    expect(resolved).toMatchObject({ verdict: 'disputed', rationale: 'Checked both: 4.6', conflicted: false });
    expect(await call(ana, 'conflicts.list', {})).toEqual([]);
    await expect(call(ana, 'conflicts.resolve', { claimId: c0, verdict: 'sourced' })).rejects.toThrow(/no open conflict/);

    await mergePreviewed(ben, (await call(ana, 'team.share', { target: path.join(dir, 'ana2') })).path);
    expect(await call(ben, 'conflicts.list', {})).toEqual([]);
    expect((await call(ben, 'claims.get', { id: c0 })).verdict).toBe('disputed');
  });

  it('limits a share to chosen documents and what hangs off them', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    const first = await seed(ana, SPEECH);
    const second = await seed(ana, 'The river flooded 14 villages in May. Repairs will take two years, officials said.');
    const share = await call(ana, 'team.share', { target: path.join(dir, 'one'), documentIds: [second.documentId] });
    const ben = teammate(dir, 'Ben');
    await mergePreviewed(ben, share.path);
    expect((await call(ben, 'documents.list', {})).map((d) => d.id)).toEqual([second.documentId]);
    const ids = (await call(ben, 'claims.list', {})).items.map((c) => c.id).sort();
    expect(ids).toEqual([...second.claimIds].sort());
    expect(ids.some((id) => first.claimIds.includes(id))).toBe(false);
  });

  it('keeps deletes as tombstones and the edits made concurrently with them', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    const ben = teammate(dir, 'Ben');
    const { claimIds } = await seed(ana, SPEECH);
    await mergePreviewed(ben, (await call(ana, 'team.share', { target: path.join(dir, 's0') })).path);
    await call(ana, 'claims.delete', { ids: [claimIds[0]!] });
    await call(ben, 'claims.update', { id: claimIds[0]!, patch: { claimant: 'Minister of Labour' } });
    await mergePreviewed(ana, (await call(ben, 'team.share', { target: path.join(dir, 'b') })).path);
    await expect(call(ana, 'claims.get', { id: claimIds[0]! })).rejects.toThrow(/No claim/);
    const row = ana.workspace.db.prepare('SELECT deleted, claimant FROM claims WHERE id = ?').get(claimIds[0]);
    expect(row).toEqual({ deleted: 1, claimant: 'Minister of Labour' });
  });
});
