import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';

const ARTICLE =
  'Russia launched 157 drones and seven missiles overnight, the air force said. ' +
  'Officials said 26 of the 35 countries agreed. The town lies about 125 miles southeast of Kyiv.';

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext('Ann');
});
afterEach(() => ctx.workspace.close());

async function twoClaims() {
  const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE, title: 'Overnight attack' });
  const claims = (await call(ctx, 'claims.list', { documentId: document.id, limit: 10 })).items;
  expect(claims.length).toBeGreaterThanOrEqual(2);
  return [claims[0]!, claims[1]!] as const;
}

describe('the claim an undo or redo concerns', () => {
  it('names the one claim of a verdict, and follows it from the undo stack to the redo stack', async () => {
    const [first, second] = await twoClaims();
    await call(ctx, 'claims.setVerdict', { ids: [first.id], verdict: 'disputed' });
    await call(ctx, 'claims.setVerdict', { ids: [second.id], verdict: 'sourced' });
    expect(await call(ctx, 'edit.state', {})).toMatchObject({ undoClaimId: second.id, redoClaimId: null });

    const afterUndo = await call(ctx, 'edit.undo', {});
    expect(afterUndo).toMatchObject({ undoClaimId: first.id, redoClaimId: second.id, redoLabel: 'Mark sourced' });
    expect(afterUndo.did).toEqual({ beforeMerge: null, label: 'Mark sourced', claimId: second.id });
    expect((await call(ctx, 'edit.redo', {})).did).toEqual({ beforeMerge: null, label: 'Mark sourced', claimId: second.id });
  });

  it('reports that an undo with nothing to undo did nothing', async () => {
    expect((await call(ctx, 'edit.undo', {})).did).toBeNull();
    expect((await call(ctx, 'edit.redo', {})).did).toBeNull();
  });

  it('names the claim a new source or note belongs to', async () => {
    const [first] = await twoClaims();
    await call(ctx, 'sources.add', { claimId: first.id, url: 'https://example.org/report', stance: 'supports' });
    expect((await call(ctx, 'edit.state', {})).undoClaimId).toBe(first.id);
    await call(ctx, 'notes.add', { claimId: first.id, text: 'Ask the air force.' });
    expect((await call(ctx, 'edit.state', {})).undoClaimId).toBe(first.id);
  });

  it('names the claim a deleted or edited source or note belonged to, on undo and redo', async () => {
    const [first] = await twoClaims();
    const source = await call(ctx, 'sources.add', { claimId: first.id, url: 'https://example.org/report', stance: 'supports' });
    const note = await call(ctx, 'notes.add', { claimId: first.id, text: 'Ask the air force.' });
    await call(ctx, 'sources.update', { id: source.id, patch: { title: 'Air force report' } });
    expect((await call(ctx, 'edit.state', {})).undoClaimId).toBe(first.id);
    await call(ctx, 'sources.delete', { id: source.id });
    expect((await call(ctx, 'edit.undo', {})).did).toMatchObject({ claimId: first.id });
    expect((await call(ctx, 'edit.redo', {})).did).toMatchObject({ claimId: first.id });
    await call(ctx, 'notes.delete', { id: note.id });
    expect((await call(ctx, 'edit.undo', {})).did).toMatchObject({ claimId: first.id });
  });

  it('names no claim for an action on several claims, or none', async () => {
    const [first, second] = await twoClaims();
    await call(ctx, 'claims.setVerdict', { ids: [first.id, second.id], verdict: 'unverified' });
    expect(await call(ctx, 'edit.state', {})).toMatchObject({ canUndo: true, undoClaimId: null });
    expect((await call(ctx, 'edit.undo', {})).did).toEqual({ beforeMerge: null, label: 'Mark 2 claims unverified', claimId: null });
    expect(await call(ctx, 'edit.state', {})).toMatchObject({ canRedo: true, redoClaimId: null });
  });
});
