import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { createTestContext } from '../../helpers/workspace';

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext('Ann');
});
afterEach(() => ctx.workspace.close());

describe('claims.locate', () => {
  it('gives the position a claim has in the filtered, sorted list, or null when it is not listed', async () => {
    const ids: string[] = [];
    for (const text of ['Alpha rose 3%.', 'Beta fell 5%.', 'Gamma rose 9%.', 'Delta rose 1%.']) {
      ids.push((await call(ctx, 'claims.add', { text })).id);
    }
    await call(ctx, 'claims.setVerdict', { ids: [ids[1]!], verdict: 'disputed' });
    const listed = (await call(ctx, 'claims.list', { query: 'rose' })).items.map((c) => c.id);
    expect(listed).toHaveLength(3);
    for (const [i, id] of listed.entries()) expect(await call(ctx, 'claims.locate', { id, query: 'rose' })).toEqual({ index: i });
    expect(await call(ctx, 'claims.locate', { id: ids[1]!, query: 'rose' })).toEqual({ index: null });
    expect(await call(ctx, 'claims.locate', { id: ids[1]!, verdict: 'disputed' })).toEqual({ index: 0 });
    const byDate = (await call(ctx, 'claims.list', { sort: 'date' })).items.map((c) => c.id);
    expect(await call(ctx, 'claims.locate', { id: ids[0]!, sort: 'date' })).toEqual({ index: byDate.indexOf(ids[0]!) });
  });
});

describe('claims.place', () => {
  it('gives a listed claim its own row, and a claim the filter drops the listed claim that follows it', async () => {
    const ids: string[] = [];
    for (const text of ['Alpha rose 3%.', 'Beta fell 5%.', 'Gamma rose 9%.', 'Delta fell 1%.', 'Epsilon fell 2%.']) {
      ids.push((await call(ctx, 'claims.add', { text })).id);
    }
    const rose = (await call(ctx, 'claims.list', { query: 'rose' })).items.map((c) => c.id);
    expect(rose).toEqual([ids[0], ids[2]]);
    expect(await call(ctx, 'claims.place', { id: ids[2]!, query: 'rose' })).toEqual({ index: 1, listed: true });
    // Beta sits between Alpha and Gamma: its place is Gamma's row; Delta and Epsilon follow every
    // listed claim, so theirs is the last row.
    expect(await call(ctx, 'claims.place', { id: ids[1]!, query: 'rose' })).toEqual({ index: 1, listed: false });
    expect(await call(ctx, 'claims.place', { id: ids[4]!, query: 'rose' })).toEqual({ index: 1, listed: false });
    const fell = (await call(ctx, 'claims.list', { query: 'fell' })).items.map((c) => c.id);
    expect(fell).toEqual([ids[1], ids[3], ids[4]]);
    expect(await call(ctx, 'claims.place', { id: ids[0]!, query: 'fell' })).toEqual({ index: 0, listed: false });
    expect(await call(ctx, 'claims.place', { id: ids[2]!, query: 'fell' })).toEqual({ index: 1, listed: false });
    // Nothing listed, or no such claim: no place.
    expect(await call(ctx, 'claims.place', { id: ids[0]!, query: 'zebra' })).toEqual({ index: null, listed: false });
    expect(await call(ctx, 'claims.place', { id: 'c0ffee00c0ffee00', query: 'rose' })).toEqual({ index: null, listed: false });
  });
});

describe('host.openPath', () => {
  it('hands the path to the host, and is refused without one', async () => {
    const opened: string[] = [];
    const host: HostServices = {
      chooseOpen: async () => null,
      chooseSave: async () => null,
      openPath: async (file) => {
        opened.push(file);
      },
    };
    expect(await call({ ...ctx, host }, 'host.openPath', { path: '/tmp/x.pdf' })).toEqual({ opened: true });
    expect(opened).toEqual(['/tmp/x.pdf']);
    const refused = await invoke(ctx, 'host.openPath', { path: '/tmp/x.pdf' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('claims.similar without a list of workspaces', () => {
  it('looks in the host’s recently opened workspaces', async () => {
    const other = createTestContext('Boris');
    try {
      const theirs = await call(other, 'claims.add', { text: 'The river flooded 40 homes in Tver last spring.' });
      await call(other, 'claims.setVerdict', { ids: [theirs.id], verdict: 'disputed' });
      const mine = await call(ctx, 'claims.add', { text: 'The river flooded 40 homes in Tver last spring, officials said.' });
      const host: HostServices = {
        chooseOpen: async () => null,
        chooseSave: async () => null,
        recentWorkspaces: () => [ctx.file, other.file],
      };
      expect((await call(ctx, 'claims.similar', { id: mine.id })).items).toEqual([]);
      const found = await call({ ...ctx, host }, 'claims.similar', { id: mine.id });
      expect(found.items.map((s) => [s.claimId, s.verdict, s.workspacePath])).toEqual([[theirs.id, 'disputed', other.file]]);
    } finally {
      other.workspace.close();
    }
  });
});
