import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, invoke } from '../../../electron/core/dispatch';
import { CREATE_FIELD, ENTITIES, fromColumn, type EntitySpec } from '../../../electron/core/store/entities';
import { Workspace } from '../../../electron/core/store/workspace';
import { FixedIdentityStore } from '../../../electron/core/identity/identity';
import { gumArticles, withoutShared } from '../../helpers/corpus';
import { createTestContext } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const ARTICLE =
  'Russia launched 157 drones and seven missiles overnight, the air force said. ' +
  'Officials said 26 of the 35 countries agreed. The town lies about 125 miles southeast of Kyiv.';

let ctx: ReturnType<typeof createTestContext>;
beforeEach(() => {
  ctx = createTestContext('Ann');
});
afterEach(() => ctx.workspace.close());

/** Rebuild every entity's current fields from the change log alone (greatest HLC wins, $create is the base). */
function replayLog(ws: Workspace): Map<string, Record<string, unknown>> {
  const state = new Map<string, Record<string, unknown>>();
  const rows = ws.db.prepare('SELECT entity, entity_id, field, value FROM changes ORDER BY hlc').all() as {
    entity: string;
    entity_id: string;
    field: string;
    value: string;
  }[];
  for (const r of rows) {
    const key = `${r.entity}:${r.entity_id}`;
    const v = JSON.parse(r.value) as unknown;
    if (r.field === CREATE_FIELD) state.set(key, { deleted: false, ...(v as Record<string, unknown>) });
    else state.get(key)![r.field] = v;
  }
  return state;
}

function tableState(ws: Workspace): Map<string, Record<string, unknown>> {
  const state = new Map<string, Record<string, unknown>>();
  for (const [entity, spec] of Object.entries(ENTITIES) as [string, EntitySpec][]) {
    for (const row of ws.db.prepare(`SELECT * FROM ${spec.table}`).all() as Record<string, unknown>[]) {
      const fields: Record<string, unknown> = {};
      for (const [name, f] of Object.entries(spec.fields)) fields[name] = fromColumn(f.kind, row[f.column]);
      state.set(`${entity}:${String(row.id)}`, fields);
    }
  }
  return state;
}

function expectLogMatchesTables(ws: Workspace) {
  const fromLog = replayLog(ws);
  const fromTables = tableState(ws);
  expect([...fromLog.keys()].sort()).toEqual([...fromTables.keys()].sort());
  for (const [key, fields] of fromLog) {
    const table = fromTables.get(key)!;
    for (const [name, value] of Object.entries(fields))
      expect(table[name], `${key}.${name}`).toEqual(value ?? (name === 'deleted' ? false : null));
  }
}

describe('the verdict workflow through the core', () => {
  it('turns pasted text into candidate claims with anchors into the text', async () => {
    const r = await call(ctx, 'documents.createFromText', { text: ARTICLE, title: 'Overnight attack' });
    expect(r.claimCount).toBeGreaterThanOrEqual(3);
    const doc = await call(ctx, 'documents.get', { id: r.document.id });
    const { items } = await call(ctx, 'claims.list', { documentId: r.document.id });
    expect(items[0]!.text).toContain('157 drones and seven missiles');
    for (const c of items) {
      expect(c.verdict).toBeNull();
      expect(doc.text.slice(c.anchor!.start, c.anchor!.end)).toBe(c.text);
      expect(c.createdBy).toBe('Ann');
    }
  });

  it('records every write in the change log, and the log alone rebuilds the tables', async () => {
    const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const { items } = await call(ctx, 'claims.list', { documentId: document.id });
    await call(ctx, 'claims.setVerdict', { ids: [items[0]!.id], verdict: 'sourced', rationale: 'Air force statement' });
    await call(ctx, 'claims.update', {
      id: items[1]!.id,
      patch: { text: 'Officials said 26 of 35 countries agreed.', claimant: 'Officials' },
    });
    await call(ctx, 'claims.add', { documentId: document.id, text: 'A claim added by hand.' });
    await call(ctx, 'claims.delete', { ids: [items[2]!.id] });
    await call(ctx, 'edit.undo', {});
    await call(ctx, 'documents.rename', { id: document.id, title: 'Renamed' });
    const authors = ctx.workspace.db.prepare('SELECT DISTINCT author FROM changes').pluck().all();
    expect(authors).toEqual(['Ann']);
    expectLogMatchesTables(ctx.workspace);
  });

  it('counts progress by verdict', async () => {
    const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const { items } = await call(ctx, 'claims.list', { documentId: document.id });
    await call(ctx, 'claims.setVerdict', { ids: [items[0]!.id], verdict: 'sourced' });
    await call(ctx, 'claims.setVerdict', { ids: [items[1]!.id], verdict: 'disputed' });
    expect(await call(ctx, 'stats.get', { documentId: document.id })).toEqual({
      total: items.length,
      reviewed: 2,
      unreviewed: items.length - 2,
      sourced: 1,
      disputed: 1,
      unverified: 0,
    });
    const [summary] = await call(ctx, 'documents.list', {});
    expect(summary!.checkedCount).toBe(2);
    expect((await call(ctx, 'claims.list', { verdict: 'disputed' })).items.map((c) => c.id)).toEqual([items[1]!.id]);
  });

  it('undoes and redoes verdicts, edits, deletions and whole documents', async () => {
    const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const { items } = await call(ctx, 'claims.list', { documentId: document.id });
    const id = items[0]!.id;
    await call(ctx, 'claims.setVerdict', { ids: [id], verdict: 'disputed' });
    await call(ctx, 'claims.update', { id, patch: { text: 'Edited text.' } });
    expect(await call(ctx, 'edit.state', {})).toMatchObject({ canUndo: true, undoLabel: 'Edit claim text', canRedo: false });
    await call(ctx, 'claims.update', { id, patch: { claimant: 'Jane Roe' } });
    expect(await call(ctx, 'edit.state', {})).toMatchObject({ undoLabel: 'Edit claimant' });
    await call(ctx, 'edit.undo', {});

    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.get', { id })).text).toBe(items[0]!.text);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.get', { id })).verdict).toBeNull();
    await call(ctx, 'edit.redo', {});
    expect((await call(ctx, 'claims.get', { id })).verdict).toBe('disputed');

    await call(ctx, 'claims.delete', { ids: [id] });
    expect((await invoke(ctx, 'claims.get', { id })).ok).toBe(false);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.get', { id })).verdict).toBe('disputed');

    await call(ctx, 'documents.delete', { id: document.id });
    expect(await call(ctx, 'documents.list', {})).toEqual([]);
    expect((await call(ctx, 'claims.list', {})).total).toBe(0);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'claims.list', {})).total).toBe(items.length);
  });

  it('undoing a new document removes it and its claims', async () => {
    await call(ctx, 'documents.createFromText', { text: ARTICLE });
    await call(ctx, 'edit.undo', {});
    expect(await call(ctx, 'documents.list', {})).toEqual([]);
    expect((await call(ctx, 'claims.list', {})).total).toBe(0);
    await call(ctx, 'edit.redo', {});
    expect((await call(ctx, 'claims.list', {})).total).toBeGreaterThan(0);
  });

  it('gives each claim a readable history: who changed what, when, from what to what', async () => {
    const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const id = (await call(ctx, 'claims.list', { documentId: document.id })).items[0]!.id;
    await call(ctx, 'claims.setVerdict', { ids: [id], verdict: 'disputed' });
    ctx.identity.setAuthor('Bob');
    await call(ctx, 'claims.setVerdict', { ids: [id], verdict: 'sourced', rationale: 'Confirmed by the ministry' });
    const history = await call(ctx, 'claims.history', { id });
    const verdicts = history.filter((h) => h.field === 'verdict');
    expect(verdicts.map((h) => [h.author, h.from, h.to])).toEqual([
      ['Ann', null, 'disputed'],
      ['Bob', 'disputed', 'sourced'],
    ]);
    expect(history[0]!.field).toBe('$create');
    expect(history.find((h) => h.field === 'rationale')).toMatchObject({
      author: 'Bob',
      from: '',
      to: 'Confirmed by the ministry',
    });
    expect([...history.map((h) => h.hlc)]).toEqual([...history.map((h) => h.hlc)].sort());
  });

  it('persists everything across closing and reopening the file', async () => {
    const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const id = (await call(ctx, 'claims.list', { documentId: document.id })).items[0]!.id;
    await call(ctx, 'claims.setVerdict', { ids: [id], verdict: 'sourced' });
    ctx.workspace.close();
    const again = createTestContext('Ann', ctx.file);
    try {
      expect((await call(again, 'claims.get', { id })).verdict).toBe('sourced');
      // The clock carries on after the last recorded change.
      await call(again, 'claims.setVerdict', { ids: [id], verdict: 'disputed' });
      const history = await call(again, 'claims.history', { id });
      expect(history.at(-1)).toMatchObject({ from: 'sourced', to: 'disputed' });
    } finally {
      again.workspace.close();
    }
    ctx = createTestContext('Ann');
  });

  it('skips a pasted duplicate by content hash unless asked to import it anyway', async () => {
    const first = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const second = await call(ctx, 'documents.createFromText', { text: `${ARTICLE}\r\n` });
    expect(second).toMatchObject({ skipped: true, duplicateOf: first.document.id, claimCount: 0 });
    expect(second.document.id).toBe(first.document.id);
    expect(await call(ctx, 'documents.list', {})).toHaveLength(1);
    const third = await call(ctx, 'documents.createFromText', { text: ARTICLE, allowDuplicate: true });
    expect(third).toMatchObject({ skipped: false, duplicateOf: first.document.id });
    expect(third.document.id).not.toBe(first.document.id);
    expect(await call(ctx, 'documents.list', {})).toHaveLength(2);
  });

  it.skipIf(noShared)('imports a real news article from the gold corpus', async () => {
    const article = gumArticles()[0]!;
    const r = await call(ctx, 'documents.createFromText', { text: article.text, title: article.title });
    expect(r.document.title).toBe(article.title);
    expect(r.claimCount).toBeGreaterThan(article.sentences.length / 2);
  });
});

describe('input validation and errors', () => {
  it('names the offending field in a validation error', async () => {
    const r = await invoke(ctx, 'claims.setVerdict', { ids: ['x'], verdict: 'true' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/^verdict must be sourced, disputed or unverified/);
    const r2 = await invoke(ctx, 'claims.update', { id: 'x', patch: { text: 42 } });
    if (!r2.ok) expect(r2.error.message).toMatch(/^patch\.text\b/);
    const r3 = await invoke(ctx, 'claims.get', { id: 'x', extra: true });
    expect(r3.ok).toBe(false);
  });

  it('rejects unknown operations and wrong input types without touching the store', async () => {
    const before = ctx.workspace.db.prepare('SELECT count(*) FROM changes').pluck().get();
    for (const [name, input] of [
      ['drop.tables', {}],
      ['__proto__', {}],
      ['documents.createFromText', 'text'],
      ['documents.createFromText', { text: '   ' }],
      ['claims.setVerdict', { ids: [], verdict: 'sourced' }],
      ['claims.list', { limit: -1 }],
      ['claims.add', null],
    ] as const) {
      const r = await invoke(ctx, name, input);
      expect(r.ok, name).toBe(false);
    }
    expect(ctx.workspace.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(before);
  });

  it('reports a missing claim as NOT_FOUND and writes nothing for a partly bad batch', async () => {
    const { document } = await call(ctx, 'documents.createFromText', { text: ARTICLE });
    const id = (await call(ctx, 'claims.list', { documentId: document.id })).items[0]!.id;
    const r = await invoke(ctx, 'claims.setVerdict', { ids: [id, 'missing'], verdict: 'sourced' });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await call(ctx, 'claims.get', { id })).verdict).toBeNull();
  });

  it('refuses changes until the checker has a name', async () => {
    const identity = new FixedIdentityStore('');
    const ws = Workspace.open(
      ctx.file.replace('test.claimbench', 'anon.claimbench'),
      () => ({ actorId: '0'.repeat(16), author: '' }),
      { create: true },
    );
    try {
      const r = await invoke({ workspace: ws, identity }, 'claims.add', { text: 'x' });
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    } finally {
      ws.close();
    }
  });
});
