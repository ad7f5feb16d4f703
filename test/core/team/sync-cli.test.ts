import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { call } from '../../../electron/core/dispatch';
import { SYNC_SUFFIX } from '../../../electron/core/team/sync-file';
import { watchSyncFolder } from '../../../electron/core/team/sync-watch';
import { tempDir } from '../../helpers/workspace';
import { person, snapshot, type TestContext } from './team-helpers';

const open: TestContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});
function teammate(dir: string, name: string): TestContext {
  const ctx = person(dir, name);
  open.push(ctx);
  return ctx;
}

describe('shared-folder sync', () => {
  it('each person appends only to their own change file; everyone converges, conflicts included', async () => {
    const dir = tempDir();
    const folder = path.join(dir, 'Dropbox', 'team');
    fs.mkdirSync(folder, { recursive: true });
    const [ana, ben, cleo] = ['Ana', 'Ben', 'Cleo'].map((n) => teammate(path.join(dir, 'local'), n)) as [
      TestContext,
      TestContext,
      TestContext,
    ];
    for (const p of [ana, ben, cleo]) await call(p, 'team.sync.link', { folder });

    const doc = await call(ana, 'documents.createFromText', { text: 'Wages rose 7 percent in 2023. Rents doubled since 2015.' });
    const [c0] = (await call(ana, 'claims.list', { documentId: doc.document.id })).items.map((c) => c.id) as [string];
    await call(ana, 'notes.add', { claimId: c0, text: 'Ask the statistics office' });
    expect((await call(ana, 'team.sync.now', {})).exported).toBeGreaterThan(0);
    expect(fs.readdirSync(folder)).toEqual([`${ana.identity.get().actorId}${SYNC_SUFFIX}`]);

    for (const p of [ben, cleo]) expect((await call(p, 'team.sync.now', {})).imported).toBeGreaterThan(0);
    await call(ben, 'claims.setVerdict', { ids: [c0], verdict: 'sourced', rationale: 'ONS table' });
    await call(cleo, 'claims.setVerdict', { ids: [c0], verdict: 'disputed', rationale: 'Real wages fell' });
    await call(cleo, 'notes.add', { claimId: c0, text: 'Nominal vs real' });
    for (let round = 0; round < 2; round++) for (const p of [ana, ben, cleo]) await call(p, 'team.sync.now', {});

    const ownFiles = fs.readdirSync(folder).sort();
    expect(ownFiles).toEqual([ana, ben, cleo].map((p) => `${p.identity.get().actorId}${SYNC_SUFFIX}`).sort());
    expect(snapshot(ben.workspace.db)).toEqual(snapshot(ana.workspace.db));
    expect(snapshot(cleo.workspace.db)).toEqual(snapshot(ana.workspace.db));
    const conflicts = await call(ana, 'conflicts.list', {});
    expect(conflicts.map((c) => c.fields)).toEqual([['verdict', 'rationale']]);
    expect((await call(ana, 'notes.list', { claimId: c0 })).map((n) => n.text).sort()).toEqual([
      'Ask the statistics office',
      'Nominal vs real',
    ]);

    // A half-written line at the end of a file (a sync in progress) is left for later; a damaged
    // line makes that one file unusable, reported, and nothing of it is merged.
    const benFile = path.join(folder, `${ben.identity.get().actorId}${SYNC_SUFFIX}`);
    fs.appendFileSync(benFile, '{"s":"0123');
    const before = snapshot(ana.workspace.db);
    const status = await call(ana, 'team.sync.now', {});
    expect(status.peers.every((p) => p.problem === null)).toBe(true);
    expect(snapshot(ana.workspace.db)).toEqual(before);
    const cleoFile = path.join(folder, `${cleo.identity.get().actorId}${SYNC_SUFFIX}`);
    const lines = fs.readFileSync(cleoFile, 'utf8').split('\n');
    const forged = lines.findIndex((l) => l.includes('Nominal'));
    expect(forged).toBeGreaterThan(0);
    lines[forged] = lines[forged]!.replace('Nominal', 'Forged!');
    fs.writeFileSync(cleoFile, lines.join('\n'));
    const damaged = await call(ana, 'team.sync.now', {});
    expect(damaged.peers.find((p) => p.file === cleoFile)?.problem).toBe(`line ${forged + 1}: a line fails its checksum`);
    expect(snapshot(ana.workspace.db)).toEqual(before);
  });

  it('refuses a folder that holds the live workspace, and watches peers’ files only', async () => {
    const dir = tempDir();
    const ana = teammate(dir, 'Ana');
    await expect(call(ana, 'team.sync.link', { folder: dir })).rejects.toThrow(/Keep the workspace elsewhere/);
    expect((await call(ana, 'team.sync.status', {})).folder).toBeNull();

    const folder = tempDir('claimbench-sync-');
    let fired = 0;
    const watcher = watchSyncFolder(folder, `me${SYNC_SUFFIX}`, () => fired++, 50);
    try {
      fs.writeFileSync(path.join(folder, `me${SYNC_SUFFIX}`), 'x');
      fs.writeFileSync(path.join(folder, 'readme.txt'), 'x');
      await new Promise((r) => setTimeout(r, 300));
      expect(fired).toBe(0);
      fs.writeFileSync(path.join(folder, `peer${SYNC_SUFFIX}`), 'x');
      fs.appendFileSync(path.join(folder, `peer${SYNC_SUFFIX}`), 'y');
      await new Promise((r) => setTimeout(r, 300));
      expect(fired).toBe(1);
    } finally {
      watcher.close();
    }
  });
});

describe('team CLI', () => {
  async function cli(author: string, ...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--author', author, ...args], {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      readStdin: async () => Buffer.alloc(0),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('share, merge --dry-run, merge, conflicts and resolve', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'ana.claimbench');
    const b = path.join(dir, 'ben.claimbench');
    expect((await cli('Ana', 'init', a)).code).toBe(0);
    expect((await cli('Ben', 'init', b)).code).toBe(0);
    const claimId = (await cli('Ana', 'add', a, 'Turnout was 71 percent')).out.trim();
    const s1 = path.join(dir, 'ana1.claimbench-share');
    expect((await cli('Ana', 'share', a, '-o', s1)).out).toMatch(/Wrote .*ana1\.claimbench-share: 1 change, 0 documents/);
    const dry = await cli('Ben', 'merge', b, s1, '--dry-run');
    expect(dry.out).toMatch(/^1 new change \(0 already here\) from 1 person$/m);
    expect(dry.out).toMatch(/Ana: 1 new, 0 changed, 0 conflicting/);
    expect((await cli('Ben', 'claims', b)).out).toBe('');
    expect((await cli('Ben', 'merge', b, s1)).out).toMatch(/Merged\. Backup: /);

    await cli('Ana', 'mark', a, claimId, 'sourced', '--rationale', 'Electoral commission');
    await cli('Ben', 'mark', b, claimId, 'disputed', '--rationale', 'Counted spoiled ballots');
    const s2 = path.join(dir, 'ben1.claimbench-share');
    await cli('Ben', 'share', b, '-o', s2);
    expect((await cli('Ana', 'merge', a, s2)).out).toMatch(/1 conflicted claim to resolve/);
    const listed = await cli('Ana', 'conflicts', a);
    expect(listed.out).toContain(`${claimId}  decision (verdict and rationale edited at the same time)  Turnout was 71 percent`);
    expect(listed.out).toMatch(/Ana \[[0-9a-f]{8}\]: sourced {2}rationale: Electoral commission/);
    expect(listed.out).toMatch(/Ben \[[0-9a-f]{8}\]: disputed {2}rationale: Counted spoiled ballots/);
    expect((await cli('Ana', 'claims', a, '--json')).out).toContain('"conflicted": true');

    const bad = await cli('Ana', 'resolve', a, claimId, 'maybe');
    expect([bad.code, bad.err]).toEqual([
      1,
      expect.stringMatching(/verdict must be sourced, disputed or unverified, not "maybe"/),
    ]);
    expect((await cli('Ana', 'resolve', a, claimId, 'sourced', '--rationale', 'Commission, final count')).out).toBe(
      `${claimId} sourced  rationale: Commission, final count`,
    );
    expect((await cli('Ana', 'conflicts', a)).out).toBe('No conflicts.');
    const refused = await cli('Ben', 'merge', b, a);
    expect([refused.code, refused.err]).toEqual([1, expect.stringMatching(/workspace, not a share file/)]);
  });

  it('resolve --keep keeps exactly the verdict and rationale a person set in separate edits', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'ana.claimbench');
    const b = path.join(dir, 'ben.claimbench');
    await cli('Ana', 'init', a);
    await cli('Ben', 'init', b);
    const claimId = (await cli('Ana', 'add', a, 'Turnout was 71 percent')).out.trim();
    await cli('Ana', 'share', a, '-o', path.join(dir, 's0'));
    await cli('Ben', 'merge', b, path.join(dir, 's0'));
    // Each person: the verdict first, the rationale in a second, separate edit.
    await cli('Ana', 'mark', a, claimId, 'sourced');
    await cli('Ana', 'mark', a, claimId, 'sourced', '--rationale', 'Electoral commission, final count');
    await cli('Ben', 'mark', b, claimId, 'disputed');
    await cli('Ben', 'mark', b, claimId, 'disputed', '--rationale', 'Counted spoiled ballots');
    await cli('Ben', 'share', b, '-o', path.join(dir, 's1'));
    await cli('Ana', 'merge', a, path.join(dir, 's1'));

    const json = JSON.parse((await cli('Ana', 'conflicts', a, '--json')).out) as {
      fields: string[];
      sides: { author: string; verdict: string; rationale: string }[];
    }[];
    expect(json.map((c) => c.fields)).toEqual([['verdict', 'rationale']]);
    expect(json[0]!.sides.map((s) => [s.author, s.verdict, s.rationale])).toEqual([
      ['Ana', 'sourced', 'Electoral commission, final count'],
      ['Ben', 'disputed', 'Counted spoiled ballots'],
    ]);
    const both = await cli('Ana', 'resolve', a, claimId, 'sourced', '--keep', 'Ana');
    expect([both.code, both.err]).toEqual([1, expect.stringMatching(/either --keep PERSON or a new verdict/)]);
    const nobody = await cli('Ana', 'resolve', a, claimId, '--keep', 'Cleo');
    expect([nobody.code, nobody.err]).toEqual([1, expect.stringMatching(/"Cleo" has no side.*Ana \[.*Ben \[/)]);

    const kept = await cli('Ana', 'resolve', a, claimId, '--keep', 'ana');
    expect([kept.code, kept.out]).toEqual([0, `${claimId} sourced  rationale: Electoral commission, final count`]);
    const claims = JSON.parse((await cli('Ana', 'claims', a, '--json')).out) as { verdict: string; rationale?: string }[];
    expect(claims[0]).toMatchObject({ verdict: 'sourced', conflicted: false });
    expect((await cli('Ana', 'conflicts', a)).out).toBe('No conflicts.');
    expect((await cli('Ana', 'history', a, claimId)).out).not.toMatch(/cleared/);
  });
});
