import fc from 'fast-check';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { Verdict } from '../../../shared/domain';
import { describeChange } from '../../../shared/timeline';
import { tempDir } from '../../helpers/workspace';
import { clockMovesOn } from '../../helpers/clock';
import { exchange, person, snapshot, type TestContext } from './team-helpers';
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

const TEXT = 'Prices rose 5 percent in May. The dam holds 2 million cubic metres. Crime fell by a third, police said.';

/** Ana writes a document; everyone else starts from a copy of it. */
async function team(dir: string, names: string[]) {
  const ctxs = names.map((n) => teammate(dir, n));
  const seed = await call(ctxs[0]!, 'documents.createFromText', { text: TEXT });
  const claimIds = (await call(ctxs[0]!, 'claims.list', { documentId: seed.document.id })).items.map((c) => c.id);
  for (const c of ctxs.slice(1)) exchange(ctxs[0]!, c);
  return { ctxs, claimIds };
}

/** The detail pane's way: the verdict is one edit, the rationale another. */
async function decideInTwoEdits(ctx: TestContext, claimId: string, verdict: Verdict, rationale: string, rationaleFirst = false) {
  const setVerdict = () => call(ctx, 'claims.setVerdict', { ids: [claimId], verdict });
  const setRationale = () => call(ctx, 'claims.update', { id: claimId, patch: { rationale } });
  if (rationaleFirst) {
    await setRationale();
    await setVerdict();
  } else {
    await setVerdict();
    await setRationale();
  }
}

async function shareInto(dir: string, from: TestContext, to: TestContext, name: string) {
  const share = await call(from, 'team.share', { target: path.join(dir, `${name}.claimbench-share`) });
  return mergePreviewed(to, share.path);
}

describe('conflict sides keep every word', () => {
  it('shows each person’s verdict and rationale set as separate edits, and keeping a side clears nothing', async () => {
    const dir = tempDir();
    const { ctxs, claimIds } = await team(dir, ['Ana', 'Ben']);
    const [ana, ben] = ctxs as [TestContext, TestContext];
    const c0 = claimIds[0]!;
    await decideInTwoEdits(ana, c0, 'sourced', 'Eurostat table 3 says 5.0');
    await clockMovesOn();
    await decideInTwoEdits(ben, c0, 'disputed', 'Ministry release says 4.1', true);
    const merged = await shareInto(dir, ben, ana, 'ben');
    expect(merged.conflictCount).toBe(1); // one claim, although both of its fields clash
    expect(merged.people).toEqual([expect.objectContaining({ name: 'Ben', conflicts: 1 })]);

    const [conflict, ...more] = await call(ana, 'conflicts.list', {});
    expect(more).toEqual([]);
    expect(conflict!.fields).toEqual(['verdict', 'rationale']);
    expect(conflict!.sides.map((s) => [s.author, s.verdict, s.rationale, s.keeps])).toEqual([
      ['Ana', 'sourced', 'Eurostat table 3 says 5.0', ['verdict', 'rationale']],
      ['Ben', 'disputed', 'Ministry release says 4.1', ['verdict', 'rationale']],
    ]);
    // Ben's later changes show until someone decides.
    expect(conflict!.sides.find((s) => s.author === 'Ben')!.shown).toEqual(['verdict', 'rationale']);

    const kept = await call(ana, 'conflicts.keep', { claimId: c0, actorId: conflict!.sides[0]!.actorId });
    expect(kept).toMatchObject({ verdict: 'sourced', rationale: 'Eurostat table 3 says 5.0', conflicted: false });
    expect(await call(ana, 'conflicts.list', {})).toEqual([]);
    const history = await call(ana, 'claims.history', { id: c0 });
    expect(history.some((e) => e.field === 'rationale' && (e.to === '' || e.to === null))).toBe(false);
    expect(history.slice(-2).map((e) => describeChange(e))).toEqual([
      { summary: 'Ana settled the conflict: kept Ana’s verdict, Sourced', detail: 'was Disputed' },
      { summary: 'Ana settled the conflict: kept Ana’s rationale', detail: '“Eurostat table 3 says 5.0”' },
    ]);
    await expect(call(ana, 'conflicts.keep', { claimId: c0, actorId: conflict!.sides[0]!.actorId })).rejects.toThrow(
      /no open conflict/,
    );
  });

  it('keeping the side already shown is recorded as settling the conflict', async () => {
    const dir = tempDir();
    const { ctxs, claimIds } = await team(dir, ['Ana', 'Ben']);
    const [ana, ben] = ctxs as [TestContext, TestContext];
    const c0 = claimIds[0]!;
    await decideInTwoEdits(ana, c0, 'sourced', 'Registry entry');
    await clockMovesOn();
    await decideInTwoEdits(ben, c0, 'disputed', 'Entry is from 2019');
    await shareInto(dir, ben, ana, 'ben');
    const [conflict] = await call(ana, 'conflicts.list', {});
    const shown = conflict!.sides.find((s) => s.shown.length > 0)!;
    expect(shown.author).toBe('Ben');
    await call(ana, 'conflicts.keep', { claimId: c0, actorId: shown.actorId });
    const last = (await call(ana, 'claims.history', { id: c0 })).slice(-2).map((e) => describeChange(e));
    expect(last).toEqual([
      { summary: 'Ana settled the conflict: kept Ben’s verdict, Disputed', detail: null },
      { summary: 'Ana settled the conflict: kept Ben’s rationale', detail: '“Entry is from 2019”' },
    ]);
  });

  it('shows no rationale on the side of a person who decided without one, even when a teammate’s rationale stands', async () => {
    const dir = tempDir();
    const { ctxs, claimIds } = await team(dir, ['Ana', 'Ben']);
    const [ana, ben] = ctxs as [TestContext, TestContext];
    const c0 = claimIds[0]!;
    await decideInTwoEdits(ana, c0, 'sourced', 'Registry entry');
    await clockMovesOn();
    await call(ben, 'claims.setVerdict', { ids: [c0], verdict: 'disputed' });
    await shareInto(dir, ben, ana, 'ben');

    const [conflict] = await call(ana, 'conflicts.list', {});
    expect(conflict!.fields).toEqual(['verdict']);
    // Ana's rationale is not in conflict, yet it is hers: Ben decided without it.
    expect(conflict!.sides.map((s) => [s.author, s.verdict, s.rationale, s.keeps, s.own])).toEqual([
      ['Ana', 'sourced', 'Registry entry', ['verdict', 'rationale'], ['verdict', 'rationale']],
      ['Ben', 'disputed', '', ['verdict', 'rationale'], ['verdict']],
    ]);
    // Ben's verdict is the later one, so the claim shows Ben's whole decision.
    const shown = await call(ana, 'claims.get', { id: c0 });
    expect([shown.verdict, shown.rationale]).toEqual(['disputed', '']);
    const kept = await call(ana, 'conflicts.keep', { claimId: c0, actorId: conflict!.sides[0]!.actorId });
    expect([kept.verdict, kept.rationale, kept.conflicted]).toEqual(['sourced', 'Registry entry', false]);
  });

  it('keeping a side writes that person’s whole decision and settles the claim, with three people', async () => {
    const dir = tempDir();
    const { ctxs, claimIds } = await team(dir, ['Ana', 'Ben', 'Cara']);
    const [ana, ben, cara] = ctxs as [TestContext, TestContext, TestContext];
    const c0 = claimIds[0]!;
    await call(ana, 'claims.setVerdict', { ids: [c0], verdict: 'sourced' });
    await decideInTwoEdits(ben, c0, 'disputed', 'Wrong month');
    await call(cara, 'claims.update', { id: c0, patch: { rationale: 'Figure is from April' } });
    await shareInto(dir, ben, ana, 'ben');
    await shareInto(dir, cara, ana, 'cara');

    const [conflict] = await call(ana, 'conflicts.list', {});
    expect(conflict!.fields).toEqual(['verdict', 'rationale']);
    const sides = Object.fromEntries(conflict!.sides.map((s) => [s.author, s]));
    expect([sides.Ana!.verdict, sides.Ana!.rationale, sides.Ana!.own]).toEqual(['sourced', '', ['verdict']]);
    expect([sides.Ben!.verdict, sides.Ben!.rationale]).toEqual(['disputed', 'Wrong month']);
    // Cara never set a verdict: her side holds the one she had, not a teammate's.
    expect([sides.Cara!.verdict, sides.Cara!.rationale, sides.Cara!.own]).toEqual([null, 'Figure is from April', ['rationale']]);
    const kept = await call(ana, 'conflicts.keep', { claimId: c0, actorId: sides.Ana!.actorId });
    expect([kept.verdict, kept.rationale, kept.conflicted]).toEqual(['sourced', '', false]);
    expect(await call(ana, 'conflicts.list', {})).toEqual([]);
  });
});

type Op =
  | { kind: 'verdict'; who: number; claim: number; verdict: Verdict }
  | { kind: 'rationale'; who: number; claim: number; text: string }
  | { kind: 'exchange'; from: number; to: number };

const opArb = (people: number): fc.Arbitrary<Op> => {
  const who = fc.nat(people - 1);
  const claim = fc.nat(1);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('verdict' as const),
        who,
        claim,
        verdict: fc.constantFrom<Verdict>('sourced', 'disputed', 'unverified'),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('rationale' as const),
        who,
        claim,
        text: fc.constantFrom('per the registry', 'no source', 'see note', ''),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('exchange' as const), from: who, to: who }) },
  );
};

const scenarioArb = fc.integer({ min: 2, max: 4 }).chain((people) =>
  fc.record({
    people: fc.constant(people),
    ops: fc.array(opArb(people), { minLength: 2, maxLength: 16 }),
    mergeOrder: fc.shuffledSubarray([...Array(people).keys()], { minLength: people, maxLength: people }),
    picks: fc.array(fc.nat(3), { minLength: 2, maxLength: 2 }),
  }),
);

describe('conflict sides over random histories', () => {
  it('after keeping any side, the claim reads exactly as that side was shown', async () => {
    let kept = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ people, ops, mergeOrder, picks }) => {
        const dir = tempDir('claimbench-sides-');
        try {
          const { ctxs, claimIds } = await team(
            dir,
            Array.from({ length: people }, (_, i) => `P${i}`),
          );
          for (const op of ops) {
            if (op.kind === 'verdict')
              await call(ctxs[op.who]!, 'claims.setVerdict', { ids: [claimIds[op.claim]], verdict: op.verdict });
            else if (op.kind === 'rationale')
              await call(ctxs[op.who]!, 'claims.update', { id: claimIds[op.claim]!, patch: { rationale: op.text } });
            else if (op.from !== op.to) exchange(ctxs[op.from]!, ctxs[op.to]!);
          }
          const target = teammate(dir, 'Merger');
          for (const i of mergeOrder) exchange(ctxs[i]!, target);
          // The decision shown follows from the log alone, not from the order the changes came in.
          const other = teammate(dir, 'Other');
          for (const i of [...mergeOrder].reverse()) exchange(ctxs[i]!, other);
          const [a, b] = [snapshot(target.workspace.db), snapshot(other.workspace.db)];
          expect(b.claims).toEqual(a.claims);
          expect(b.conflicts).toEqual(a.conflicts);
          expect(await call(other, 'conflicts.list', {})).toEqual(await call(target, 'conflicts.list', {}));

          const log = target.workspace.db.prepare(
            "SELECT value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = ? AND actor_id = ? ORDER BY hlc DESC LIMIT 1",
          );
          for (const [n, conflict] of (await call(target, 'conflicts.list', {})).entries()) {
            expect(conflict.sides.length).toBeGreaterThanOrEqual(2);
            // Until someone decides, the claim shows one side's whole decision, never a mix of two.
            const shown = conflict.sides.filter((s) => s.shown.length > 0);
            expect(shown).toHaveLength(1);
            // Whichever field clashes, the claim (and the side marked shown) is that person's whole decision.
            const before = await call(target, 'claims.get', { id: conflict.claimId });
            expect([before.verdict, before.rationale]).toEqual([shown[0]!.verdict, shown[0]!.rationale]);
            for (const side of conflict.sides) {
              expect(side.keeps).toEqual(['verdict', 'rationale']);
              expect(side.own.length).toBeGreaterThan(0);
              // A side's own value is that person's latest change of the field, however the edits were split.
              for (const field of side.own) {
                const latest = log.pluck().get(conflict.claimId, field, side.actorId) as string;
                expect(field === 'verdict' ? side.verdict : side.rationale).toEqual(JSON.parse(latest));
              }
            }
            const side = conflict.sides[(picks[n] ?? 0) % conflict.sides.length]!;
            const claim = await call(target, 'conflicts.keep', { claimId: conflict.claimId, actorId: side.actorId });
            expect([claim.verdict, claim.rationale]).toEqual([side.verdict, side.rationale]);
            expect(await call(target, 'conflicts.list', { claimId: conflict.claimId })).toEqual([]);
            kept++;
          }
        } finally {
          for (const c of open.splice(0)) c.workspace.close();
        }
      }),
      { numRuns: 40 },
    );
    expect(kept).toBeGreaterThan(5);
  }, 240_000);
});

describe('each side shows the sources its person attached', () => {
  it('lists a side’s own sources with who added them, and none of the other person’s', async () => {
    const dir = tempDir();
    const { ctxs, claimIds } = await team(dir, ['Ana', 'Ben']);
    const [ana, ben] = ctxs as [TestContext, TestContext];
    const c0 = claimIds[0]!;
    await call(ana, 'sources.add', { claimId: c0, url: 'https://eurostat.example.org/t3', title: 'Eurostat table 3', stance: 'supports' });
    await decideInTwoEdits(ana, c0, 'sourced', 'Eurostat table 3 says 5.0');
    await clockMovesOn();
    await call(ben, 'sources.add', { claimId: c0, url: null, title: 'Ministry release, 2 June', stance: 'contradicts' });
    await decideInTwoEdits(ben, c0, 'disputed', 'Ministry release says 4.1');
    await shareInto(dir, ben, ana, 'ben');

    const [conflict] = await call(ana, 'conflicts.list', {});
    const byAuthor = new Map(conflict!.sides.map((s) => [s.author, s.sources.map((x) => [x.title, x.url, x.addedBy])]));
    expect(byAuthor.get('Ana')).toEqual([['Eurostat table 3', 'https://eurostat.example.org/t3', 'Ana']]);
    expect(byAuthor.get('Ben')).toEqual([['Ministry release, 2 June', null, 'Ben']]);
  });
});
