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

  it('leaves out sentences of the same document unless they nearly repeat the claim, and says why each one matched', async () => {
    // Claims added by hand into two documents whose own text spots nothing.
    const { document } = await call(here, 'documents.createFromText', { text: 'Army deliveries.', title: 'Army deliveries' });
    const add = (t: string, documentId?: string) => call(here, 'claims.add', { text: t, documentId });
    const asked = await add('The ministry said 4,000 drones were delivered to the army in 2023.', document.id);
    await add('The ministry said the army received new trucks in 2023.', document.id);
    await add('Officials at the ministry declined to say where the drones were built.', document.id);
    const repeated = await add('The ministry said 4,000 drones were delivered to the army during 2023.', document.id);
    const other = await call(here, 'documents.createFromText', { text: 'Another article.', title: 'Other report' });
    const elsewhere = await add('Deliveries of 4,000 drone units to the army were announced.', other.document.id);

    const r = await call(here, 'claims.similar', { id: asked.id });
    expect(r.items.map((s) => s.claimId)).toEqual([repeated.id, elsewhere.id]);
    const [twin, far] = r.items;
    expect(twin).toMatchObject({ sameDocument: true, sharedFigures: ['4,000', '2023'] });
    expect(twin!.reason).toMatch(/^Near-duplicate in the same document \(\d+% alike\)/);
    expect(far).toMatchObject({ sameDocument: false, sharedFigures: ['4,000'], documentTitle: 'Other report' });
    // "drones" and "drone" share a stem; "delivered" and "Deliveries" do not in Porter 2, "army" matches as written.
    expect(far!.sharedWords).toEqual(expect.arrayContaining(['drones', 'army']));
    expect(far!.reason).toMatch(/^Shares 4,000 and “/);
    expect(far!.reason).toContain('“drones”');
  });

  it('still finds other documents’ claims when the claim’s own long article shares its words everywhere', async () => {
    const { document } = await call(here, 'documents.createFromText', { text: 'Long article.', title: 'Long article' });
    const asked = await call(here, 'claims.add', {
      text: 'The ministry said drones hit the port of Odesa.',
      documentId: document.id,
    });
    for (let i = 0; i < 70; i++) {
      await call(here, 'claims.add', {
        text: `Drones hit the port of Odesa, the ministry said (${i}).`,
        documentId: document.id,
      });
    }
    const other = await call(here, 'documents.createFromText', { text: 'Wire copy.', title: 'Wire copy' });
    const elsewhere = await call(here, 'claims.add', {
      text: 'In a statement published late on Tuesday after hours of silence, the ministry of defence said drones hit the port of Odesa and damaged two grain terminals.',
      documentId: other.document.id,
    });
    const r = await call(here, 'claims.similar', { id: asked.id, limit: 50 });
    expect(r.items.some((s) => s.claimId === elsewhere.id)).toBe(true);
    // Its own article's sentences are listed only as near-duplicates.
    for (const s of r.items.filter((i) => i.sameDocument)) expect(s.similarity).toBeGreaterThanOrEqual(0.6);
  });
});

describe('what is not a similar claim', () => {
  it('leaves out a claim elsewhere that shares only common words, and keeps one sharing a name', async () => {
    const asked = await call(here, 'claims.add', {
      text: 'Today the Wikimedia Foundation has received reports that access to Wikipedia in Turkey is being restored.',
    });
    const { document } = await call(here, 'documents.createFromText', { text: 'Other news.', title: 'Other' });
    const add = async (text: string) => (await call(here, 'claims.add', { text, documentId: document.id })).id;
    const common = await add('Officials said they received reports of flooding in the northern districts overnight.');
    const named = await add('The Foundation received reports from Turkish readers that access was being restored.');
    const r = await call(here, 'claims.similar', { id: asked.id });
    const ids = r.items.map((s) => s.claimId);
    expect(ids).toContain(named);
    expect(ids).not.toContain(common);
  });
});
