import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';

let ctx: ReturnType<typeof createTestContext>;
afterEach(() => ctx.workspace.close());

async function desk() {
  ctx = createTestContext('Ann');
  const add = async (text: string, claimant: string | undefined, documentId?: string) =>
    (await call(ctx, 'claims.add', { text, claimant, documentId })).id;
  const doc = (await call(ctx, 'documents.createFromText', { text: 'Putin said exports doubled since 2022.' })).document;
  return {
    doc,
    a: await add('Exports doubled since 2022.', 'Vladimir Vladimirovich Putin'),
    b: await add('Inflation will fall below 6 percent.', 'vladimir vladimirovich putin'),
    c: await add('Talks resume on 10 December.', 'Dmitry Peskov'),
  };
}

const claimantOf = async (id: string) => (await call(ctx, 'claims.get', { id })).claimant;

describe('renaming a claimant everywhere', () => {
  it('renames every claim naming them, in any case, as one action that undoes and redoes whole', async () => {
    const { a, b, c } = await desk();
    const r = await call(ctx, 'claims.renameClaimant', { from: 'Vladimir Vladimirovich Putin', to: 'Vladimir Putin' });
    expect(r.updated).toBe(2);
    expect([await claimantOf(a), await claimantOf(b), await claimantOf(c)]).toEqual([
      'Vladimir Putin',
      'Vladimir Putin',
      'Dmitry Peskov',
    ]);
    const counts = await call(ctx, 'claims.claimants', {});
    expect(counts.find((x) => x.claimant === 'Vladimir Putin')?.count).toBe(2);
    const undone = await call(ctx, 'edit.undo', {});
    expect(undone.did?.label).toBe('Rename claimant “Vladimir Vladimirovich Putin” to “Vladimir Putin”');
    expect([await claimantOf(a), await claimantOf(b)]).toEqual(['Vladimir Vladimirovich Putin', 'vladimir vladimirovich putin']);
    await call(ctx, 'edit.redo', {});
    expect([await claimantOf(a), await claimantOf(b)]).toEqual(['Vladimir Putin', 'Vladimir Putin']);
  });

  it('keeps to one document when asked, and refuses empty names with the data untouched', async () => {
    const { doc, a } = await desk();
    const inDoc = (await call(ctx, 'claims.list', { documentId: doc.id })).items[0]!;
    const r = await call(ctx, 'claims.renameClaimant', { from: inDoc.claimant!, to: 'V. Putin', documentId: doc.id });
    expect(r.updated).toBe(1);
    expect(await claimantOf(a)).toBe('Vladimir Vladimirovich Putin');
    await expect(call(ctx, 'claims.renameClaimant', { from: 'Dmitry Peskov', to: '   ' })).rejects.toThrow(/to/);
    expect((await call(ctx, 'claims.claimants', {})).find((x) => x.claimant === 'Dmitry Peskov')?.count).toBe(1);
  });
});
