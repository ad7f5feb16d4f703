import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderReport } from '../../../electron/core/report/render';
import { runCli } from '../../../electron/cli/main';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report';
import type { MergePreview } from '../../../shared/team';
import { tempDir } from '../../helpers/workspace';
import { clockMovesOn } from '../../helpers/clock';
import { snapshot, teammates, type TestContext } from './team-helpers';

const teammate = teammates();

const TEXT = 'The air force said 157 drones and seven missiles were launched on 12 May. The ministry reported 40 injured.';
const R1 = 'Mara: the air force later said 150';
const R2 = 'Ben: no second source for either figure';
const R3 = 'Mara: the air force corrected itself on 13 May';

async function share(dir: string, from: TestContext, name: string): Promise<string> {
  return (await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) })).path;
}

/** Preview, then merge exactly what was previewed; the preview is returned for its description. */
async function merge(ctx: TestContext, file: string): Promise<MergePreview> {
  const preview = await call(ctx, 'team.mergePreview', { path: file });
  await call(ctx, 'team.merge', { path: file, expectHash: preview.contentHash });
  return preview;
}

async function shown(ctx: TestContext, id: string) {
  const c = await call(ctx, 'claims.get', { id });
  return [c.verdict, c.rationale, c.conflicted];
}

async function sides(ctx: TestContext, id: string) {
  const [conflict] = await call(ctx, 'conflicts.list', { claimId: id });
  return conflict!.sides.map((s) => [s.author, s.verdict, s.rationale, s.shown.length > 0]);
}

/**
 * The first-day report. Mara marks the claim Disputed (R1) and shares; Ben merges that, marks it
 * Unverified (R2), replacing her verdict having seen it, and shares; meanwhile Mara rewrites only
 * her rationale (R3). Only the rationale has concurrent edits, yet the two decisions differ whole.
 * `benLast` has Ben decide after Mara's rewrite instead of before it.
 */
async function rewriteWhileBenDecides(benLast: boolean) {
  const dir = tempDir();
  const mara = teammate(dir, 'Mara');
  const ben = teammate(dir, 'Ben');
  const seed = await call(mara, 'documents.createFromText', { text: TEXT });
  const claimId = (await call(mara, 'claims.list', { documentId: seed.document.id })).items[0]!.id;
  await call(mara, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: R1 });
  await merge(ben, await share(dir, mara, 'mara-1'));
  const benDecides = () => call(ben, 'claims.setVerdict', { ids: [claimId], verdict: 'unverified', rationale: R2 });
  const maraRewrites = () => call(mara, 'claims.update', { id: claimId, patch: { rationale: R3 } });
  if (benLast) {
    await maraRewrites();
    await clockMovesOn();
    await benDecides();
  } else {
    await benDecides();
    await clockMovesOn();
    await maraRewrites();
  }
  return { dir, mara, ben, claimId, benShare: await share(dir, ben, 'ben'), maraShare: await share(dir, mara, 'mara-2') };
}

describe('a rationale-only clash is a conflict of whole decisions', () => {
  for (const benLast of [false, true]) {
    const latest = benLast ? 'Ben' : 'Mara';
    const expected = benLast ? ['unverified', R2] : ['disputed', R3];

    it(`shows ${latest}’s whole decision (the latest) everywhere, in both orders of merge`, async () => {
      const { mara, ben, claimId, benShare, maraShare } = await rewriteWhileBenDecides(benLast);
      const maraPreview = await merge(mara, benShare);
      const benPreview = await merge(ben, maraShare);

      for (const ctx of [mara, ben]) {
        expect(await shown(ctx, claimId)).toEqual([...expected, true]);
        // Each side is its own person's verdict with their own rationale; "Shown now" is what the claim shows.
        expect(await sides(ctx, claimId)).toEqual(
          benLast
            ? [
                ['Mara', 'disputed', R3, false],
                ['Ben', 'unverified', R2, true],
              ]
            : [
                ['Ben', 'unverified', R2, false],
                ['Mara', 'disputed', R3, true],
              ],
        );
        // Mara's verdict is her own, though Ben's replaced it as a head.
        const [conflict] = await call(ctx, 'conflicts.list', { claimId });
        const maraSide = conflict!.sides.find((s) => s.author === 'Mara')!;
        expect([maraSide.own, maraSide.earlier]).toEqual([['rationale'], ['verdict']]);
        const listed = (await call(ctx, 'claims.list', {})).items.find((c) => c.id === claimId)!;
        expect([listed.verdict, listed.rationale]).toEqual(expected);

        // Reports print the decision shown, and the person who set its verdict.
        const model = buildReportModel({ db: ctx.workspace.db, workspaceName: 'desk', options: DEFAULT_REPORT_OPTIONS });
        const claim = model.documents.flatMap((d) => d.claims).find((c) => c.id === claimId)!;
        expect([claim.verdict, claim.rationale, claim.decidedBy, claim.conflicted]).toEqual([...expected, latest, true]);
        const md = renderReport('md', model).content;
        expect(md).toContain(`Verdict set by ${latest} on`);
        // The other side is printed too, but only among the conflict's decisions, never as the rationale.
        expect(md).toContain(`**Rationale:** ${expected[1]}`);
        const [beforeSides, printedSides] = md.split('**Conflicting decisions, not settled yet:**');
        expect(beforeSides).not.toContain(benLast ? R3 : R2);
        expect(printedSides).toContain(benLast ? R3 : R2);
      }
      // Both orders of merge hold the same claims, conflicts and log.
      const [m, b] = [snapshot(mara.workspace.db), snapshot(ben.workspace.db)];
      expect(b.claims).toEqual(m.claims);
      expect(b.conflicts).toEqual(m.conflicts);
      expect(b.changes).toEqual(m.changes);

      // Each preview lists the claim as one conflict, and its old → new lines end at the decision shown.
      for (const [preview, before] of [
        [maraPreview, ['disputed', R3]],
        [benPreview, ['unverified', R2]],
      ] as const) {
        const item = preview.items.find((i) => i.id === claimId)!;
        expect(item.status).toBe('conflicting');
        expect(preview.conflicts.map((c) => c.claimId)).toEqual([claimId]);
        const lines = Object.fromEntries(item.changes.map((c) => [c.field, [c.from, c.to]]));
        expect(lines.verdict ?? [before[0], before[0]]).toEqual([before[0], expected[0]]);
        expect(lines.rationale ?? [before[1], before[1]]).toEqual([before[1], expected[1]]);
        if (before[0] !== expected[0]) expect(item.changes.find((c) => c.field === 'verdict')!.author).toBe(latest);
      }
    });
  }

  it('keeping either side writes that person’s verdict and rationale, and settles the claim', async () => {
    const { mara, ben, claimId, benShare, maraShare } = await rewriteWhileBenDecides(false);
    await merge(mara, benShare);
    await merge(ben, maraShare);
    const actor = async (ctx: TestContext, name: string) =>
      (await call(ctx, 'conflicts.list', { claimId }))[0]!.sides.find((s) => s.author === name)!.actorId;

    await call(mara, 'conflicts.keep', { claimId, actorId: await actor(mara, 'Ben') });
    expect(await shown(mara, claimId)).toEqual(['unverified', R2, false]);
    await call(ben, 'conflicts.keep', { claimId, actorId: await actor(ben, 'Mara') });
    expect(await shown(ben, claimId)).toEqual(['disputed', R3, false]);
  });

  it('editing only the rationale while it clashes records the verdict shown with it', async () => {
    const { dir, mara, ben, claimId, benShare } = await rewriteWhileBenDecides(false);
    await merge(mara, benShare);
    expect(await shown(mara, claimId)).toEqual(['disputed', R3, true]);
    await call(mara, 'claims.update', { id: claimId, patch: { rationale: 'Mara: final' } });
    expect(await shown(mara, claimId)).toEqual(['disputed', 'Mara: final', false]);
    // Ben receives Mara's decision whole, her verdict replacing his.
    await merge(ben, await share(dir, mara, 'mara-3'));
    expect(await shown(ben, claimId)).toEqual(['disputed', 'Mara: final', false]);
  });

  it('reads the same through the CLI: mark, share, merge, conflicts and resolve --keep', async () => {
    const dir = tempDir();
    const cli = async (author: string, ...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--author', author, ...args], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        readStdin: async () => Buffer.alloc(0),
      });
      expect(code, err.join('\n')).toBe(0);
      return out.join('\n');
    };
    const [m, b] = [path.join(dir, 'mara.claimbench'), path.join(dir, 'ben.claimbench')];
    await cli('Mara', 'init', m);
    await cli('Ben', 'init', b);
    const claimId = (await cli('Mara', 'add', m, 'Seven missiles were launched on 12 May')).trim();
    await cli('Mara', 'mark', m, claimId, 'disputed', '--rationale', R1);
    await cli('Mara', 'share', m, '-o', path.join(dir, 'm1'));
    await cli('Ben', 'merge', b, path.join(dir, 'm1'));
    await cli('Ben', 'mark', b, claimId, 'unverified', '--rationale', R2);
    await cli('Ben', 'share', b, '-o', path.join(dir, 'b1'));
    // Mara keeps her verdict and rewrites her rationale only.
    await cli('Mara', 'mark', m, claimId, 'disputed', '--rationale', R3);
    expect(await cli('Mara', 'merge', m, path.join(dir, 'b1'))).toMatch(/1 conflicted claim to resolve/);

    const claims = JSON.parse(await cli('Mara', 'claims', m, '--json')) as { id: string; verdict: string }[];
    expect(claims.find((c) => c.id === claimId)!.verdict).toBe('disputed');
    const listed = await cli('Mara', 'conflicts', m);
    expect(listed).toContain(`${claimId}  decision (rationale edited at the same time)`);
    expect(listed).toMatch(new RegExp(`\\* \\S+ {2}Mara \\[[0-9a-f]{8}\\]: disputed {2}rationale: ${R3}`));
    expect(listed).toMatch(new RegExp(`  \\S+ {2}Ben \\[[0-9a-f]{8}\\]: unverified {2}rationale: ${R2}`));
    expect(await cli('Mara', 'resolve', m, claimId, '--keep', 'Ben')).toBe(`${claimId} unverified  rationale: ${R2}`);
    expect(await cli('Mara', 'conflicts', m)).toBe('No conflicts.');
  });
});
