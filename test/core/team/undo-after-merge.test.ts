import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { mergePreviewed } from '../../helpers/merge';
import { tempDir } from '../../helpers/workspace';
import { exchange, teammates } from './team-helpers';

const teammate = teammates();

describe('undo after a merge or sync brought teammates’ changes', () => {
  it('keeps the undo of a decision the merge did not touch, and forgets only the one it did', async () => {
    const dir = tempDir();
    const mara = teammate(dir, 'Mara');
    const ben = teammate(dir, 'Ben');
    const x = (await call(mara, 'claims.add', { text: 'The air force said 157 drones were launched.' })).id;
    const y = (await call(mara, 'claims.add', { text: 'The ministry reported 40 injured.' })).id;
    exchange(mara, ben);

    await call(mara, 'claims.setVerdict', { ids: [x], verdict: 'sourced' });
    await call(mara, 'claims.setVerdict', { ids: [y], verdict: 'disputed' });
    await call(ben, 'claims.update', { id: y, patch: { rationale: 'Ben: the ministry later said 38' } });
    exchange(ben, mara);

    // A verdict and its rationale are one decision: undoing Mara's verdict on y would pair it with Ben's rationale,
    // so that undo is gone. Her verdict
    // on x, which nothing from Ben touched, is still hers to undo.
    const state = await call(mara, 'edit.state', {});
    expect(state).toMatchObject({ canUndo: true, undoClaimId: x });
    await call(mara, 'edit.undo', {});
    expect((await call(mara, 'claims.get', { id: x })).verdict).toBeNull(); // not reviewed, as before
    expect((await call(mara, 'claims.get', { id: y })).verdict).toBe('disputed');
    expect((await call(mara, 'edit.state', {})).canUndo).toBe(true); // adding the claims, before the exchange
  });

  it('forgets the undo of a field a teammate set too', async () => {
    const dir = tempDir();
    const mara = teammate(dir, 'Mara');
    const ben = teammate(dir, 'Ben');
    const y = (await call(mara, 'claims.add', { text: 'The ministry reported 40 injured.' })).id;
    exchange(mara, ben);
    await call(mara, 'claims.setVerdict', { ids: [y], verdict: 'disputed' });
    await call(ben, 'claims.setVerdict', { ids: [y], verdict: 'sourced' });
    exchange(ben, mara);
    const state = await call(mara, 'edit.state', {});
    expect(state.undoClaimId).not.toBe(y);
  });

  it('says how many undo steps a merged share file took away', async () => {
    const dir = tempDir();
    const mara = teammate(dir, 'Mara');
    const ben = teammate(dir, 'Ben');
    const x = (await call(mara, 'claims.add', { text: 'The air force said 157 drones were launched.' })).id;
    const y = (await call(mara, 'claims.add', { text: 'The ministry reported 40 injured.' })).id;
    exchange(mara, ben);
    await call(mara, 'claims.setVerdict', { ids: [x], verdict: 'sourced' });
    await call(mara, 'claims.update', { id: y, patch: { rationale: 'Mara: hospital figures say 40' } });
    await call(ben, 'claims.update', { id: y, patch: { rationale: 'Ben: the ministry later said 38' } });

    const share = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
    const preview = await call(mara, 'team.mergePreview', { path: share.path });
    expect(preview).not.toHaveProperty('undoStepsForgotten');
    expect(preview).not.toHaveProperty('undoForgotten');
    const merged = await call(mara, 'team.merge', { path: share.path, expectHash: preview.contentHash });
    // Her rationale on y, and her adding y (undoing it would delete the claim under Ben's rationale).
    expect(merged.undoStepsForgotten).toBe(2);
    // Named too, latest first, each with its claim, for the notice to say which.
    expect(merged.undoForgotten.map((f) => [f.label, f.claimText])).toEqual([
      ['Edit rationale', 'The ministry reported 40 injured.'],
      ['Add claim', 'The ministry reported 40 injured.'],
    ]);
    expect((await call(mara, 'edit.state', {})).undoClaimId).toBe(x);

    // The same file again brings nothing and takes nothing.
    const again = await call(mara, 'team.merge', { path: share.path, expectHash: preview.contentHash });
    expect(again).toMatchObject({ applied: false, undoStepsForgotten: 0, undoForgotten: [] });
  });

  it('says when an undo reaches back past a merge, naming the merge and its backup', async () => {
    const dir = tempDir();
    const mara = teammate(dir, 'Mara');
    const ben = teammate(dir, 'Ben');
    const x = (await call(mara, 'claims.add', { text: 'The air force said 157 drones were launched.' })).id;
    const y = (await call(mara, 'claims.add', { text: 'The ministry reported 40 injured.' })).id;
    exchange(mara, ben);
    await call(mara, 'claims.setVerdict', { ids: [x], verdict: 'sourced' });
    await call(ben, 'claims.setVerdict', { ids: [y], verdict: 'disputed' });
    const share = await call(ben, 'team.share', { target: path.join(dir, 'ben.claimbench-share') });
    const merged = await mergePreviewed(mara, share.path);
    expect(merged.backupPath).toBeTruthy();

    // Undo does not take the merge back: it undoes her verdict on x, made before the merge, and says so.
    const boundary = { kind: 'share', file: 'ben.claimbench-share', backupPath: merged.backupPath };
    expect((await call(mara, 'edit.state', {})).undoBeforeMerge).toEqual(boundary);
    const undone = await call(mara, 'edit.undo', {});
    expect(undone.did).toEqual({ label: 'Mark sourced', claimId: x, beforeMerge: boundary });
    expect(fs.existsSync(merged.backupPath!)).toBe(true);
    expect((await call(mara, 'claims.get', { id: y })).verdict).toBe('disputed');

    // An action made after the merge is undone as usual.
    await call(mara, 'claims.setVerdict', { ids: [y], verdict: 'sourced' });
    expect((await call(mara, 'edit.state', {})).undoBeforeMerge).toBeNull();
    expect((await call(mara, 'edit.undo', {})).did).toEqual({ label: 'Mark sourced', claimId: y, beforeMerge: null });
  });
});
