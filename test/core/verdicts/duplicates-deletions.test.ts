import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call, invoke } from '../../../electron/core/dispatch';
import { waitForBatch } from '../../../electron/core/ingest/batch';
import { runClaimbench } from '../../helpers/cli';
import { createTestContext, tempDir } from '../../helpers/workspace';

const ARTICLE = [
  'Officials said 157 drones and seven missiles were launched overnight.',
  'Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the ministry said.',
  'The new bridge cost $2.1 billion and took 26 months to build, according to the city.',
].join(' ');

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const open: CoreContext[] = [];
function context(file?: string): CoreContext {
  const ctx = createTestContext('Ana Checker', file);
  open.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

describe('importing content already in the workspace', () => {
  it('skips a duplicate file, writing nothing, and imports it when asked', async () => {
    const ctx = context();
    const first = await call(ctx, 'ingest.importFile', { name: 'a.txt', dataBase64: b64(ARTICLE) });
    expect(first.status).toBe('imported');
    const changes = () => ctx.workspace.db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
    const before = changes();
    const again = await call(ctx, 'ingest.importFile', { name: 'copy.txt', dataBase64: b64(`${ARTICLE}\n`) });
    expect(again).toMatchObject({ status: 'duplicate', document: null, claimCount: 0, duplicateOf: first.document!.id });
    expect(changes()).toBe(before);
    const forced = await call(ctx, 'ingest.importFile', { name: 'copy.txt', dataBase64: b64(ARTICLE), allowDuplicate: true });
    expect(forced).toMatchObject({ status: 'imported', duplicateOf: first.document!.id });
    expect(await call(ctx, 'documents.list', {})).toHaveLength(2);
  });

  it('holds a skipped file of a batch so "import anyway" stores it later, once', async () => {
    const ctx = context();
    await call(ctx, 'documents.createFromText', { title: 'Original', text: ARTICLE });
    const started = await call(ctx, 'ingest.startBatch', {
      files: [
        { name: 'new.txt', dataBase64: b64('Prices rose 9 percent in 2022, the statistics office said.') },
        { name: 'same.txt', dataBase64: b64(ARTICLE) },
      ],
    });
    const done = await waitForBatch(ctx.workspace, started.jobId);
    expect(done.outcomes.map((o) => o.status)).toEqual(['imported', 'duplicate']);
    expect(await call(ctx, 'documents.list', {})).toHaveLength(2);

    const anyway = await call(ctx, 'ingest.importDuplicate', { jobId: started.jobId, index: 1 });
    expect(anyway.status).toBe('imported');
    expect(anyway.claimCount).toBeGreaterThan(0);
    expect((await call(ctx, 'ingest.batchStatus', { jobId: started.jobId })).outcomes[1]!.status).toBe('imported');
    expect(await call(ctx, 'documents.list', {})).toHaveLength(3);
    const twice = await invoke(ctx, 'ingest.importDuplicate', { jobId: started.jobId, index: 1 });
    expect(twice).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const notSkipped = await invoke(ctx, 'ingest.importDuplicate', { jobId: started.jobId, index: 0 });
    expect(notSkipped).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('claimbench import skips a duplicate with a message; --allow-duplicate imports it', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'desk.claimbench');
    const file = path.join(dir, 'article.txt');
    fs.writeFileSync(file, ARTICLE);
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const first = runClaimbench(['import', ws, file]);
    expect(first.code, first.stderr).toBe(0);
    const again = runClaimbench(['import', ws, file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/article\.txt: skipped, the same content is already in the workspace as document \S+/);
    expect(again.stderr).toMatch(/--allow-duplicate/);
    const forced = runClaimbench(['import', ws, file, '--allow-duplicate']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/claims of \d+ sentences/);
    const ctx = context(ws);
    return call(ctx, 'documents.list', {}).then((docs) => expect(docs).toHaveLength(2));
  });
});

describe('deleting a document', () => {
  it('says first how many claims and decisions go with it', async () => {
    const ctx = context();
    const { document } = await call(ctx, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
    const { items } = await call(ctx, 'claims.list', { documentId: document.id });
    await call(ctx, 'claims.setVerdict', { ids: [items[0]!.id], verdict: 'sourced' });
    await call(ctx, 'claims.setVerdict', { ids: [items[1]!.id], verdict: 'unverified' });
    await call(ctx, 'sources.add', { claimId: items[0]!.id, url: 'https://example.org/statement', title: 'Statement' });
    await call(ctx, 'notes.add', { claimId: items[1]!.id, text: 'Called the ministry.' });
    await call(ctx, 'claims.delete', { ids: [items[2]!.id] });

    expect(await call(ctx, 'documents.deletionImpact', { id: document.id })).toEqual({
      documentId: document.id,
      title: 'Overnight',
      claims: items.length - 1,
      decisions: 2,
      sources: 1,
      notes: 1,
    });
  });

  it('shows what was deleted as deleted in Activity, not as live claims', async () => {
    const ctx = context();
    const { document } = await call(ctx, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
    const kept = await call(ctx, 'documents.createFromText', {
      title: 'Kept',
      text: 'Prices rose 9 percent in 2022, the statistics office said.',
    });
    const { items } = await call(ctx, 'claims.list', { documentId: document.id });
    await call(ctx, 'claims.setVerdict', { ids: [items[0]!.id], verdict: 'disputed' });
    await call(ctx, 'notes.add', { claimId: items[0]!.id, text: 'Called the ministry.' });
    await call(ctx, 'documents.delete', { id: document.id });

    const activity = (await call(ctx, 'activity.list', { limit: 200 })).items;
    const aboutDeleted = activity.filter((a) => a.claimId !== null && items.some((c) => c.id === a.claimId));
    expect(aboutDeleted.length).toBeGreaterThan(items.length);
    expect(aboutDeleted.every((a) => a.deleted)).toBe(true);
    const verdictLine = aboutDeleted.find((a) => a.field === 'verdict')!;
    expect(verdictLine.summary).toMatch(/\(since deleted\)$/);
    const deletion = aboutDeleted.find((a) => a.field === 'deleted' && a.entityId === items[0]!.id)!;
    expect(deletion.summary).toBe('Ana Checker deleted the claim');
    expect(deletion.summary).not.toMatch(/since deleted/);
    const live = activity.filter((a) => a.claimId !== null && a.claimId !== undefined && !items.some((c) => c.id === a.claimId));
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((a) => !a.deleted)).toBe(true);
    expect(activity.find((a) => a.entityId === kept.document.id)!.deleted).toBe(false);
    expect(activity.find((a) => a.entityId === document.id && a.field === 'deleted')!.deleted).toBe(true);
  });
});
