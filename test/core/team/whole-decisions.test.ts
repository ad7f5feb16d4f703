import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { Verdict } from '../../../shared/domain';
import { mergePreviewed } from '../../helpers/merge';
import { tempDir } from '../../helpers/workspace';
import { exchange, snapshot, teammates, type TestContext } from './team-helpers';
import { clockMovesOn } from '../../helpers/clock';

const teammate = teammates();

const TEXT = 'The air force said 157 drones and seven missiles were launched on 12 May. The ministry reported 40 injured.';

async function startTeam(dir: string, names: string[]) {
  const people = names.map((n) => teammate(dir, n));
  const seed = await call(people[0]!, 'documents.createFromText', { text: TEXT });
  const claimId = (await call(people[0]!, 'claims.list', { documentId: seed.document.id })).items[0]!.id;
  for (const p of people.slice(1)) exchange(people[0]!, p);
  return { people, claimId };
}

// Each edit waits for the clock to move on, so "later" in these stories is later on every teammate's clock.
async function markVerdict(ctx: TestContext, id: string, verdict: Verdict) {
  await clockMovesOn();
  return call(ctx, 'claims.setVerdict', { ids: [id], verdict });
}
async function writeRationale(ctx: TestContext, id: string, rationale: string) {
  await clockMovesOn();
  return call(ctx, 'claims.update', { id, patch: { rationale } });
}

async function share(dir: string, from: TestContext, name: string): Promise<string> {
  return (await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
}

async function shownDecision(ctx: TestContext, id: string) {
  const c = await call(ctx, 'claims.get', { id });
  return [c.verdict, c.rationale, c.conflicted];
}

async function sidesOf(ctx: TestContext, id: string) {
  const [conflict] = await call(ctx, 'conflicts.list', { claimId: id });
  return Object.fromEntries(conflict!.sides.map((s) => [s.author, s]));
}

describe('a verdict and its rationale stay one decision through a merge', () => {
  /**
   * The first-day report: Ben marks the claim, Mara decides with a rationale, then Ben writes his
   * rationale. The latest verdict is Mara's and the latest rationale Ben's.
   */
  async function interleaved(dir: string) {
    const { people, claimId } = await startTeam(dir, ['Mara', 'Ben']);
    const [mara, ben] = people as [TestContext, TestContext];
    await markVerdict(ben, claimId, 'sourced');
    await markVerdict(mara, claimId, 'disputed');
    await writeRationale(mara, claimId, 'Mara: the air force later said 150');
    await writeRationale(ben, claimId, 'Ben: air force statement, 12 May');
    return { mara, ben, claimId, maraShare: await share(dir, mara, 'mara'), benShare: await share(dir, ben, 'ben') };
  }

  it('shows one person’s verdict with that person’s rationale, in both orders of merge', async () => {
    const dir = tempDir();
    const { mara, ben, claimId, maraShare, benShare } = await interleaved(dir);
    await mergePreviewed(mara, benShare);
    await mergePreviewed(ben, maraShare);

    for (const ctx of [mara, ben]) {
      // Ben's rationale is the latest change of its field, but it belongs with Ben's verdict.
      expect(await shownDecision(ctx, claimId)).toEqual(['disputed', 'Mara: the air force later said 150', true]);
      const sides = await sidesOf(ctx, claimId);
      expect([sides.Mara!.verdict, sides.Mara!.rationale, sides.Mara!.shown]).toEqual([
        'disputed',
        'Mara: the air force later said 150',
        ['verdict', 'rationale'],
      ]);
      expect([sides.Ben!.verdict, sides.Ben!.rationale, sides.Ben!.shown]).toEqual([
        'sourced',
        'Ben: air force statement, 12 May',
        [],
      ]);
    }
    // Both orders of merge hold the same claims, conflicts and log.
    const [m, b] = [snapshot(mara.workspace.db), snapshot(ben.workspace.db)];
    expect(b.claims).toEqual(m.claims);
    expect(b.conflicts).toEqual(m.conflicts);
    expect(b.changes).toEqual(m.changes);
  });

  it('keeping a side keeps that side’s rationale with its verdict, whichever side is kept', async () => {
    const dir = tempDir();
    const { mara, ben, claimId, maraShare, benShare } = await interleaved(dir);
    await mergePreviewed(mara, benShare);
    await mergePreviewed(ben, maraShare);

    await call(mara, 'conflicts.keep', { claimId, actorId: (await sidesOf(mara, claimId)).Ben!.actorId });
    expect(await shownDecision(mara, claimId)).toEqual(['sourced', 'Ben: air force statement, 12 May', false]);
    await call(ben, 'conflicts.keep', { claimId, actorId: (await sidesOf(ben, claimId)).Mara!.actorId });
    expect(await shownDecision(ben, claimId)).toEqual(['disputed', 'Mara: the air force later said 150', false]);
  });

  it('gives each of three people their own rationale, and the claim the latest verdict’s whole decision', async () => {
    const dir = tempDir();
    const { people, claimId } = await startTeam(dir, ['Mara', 'Ben', 'Cara']);
    const [mara, ben, cara] = people as [TestContext, TestContext, TestContext];
    // Each in two edits, as the detail pane saves them, with the rationales written in the reverse order.
    await markVerdict(mara, claimId, 'disputed');
    await markVerdict(ben, claimId, 'sourced');
    await markVerdict(cara, claimId, 'unverified');
    await writeRationale(cara, claimId, 'Cara: no second source');
    await writeRationale(ben, claimId, 'Ben: air force statement');
    await writeRationale(mara, claimId, 'Mara: later figure is 150');
    const benShare = await share(dir, ben, 'ben');
    const caraShare = await share(dir, cara, 'cara');
    await mergePreviewed(mara, caraShare);
    await mergePreviewed(mara, benShare);
    // Another copy takes the same files in the other order.
    const desk = teammate(dir, 'Desk');
    exchange(mara, desk);
    await mergePreviewed(desk, benShare);
    await mergePreviewed(desk, caraShare);

    for (const ctx of [mara, desk]) {
      const sides = await sidesOf(ctx, claimId);
      expect(Object.entries(sides).map(([who, s]) => [who, s.verdict, s.rationale])).toEqual([
        ['Cara', 'unverified', 'Cara: no second source'],
        ['Ben', 'sourced', 'Ben: air force statement'],
        ['Mara', 'disputed', 'Mara: later figure is 150'],
      ]);
      // Cara's verdict is the latest, so the claim shows Cara's whole decision.
      expect(await shownDecision(ctx, claimId)).toEqual(['unverified', 'Cara: no second source', true]);
    }
    await call(desk, 'conflicts.keep', { claimId, actorId: (await sidesOf(desk, claimId)).Ben!.actorId });
    expect(await shownDecision(desk, claimId)).toEqual(['sourced', 'Ben: air force statement', false]);
    expect(await call(desk, 'conflicts.list', {})).toEqual([]);
  });

  it('editing the rationale of a conflicted claim records it with the verdict shown, as one decision', async () => {
    const dir = tempDir();
    const { mara, ben, claimId, benShare } = await interleaved(dir);
    await mergePreviewed(mara, benShare);
    expect(await shownDecision(mara, claimId)).toEqual(['disputed', 'Mara: the air force later said 150', true]);
    await writeRationale(mara, claimId, 'Mara: air force corrected itself on 13 May');
    expect(await shownDecision(mara, claimId)).toEqual(['disputed', 'Mara: air force corrected itself on 13 May', false]);
    // Ben receives the decision whole: Mara's verdict beside Mara's rationale, conflict settled.
    await mergePreviewed(ben, await share(dir, mara, 'mara-2'));
    expect(await shownDecision(ben, claimId)).toEqual(['disputed', 'Mara: air force corrected itself on 13 May', false]);
  });
});
