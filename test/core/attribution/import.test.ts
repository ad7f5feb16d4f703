import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';
import { WAR_REPORT } from './article';

let ctx: CoreContext & { dir: string };
afterEach(() => ctx?.workspace.close());

describe('importing a news file with metadata, a caption and quotes', () => {
  it('dates and titles it from its metadata and headline, keeps non-prose out of claims, and counts claimants', async () => {
    ctx = createTestContext();
    const r = await call(ctx, 'ingest.importFile', {
      name: 'putin-forum.txt',
      dataBase64: Buffer.from(WAR_REPORT).toString('base64'),
    });
    expect(r.status, r.error?.message).toBe('imported');
    const doc = r.document!;
    expect(doc.title).toBe('Putin says Western troops in Ukraine would be "legitimate targets"');
    expect(doc.publishedAt).toBe('2025-09-05');
    const { items } = await call(ctx, 'claims.list', { documentId: doc.id, limit: 500 });
    const texts = items.map((c) => c.text);
    expect(texts.some((t) => /date 2025|example\.org|speaks during|Getty|could not disclose/.test(t))).toBe(false);
    expect(texts.some((t) => t.startsWith('It will definitely not be single digits'))).toBe(true);

    const counts = await call(ctx, 'claims.claimants', { documentId: doc.id });
    const putin = counts.find((c) => c.claimant === 'Vladimir Putin');
    expect(putin?.count).toBe(items.filter((c) => c.claimant === 'Vladimir Putin').length);
    expect(putin!.count).toBeGreaterThanOrEqual(2);
    expect(counts.map((c) => c.count)).toEqual([...counts.map((c) => c.count)].sort((a, b) => b - a));
    const filtered = await call(ctx, 'claims.list', { documentId: doc.id, claimant: 'vladimir putin', limit: 500 });
    expect(filtered.total).toBe(putin!.count);

    // Another document leaves this document's counts alone but adds to the workspace's.
    await call(ctx, 'ingest.importFile', {
      name: 'more.txt',
      dataBase64: Buffer.from('Vladimir Putin said 40 drones were launched, up from 12.').toString('base64'),
    });
    expect(
      (await call(ctx, 'claims.claimants', { documentId: doc.id })).find((c) => c.claimant === 'Vladimir Putin')!.count,
    ).toBe(putin!.count);
    expect((await call(ctx, 'claims.claimants', {})).find((c) => c.claimant === 'Vladimir Putin')!.count).toBe(putin!.count + 1);
  });
});
