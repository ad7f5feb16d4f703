import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { describeChange, describeOrigin } from '../../../shared/timeline';
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

const SPEECH =
  'Unemployment fell to 4.2 percent in March, the minister said. Exports grew by 12 percent last year. The new bridge cost 3 billion euros.';

async function share(dir: string, from: TestContext, name: string): Promise<string> {
  return (await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
}

/** Mara writes the document and decides claim 0; Ben starts from her work and changes three claims. */
async function scenario() {
  const dir = tempDir();
  const mara = teammate(dir, 'Mara');
  const ben = teammate(dir, 'Ben');
  const doc = await call(mara, 'documents.createFromText', { text: SPEECH, title: 'Budget speech' });
  const ids = (await call(mara, 'claims.list', { documentId: doc.document.id })).items.map((c) => c.id) as [
    string,
    string,
    string,
  ];
  await call(mara, 'claims.setVerdict', { ids: [ids[0]], verdict: 'sourced', rationale: 'Eurostat table 3' });
  await mergePreviewed(ben, await share(dir, mara, 'mara0'));

  await call(ben, 'claims.setVerdict', { ids: [ids[0]], verdict: 'disputed' });
  await call(ben, 'claims.update', { id: ids[1], patch: { claimant: 'Trade ministry' } });
  const source = await call(ben, 'sources.add', { claimId: ids[2], url: 'https://example.org/bridge', title: 'Audit report' });
  await call(ben, 'notes.add', { claimId: ids[2], text: 'The audit counts 3.4 billion' });
  return { dir, mara, ben, ids, source, benShare: await share(dir, ben, 'ben1') };
}

describe('merge preview: what a merge changes', () => {
  it('lists per claim each field’s old → new value with who and when, your overwritten decisions first', async () => {
    const { mara, ids, benShare } = await scenario();
    const before = snapshot(mara.workspace.db);
    const preview = await call(mara, 'team.mergePreview', { path: benShare });
    expect(snapshot(mara.workspace.db)).toEqual(before);

    expect(preview.mergedBy).toBe('Mara');
    expect(preview.overwritesYours).toBe(1);
    // Per claim: the source and the note count with claim 2, so Ben changed three claims.
    expect(preview.itemCount).toBe(3);
    expect(preview.people).toEqual([expect.objectContaining({ name: 'Ben', newItems: 0, changedItems: 3, conflicts: 0 })]);

    const [first, ...rest] = preview.items;
    expect(first).toMatchObject({ entity: 'claim', id: ids[0], status: 'changed', overwritesYours: true });
    expect(first!.changes).toEqual([
      expect.objectContaining({
        field: 'verdict',
        from: 'sourced',
        to: 'disputed',
        author: 'Ben',
        overwritesYours: true,
        replaces: expect.objectContaining({ author: 'Mara' }),
      }),
    ]);
    expect(first!.changes[0]!.at).toMatch(/^\d{4}-\d\d-\d\dT/);

    const claimant = rest.find((i) => i.id === ids[1])!;
    expect(claimant.changes.map((c) => [c.field, c.from, c.to, c.author, c.overwritesYours])).toEqual([
      ['claimant', null, 'Trade ministry', 'Ben', false],
    ]);
    const evidence = rest.find((i) => i.id === ids[2])!;
    expect(evidence).toMatchObject({ entity: 'claim', status: 'changed', fields: ['note', 'source'] });
    expect(evidence.changes.map((c) => [c.entity, c.field, c.label, c.author])).toEqual([
      ['source', '$create', 'Audit report', 'Ben'],
      ['note', '$create', 'The audit counts 3.4 billion', 'Ben'],
    ]);
  });

  it('counts a conflicted claim once, and after merging the history names the author and where it came from', async () => {
    const { dir, mara, ben, ids, source } = await scenario();
    // A concurrent clash on claim 1 as well: both decide it without seeing the other.
    await call(mara, 'claims.setVerdict', { ids: [ids[1]], verdict: 'sourced', rationale: 'Customs data' });
    await call(ben, 'claims.setVerdict', { ids: [ids[1]], verdict: 'disputed', rationale: 'Customs revised it' });
    const second = await share(dir, ben, 'ben2');
    const preview = await call(mara, 'team.mergePreview', { path: second });
    expect(preview.conflictCount).toBe(1);
    expect(preview.conflicts.map((c) => c.claimId)).toEqual([ids[1]]);
    expect(preview.items.find((i) => i.id === ids[1])).toMatchObject({ status: 'conflicting', overwritesYours: true });
    expect(
      preview.items
        .slice(0, 2)
        .map((i) => i.id)
        .sort(),
    ).toEqual([ids[0], ids[1]].sort());

    const merged = await mergePreviewed(mara, second);
    expect(merged.applied).toBe(true);
    const history = await call(mara, 'claims.history', { id: ids[0] });
    const verdicts = history.filter((e) => e.field === 'verdict');
    expect(verdicts.map((e) => [e.author, e.to, e.origin?.kind ?? null])).toEqual([
      ['Mara', 'sourced', null],
      ['Ben', 'disputed', 'share'],
    ]);
    const theirs = verdicts[1]!;
    expect(theirs.origin).toMatchObject({ kind: 'share', from: 'Ben', mergedBy: 'Mara', file: 'ben2.claimbench-share' });
    expect(describeChange(theirs).summary).toBe('Ben marked Disputed');
    expect(describeOrigin(theirs.origin!, () => '6 Dec')).toBe('from Ben’s share file, merged by Mara on 6 Dec');
    // "was …" is what the author replaced as they saw it: Ben had not seen Mara's concurrent verdict on claim 1.
    const clashHistory = await call(mara, 'claims.history', { id: ids[1] });
    const initial = (clashHistory.find((e) => e.field === '$create')!.to as { verdict?: unknown }).verdict ?? null;
    expect(clashHistory.filter((e) => e.field === 'verdict').map((e) => [e.author, e.from, e.to])).toEqual([
      ['Mara', initial, 'sourced'],
      ['Ben', initial, 'disputed'],
    ]);
    expect(verdicts[1]!.from).toBe('sourced'); // Ben had merged Mara's decision on claim 0 before replacing it
    const evidence = await call(mara, 'claims.history', { id: ids[2] });
    expect(evidence.find((e) => e.entityId === source.id)).toMatchObject({ author: 'Ben', origin: { from: 'Ben' } });

    // Provenance is this copy's own record: a share file onwards does not carry it.
    const onwards = await share(dir, mara, 'mara2');
    const db = new Database(onwards, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM change_origins').pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM merge_origins').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('a folder sync records the peer file a change came from', async () => {
    const dir = tempDir();
    const mara = teammate(dir, 'Mara');
    const ben = teammate(dir, 'Ben');
    const folder = path.join(dir, 'shared');
    fs.mkdirSync(folder);
    const doc = await call(mara, 'documents.createFromText', { text: SPEECH });
    const id = (await call(mara, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
    await call(mara, 'team.sync.link', { folder });
    await call(ben, 'team.sync.link', { folder });
    await call(mara, 'team.sync.now', {});
    await call(ben, 'team.sync.now', {});
    await call(ben, 'notes.add', { claimId: id, text: 'Asked the statistics office' });
    await call(ben, 'team.sync.now', {});
    await call(mara, 'team.sync.now', {});
    const note = (await call(mara, 'claims.history', { id })).find((e) => e.entity === 'note')!;
    expect(note).toMatchObject({ author: 'Ben', origin: { kind: 'sync', from: 'Ben', mergedBy: 'Mara' } });
    expect(describeOrigin(note.origin!, () => '6 Dec')).toBe('from Ben’s sync file, synced by Mara on 6 Dec');
    // Mara's own claim creation came from nowhere else.
    expect((await call(mara, 'claims.history', { id }))[0]!.origin).toBeNull();
  });
});

describe('merge preview: documents both people imported', () => {
  it('names a teammate’s own import of a text this workspace already has, and nothing for a shared copy', async () => {
    const dir = tempDir();
    const mara = teammate(dir, 'Mara');
    const ben = teammate(dir, 'Ben');
    const mine = await call(mara, 'documents.createFromText', { text: SPEECH, title: 'Budget speech' });
    const theirs = await call(ben, 'documents.createFromText', { text: SPEECH, title: 'Speech, budget day' });
    await call(ben, 'documents.createFromText', { text: 'A different text of 12 percent growth, the minister said.', title: 'Other' });

    const preview = await call(mara, 'team.mergePreview', { path: await share(dir, ben, 'ben-own') });
    expect(preview.sameTextDocuments).toEqual([
      {
        theirs: { id: theirs.document.id, title: 'Speech, budget day', importedBy: 'Ben' },
        yours: { id: mine.document.id, title: 'Budget speech' },
      },
    ]);

    // Ben merging Mara's file after Mara merged his: every copy is already known on both sides.
    await mergePreviewed(mara, await share(dir, ben, 'ben-own-2'));
    const back = await call(ben, 'team.mergePreview', { path: await share(dir, mara, 'mara-back') });
    expect(back.sameTextDocuments).toEqual([
      {
        theirs: { id: mine.document.id, title: 'Budget speech', importedBy: 'Mara' },
        yours: { id: theirs.document.id, title: 'Speech, budget day' },
      },
    ]);
    await mergePreviewed(ben, await share(dir, mara, 'mara-back-2'));
    expect((await call(ben, 'team.mergePreview', { path: await share(dir, mara, 'mara-again') })).sameTextDocuments).toEqual([]);
  });
});
