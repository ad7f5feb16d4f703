import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { trigramSimilarity } from '../../../electron/core/search/similar';
import { createTestContext } from '../../helpers/workspace';

let here: ReturnType<typeof createTestContext>;
let there: ReturnType<typeof createTestContext>;
beforeEach(() => {
  here = createTestContext('Ann');
  there = createTestContext('Bob');
});
afterEach(() => {
  here.workspace.close();
  there.workspace.close();
});

describe('similar claims', () => {
  it('finds near-duplicates here and in another workspace, with their verdicts, and skips what it cannot open', async () => {
    const target = await call(here, 'claims.add', { text: 'The governor said 4,000 new homes were built in Ohio in 2023.' });
    const twin = await call(here, 'claims.add', { text: 'Governor says 4,000 new homes were built in Ohio during 2023' });
    await call(here, 'claims.add', { text: 'Wheat prices rose sharply in Kansas.' });
    const elsewhere = await call(there, 'claims.add', {
      text: 'The governor said that 4,000 new homes were built in Ohio in 2023',
    });
    await call(there, 'claims.setVerdict', { ids: [elsewhere.id], verdict: 'disputed', rationale: 'Permits, not completions.' });
    await call(there, 'claims.add', { text: 'Ohio has 88 counties.' });
    there.workspace.close();

    const notAWorkspace = path.join(here.dir, 'notes.txt');
    fs.writeFileSync(notAWorkspace, 'hello');
    const missing = path.join(here.dir, 'gone.claimbench');
    const r = await call(here, 'claims.similar', {
      id: target.id,
      otherWorkspaces: [there.file, missing, notAWorkspace, here.file],
    });
    expect(r.items.map((s) => [s.claimId, s.workspacePath])).toEqual([
      [elsewhere.id, there.file],
      [twin.id, null],
    ]);
    expect(r.items[0]).toMatchObject({ verdict: 'disputed', rationale: 'Permits, not completions.', workspaceName: 'test' });
    expect(r.items[0]!.similarity).toBeGreaterThan(r.items[1]!.similarity);
    expect(r.skipped.map((s) => s.path).sort()).toEqual([missing, notAWorkspace].sort());
    expect(r.skipped.find((s) => s.path === missing)!.reason).toMatch(/no longer exists/);
    expect(r.skipped.find((s) => s.path === notAWorkspace)!.reason).toMatch(/not a Claimbench workspace/);
    // The other workspace was only read.
    expect(fs.existsSync(`${there.file}-wal`) ? fs.statSync(`${there.file}-wal`).size : 0).toBe(0);
  });

  it('works for Cyrillic claims and ranks by character trigrams', async () => {
    const a = await call(here, 'claims.add', { text: 'Зеленский заявил, что поставки выросли на 30 процентов.' });
    const b = await call(here, 'claims.add', { text: 'По словам Зеленского, поставки выросли на 30 процентов.' });
    const r = await call(here, 'claims.similar', { id: a.id });
    expect(r.items.map((s) => s.claimId)).toEqual([b.id]);
    expect(trigramSimilarity('São Paulo', 'sao paulo')).toBe(1);
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
  });
});
