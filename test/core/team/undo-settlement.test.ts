import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { call } from '../../../electron/core/dispatch';
import { loadOverruledDecisions } from '../../../electron/core/report/overruled';
import { describeChange } from '../../../shared/timeline';
import type { Verdict } from '../../../shared/domain';
import { clockMovesOn } from '../../helpers/clock';
import { mergePreviewed } from '../../helpers/merge';
import { assertTablesMatchLog } from '../../helpers/tables-match-log';
import { tempDir } from '../../helpers/workspace';
import { teammates, type TestContext } from './team-helpers';

const teammate = teammates();

const TEXT = 'The air force said 157 drones and seven missiles were launched on 12 May. The ministry reported 40 injured.';
const BEN = 'Ben: the air force corrected the figure on 13 May';
const CARA = 'Cara: air force statement of 12 May, archived';

async function share(dir: string, from: TestContext, name: string): Promise<string> {
  return (await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
}

async function decide(ctx: TestContext, id: string, verdict: Verdict, rationale: string) {
  await clockMovesOn();
  await call(ctx, 'claims.setVerdict', { ids: [id], verdict, rationale });
}

/** The lead merges Ben's and Cara's share files; they decided the claim differently without seeing each other. */
async function leadWithConflict() {
  const dir = tempDir();
  const lena = teammate(dir, 'Lena Ortiz');
  const ben = teammate(dir, 'Ben');
  const cara = teammate(dir, 'Cara');
  const seed = await call(lena, 'documents.createFromText', { text: TEXT });
  const claimId = (await call(lena, 'claims.list', { documentId: seed.document.id })).items[0]!.id;
  const lenaShare = await share(dir, lena, 'lena');
  await mergePreviewed(ben, lenaShare);
  await mergePreviewed(cara, lenaShare);
  await decide(ben, claimId, 'disputed', BEN);
  await decide(cara, claimId, 'sourced', CARA);
  await mergePreviewed(lena, await share(dir, ben, 'ben'));
  await mergePreviewed(lena, await share(dir, cara, 'cara'));
  return { dir, lena, ben, cara, claimId };
}

/** Everything a person sees of the claim's open conflict, in the app. */
async function conflictView(ctx: TestContext, id: string) {
  const claim = await call(ctx, 'claims.get', { id });
  const conflicts = await call(ctx, 'conflicts.list', { claimId: id });
  return { shown: [claim.verdict, claim.rationale, claim.conflicted], conflicts };
}

async function cli(author: string, ...args: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--author', author, ...args], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readStdin: async () => Buffer.alloc(0),
  });
  expect(code, err.join('\n')).toBe(0);
  return out.join('\n');
}

async function historyLines(ctx: TestContext, id: string): Promise<string[]> {
  return (await call(ctx, 'claims.history', { id })).map((e) => describeChange(e).summary);
}

describe('undoing the settlement of a conflict', () => {
  for (const [how, settle] of [
    [
      'a new decision',
      (lead: TestContext, id: string) => call(lead, 'conflicts.resolve', { claimId: id, verdict: 'unverified' }),
    ],
    [
      'keeping one side',
      async (lead: TestContext, id: string) => {
        const [conflict] = await call(lead, 'conflicts.list', { claimId: id });
        const cara = conflict!.sides.find((s) => s.author === 'Cara')!;
        return call(lead, 'conflicts.keep', { claimId: id, actorId: cara.actorId });
      },
    ],
  ] as const) {
    it(`brings the conflict back as it was after ${how}, and redo settles it again`, async () => {
      const { lena, claimId } = await leadWithConflict();
      const before = await conflictView(lena, claimId);
      expect(before.shown[2]).toBe(true);
      expect(before.conflicts[0]!.sides.map((s) => [s.author, s.verdict, s.rationale])).toEqual([
        ['Ben', 'disputed', BEN],
        ['Cara', 'sourced', CARA],
      ]);
      const cliBefore = await cli('Lena Ortiz', 'conflicts', lena.file);

      await settle(lena, claimId);
      const settled = await conflictView(lena, claimId);
      expect(settled.conflicts).toEqual([]);
      expect(await cli('Lena Ortiz', 'conflicts', lena.file)).toBe('No conflicts.');

      await call(lena, 'edit.undo', {});
      expect(await conflictView(lena, claimId)).toEqual(before);
      expect(await cli('Lena Ortiz', 'conflicts', lena.file)).toBe(cliBefore);
      assertTablesMatchLog(lena.workspace);

      await call(lena, 'edit.redo', {});
      expect(await conflictView(lena, claimId)).toEqual(settled);
      await call(lena, 'edit.undo', {});
      expect(await conflictView(lena, claimId)).toEqual(before);
      assertTablesMatchLog(lena.workspace);
    });
  }

  it('reads in the history as an undo that reopened the conflict, not as the undoer taking a side', async () => {
    const { lena, claimId } = await leadWithConflict();
    await call(lena, 'conflicts.resolve', { claimId, verdict: 'unverified' });
    await call(lena, 'edit.undo', {});
    const lines = await historyLines(lena, claimId);
    const undo = lines.slice(lines.findIndex((l) => l.startsWith('Lena Ortiz marked Unverified')) + 1);
    expect(undo.join('\n')).not.toMatch(/Lena Ortiz marked/);
    expect(undo).toEqual(
      expect.arrayContaining([
        'Lena Ortiz reopened the conflict: Ben’s verdict, Disputed, stands again (undo)',
        'Lena Ortiz reopened the conflict: Cara’s verdict, Sourced, stands again (undo)',
        'Lena Ortiz reopened the conflict: Ben’s rationale stands again (undo)',
        'Lena Ortiz reopened the conflict: Cara’s rationale stands again (undo)',
      ]),
    );
  });

  it('replicates: a teammate merging the lead’s share afterwards sees the conflict open again, as it was', async () => {
    const { dir, lena, ben, claimId } = await leadWithConflict();
    await call(lena, 'conflicts.resolve', { claimId, verdict: 'unverified' });
    const benAfterSettlement = await share(dir, lena, 'lena-settled');
    await call(lena, 'edit.undo', {});
    const lenaView = await conflictView(lena, claimId);

    // Ben first saw the settlement, then the undo; Cara's side reaches him with it.
    await mergePreviewed(ben, benAfterSettlement);
    expect((await conflictView(ben, claimId)).conflicts).toEqual([]);
    await mergePreviewed(ben, await share(dir, lena, 'lena-undone'));
    expect(await conflictView(ben, claimId)).toEqual(lenaView);
    assertTablesMatchLog(ben.workspace);

    // Whoever settles it next settles both sides.
    const [conflict] = await call(ben, 'conflicts.list', { claimId });
    await call(ben, 'conflicts.keep', { claimId, actorId: conflict!.sides.find((s) => s.author === 'Ben')!.actorId });
    await mergePreviewed(lena, await share(dir, ben, 'ben-kept'));
    for (const ctx of [lena, ben]) {
      expect((await conflictView(ctx, claimId)).shown).toEqual(['disputed', BEN, false]);
    }
    assertTablesMatchLog(lena.workspace);
  });
});

describe('the report trail of an undone settlement', () => {
  const overruled = (ctx: TestContext, id: string) =>
    (loadOverruledDecisions(ctx.workspace.db).get(id) ?? []).map((o) => [o.author, o.verdict, o.rationale]);

  it('lists nothing overruled while the undo has the conflict open again', async () => {
    const { lena, claimId } = await leadWithConflict();
    await call(lena, 'conflicts.resolve', { claimId, verdict: 'unverified' });
    expect(overruled(lena, claimId)).toHaveLength(2);
    await call(lena, 'edit.undo', {});
    expect(overruled(lena, claimId)).toEqual([]);
  });

  it('lists each overruled side once after undo and redo', async () => {
    const { lena, claimId } = await leadWithConflict();
    await call(lena, 'conflicts.resolve', { claimId, verdict: 'unverified' });
    await call(lena, 'edit.undo', {});
    await call(lena, 'edit.redo', {});
    expect(overruled(lena, claimId)).toEqual([
      ['Ben', 'disputed', BEN],
      ['Cara', 'sourced', CARA],
    ]);
  });
});
