import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { isConflictField } from '../../../electron/core/store/causal';
import type { ChangeRow } from '../../../electron/core/store/change-row';
import { mergeChanges } from '../../../electron/core/team/merge';
import { readShareFile } from '../../../electron/core/team/read-share';
import { formatHlc, randomNodeId } from '../../../shared/hlc';
import { tempDir } from '../../helpers/workspace';
import { changeRows, exchange, person, snapshot, type TestContext } from './team-helpers';
import { rowSignatureMatches } from '../../../electron/core/team/row-signature';
import { mergePreviewed } from '../../helpers/merge';
import { assertTablesMatchLog } from '../../helpers/tables-match-log';

/**
 * Random concurrent histories of 2–4 people on real workspace files. The test keeps its own model
 * of who had merged what when (knowledge sets), independent of the causal links the store records,
 * and derives the conflicts that must exist from it.
 */
type Op =
  | { kind: 'verdict'; who: number; claim: number; verdict: 'sourced' | 'disputed' | 'unverified'; rationale: string | null }
  | { kind: 'rationale'; who: number; claim: number; text: string }
  | { kind: 'text'; who: number; claim: number; text: string }
  | { kind: 'delete'; who: number; claim: number }
  | { kind: 'tag'; who: number; claim: number; add: string[]; remove: string[] }
  | { kind: 'add'; who: number }
  /** A teammate's change stamped FFFF a minute ahead reaches this person's clock; their next write must still work. */
  | { kind: 'overflow'; who: number }
  | { kind: 'exchange'; from: number; to: number };

const CLAIMS = 3;
const opArb = (people: number): fc.Arbitrary<Op> => {
  const who = fc.nat(people - 1);
  const claim = fc.nat(CLAIMS - 1);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('verdict' as const),
        who,
        claim,
        verdict: fc.constantFrom('sourced' as const, 'disputed' as const, 'unverified' as const),
        rationale: fc.option(fc.constantFrom('per the registry', 'no source', 'see note'), { nil: null }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ kind: fc.constant('rationale' as const), who, claim, text: fc.constantFrom('a', 'b', 'c') }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('text' as const), who, claim, text: fc.constantFrom('Claim one', 'Claim two') }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), who, claim }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('tag' as const),
        who,
        claim,
        add: fc.subarray(['red', 'blue', 'green']),
        remove: fc.subarray(['red', 'blue', 'green']),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('add' as const), who }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('overflow' as const), who }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('exchange' as const), from: who, to: who }) },
  );
};

const scenarioArb = fc
  .integer({ min: 2, max: 4 })
  .chain((people) => fc.record({ people: fc.constant(people), ops: fc.array(opArb(people), { minLength: 1, maxLength: 14 }) }));

interface Model {
  known: Set<string>[];
  /** For each change: the same-field changes its writer knew when writing it. */
  seen: Map<string, Set<string>>;
}

function fieldKey(r: ChangeRow): string {
  return `${r.entity}\u0000${r.entity_id}\u0000${r.field}`;
}

function expectedConflicts(rows: ChangeRow[], model: Model): string[] {
  const byField = new Map<string, ChangeRow[]>();
  for (const r of rows) {
    if (!isConflictField(r.entity, r.field)) continue;
    byField.set(fieldKey(r), [...(byField.get(fieldKey(r)) ?? []), r]);
  }
  const out: string[] = [];
  for (const [key, changes] of byField) {
    const heads = changes.filter((c) => !changes.some((o) => o !== c && model.seen.get(o.hlc)!.has(c.hlc)));
    if (new Set(heads.map((h) => h.value)).size > 1) out.push(key);
  }
  return out.sort();
}

/** A real share file, read and validated, merged without the backup copy (team.merge is covered elsewhere). */
function mergeFile(target: TestContext, file: string): void {
  const contents = readShareFile(file);
  mergeChanges(target.workspace, { file, rows: contents.rows, blobs: contents.blobs, keys: contents.keys }, true);
}

async function play(dir: string, people: number, ops: Op[]) {
  const ctxs = Array.from({ length: people }, (_, i) => person(dir, `Person ${i}`));
  const model: Model = { known: ctxs.map(() => new Set()), seen: new Map() };
  const learnOwn = (i: number, before: Set<string>) => {
    const mine = model.known[i]!;
    const all = changeRows(ctxs[i]!.workspace.db);
    for (const r of all) {
      if (before.has(r.hlc)) continue;
      // What the writer knew of this field at the time: everything it knew before this action.
      model.seen.set(r.hlc, new Set(all.filter((o) => mine.has(o.hlc) && fieldKey(o) === fieldKey(r)).map((o) => o.hlc)));
    }
    for (const r of all) mine.add(r.hlc);
  };
  const write = async (i: number, fn: (ctx: TestContext) => Promise<unknown>) => {
    const before = new Set(model.known[i]);
    await fn(ctxs[i]!).catch(() => undefined); // e.g. editing a claim this person has deleted
    learnOwn(i, before);
  };

  const seed = await call(ctxs[0]!, 'documents.createFromText', {
    text: 'Prices rose 5 percent in May. The dam holds 2 million cubic metres. Crime fell by a third, police said.',
  });
  learnOwn(0, new Set());
  const claimIds = (await call(ctxs[0]!, 'claims.list', { documentId: seed.document.id })).items.map((c) => c.id);
  expect(claimIds.length).toBe(CLAIMS);
  for (let i = 1; i < people; i++) {
    exchange(ctxs[0]!, ctxs[i]!);
    for (const h of model.known[0]!) model.known[i]!.add(h);
  }

  for (const op of ops) {
    switch (op.kind) {
      case 'verdict':
        await write(op.who, (c) =>
          call(c, 'claims.setVerdict', { ids: [claimIds[op.claim]], verdict: op.verdict, rationale: op.rationale ?? undefined }),
        );
        break;
      case 'rationale':
        await write(op.who, (c) => call(c, 'claims.update', { id: claimIds[op.claim], patch: { rationale: op.text } }));
        break;
      case 'text':
        await write(op.who, (c) => call(c, 'claims.update', { id: claimIds[op.claim], patch: { text: op.text } }));
        break;
      case 'delete':
        await write(op.who, (c) => call(c, 'claims.delete', { ids: [claimIds[op.claim]] }));
        break;
      case 'tag':
        await write(op.who, (c) => call(c, 'claims.tag', { ids: [claimIds[op.claim]], add: op.add, remove: op.remove }));
        break;
      case 'add':
        await write(op.who, (c) => call(c, 'claims.add', { text: `Added by ${op.who}`, documentId: seed.document.id }));
        break;
      case 'overflow': {
        const c = ctxs[op.who]!;
        c.workspace.clock.receive(formatHlc({ millis: Date.now() + 60_000, counter: 0xffff, node: randomNodeId() }));
        const before = new Set(model.known[op.who]);
        // Not through write(), which forgives failures: this one must succeed.
        await call(c, 'claims.add', { text: `After the clock jump ${op.who}`, documentId: seed.document.id });
        learnOwn(op.who, before);
        break;
      }
      case 'exchange':
        if (op.from === op.to) break;
        exchange(ctxs[op.from]!, ctxs[op.to]!);
        for (const h of model.known[op.from]!) model.known[op.to]!.add(h);
        break;
    }
  }
  return { ctxs, model };
}

describe('merge properties over random concurrent histories', () => {
  it('every merge order gives the same workspace, nothing is lost, and exactly the concurrent clashes conflict', async () => {
    let withConflicts = 0;
    let withoutConflicts = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.context(), async ({ people, ops }, log) => {
        const dir = tempDir('claimbench-prop-');
        const { ctxs, model } = await play(dir, people, ops);
        const opened: TestContext[] = [...ctxs];
        try {
          const union = new Map<string, ChangeRow>();
          for (const c of ctxs) for (const r of changeRows(c.workspace.db)) union.set(r.hlc, r);
          const expected = expectedConflicts([...union.values()], model);

          // Real share files, merged into fresh workspaces in every rotation and in reverse.
          const shares = await Promise.all(
            ctxs.map((c, i) => call(c, 'team.share', { target: path.join(dir, `p${i}.claimbench-share`) })),
          );
          const orders = ctxs.map((_, k) => ctxs.map((__, i) => (i + k) % people));
          orders.push([...orders[0]!].reverse());
          let reference: Record<string, unknown[]> | null = null;
          for (const [n, order] of orders.entries()) {
            const target = person(dir, `Merger ${n}`);
            opened.push(target);
            for (const i of order) mergeFile(target, shares[i]!.path);
            const snap = snapshot(target.workspace.db);
            if (reference === null) {
              reference = snap;
              // Concurrent tags merged as a set are what a replay of the log gives.
              assertTablesMatchLog(target.workspace);
            }
            else expect(snap).toEqual(reference);
            // Idempotent: merging a file again changes nothing.
            await mergePreviewed(target, shares[order[0]!]!.path);
            expect(snapshot(target.workspace.db)).toEqual(reference);
          }
          // Associative: (A+B)+C equals A+(B+C), through real share files of the partial merges.
          if (people >= 3) {
            const ab = person(dir, 'AB');
            const bc = person(dir, 'BC');
            opened.push(ab, bc);
            for (const i of [0, 1]) mergeFile(ab, shares[i]!.path);
            for (const i of [1, 2]) mergeFile(bc, shares[i]!.path);
            const left = person(dir, 'Left');
            const right = person(dir, 'Right');
            opened.push(left, right);
            await mergePreviewed(left, (await call(ab, 'team.share', { target: path.join(dir, 'ab') })).path);
            mergeFile(left, shares[2]!.path);
            mergeFile(right, shares[0]!.path);
            await mergePreviewed(right, (await call(bc, 'team.share', { target: path.join(dir, 'bc') })).path);
            expect(snapshot(left.workspace.db)).toEqual(snapshot(right.workspace.db));
          }
          // A person's own workspace, after merging everyone, is the same as the merged copies.
          for (let i = 1; i < people; i++) await mergePreviewed(ctxs[0]!, shares[i]!.path);
          expect(snapshot(ctxs[0]!.workspace.db)).toEqual(reference);

          // Nothing lost: the merged log is exactly the union of everyone's changes.
          const merged = reference!.changes as ChangeRow[];
          expect(merged.map((r) => r.hlc)).toEqual([...union.keys()].sort());
          // Every change is signed and verifies under its author's pinned key, the same everywhere.
          const pins = new Map(
            (reference!.actor_keys as { actor_id: string; public_key: string }[]).map((k) => [k.actor_id, k.public_key]),
          );
          expect([...pins.keys()].sort()).toEqual([...new Set(merged.map((r) => r.actor_id))].sort());
          for (const r of merged) expect(rowSignatureMatches(r, pins.get(r.actor_id)!)).toBe(true);
          // Exactly the concurrent clashes (per the model of who had seen what) are conflicts.
          const actual = (reference!.conflicts as { entity: string; entity_id: string; field: string }[])
            .map((c) => `${c.entity}\u0000${c.entity_id}\u0000${c.field}`)
            .sort();
          log.log(`people=${people} ops=${ops.length} changes=${merged.length} conflicts=${actual.length}`);
          expect(actual).toEqual(expected);
          if (actual.length > 0) withConflicts++;
          else withoutConflicts++;
        } finally {
          for (const c of opened) c.workspace.close();
        }
      }),
      { numRuns: 50 },
    );
    // The histories must actually exercise both outcomes, or the property above proves little.
    expect(withConflicts).toBeGreaterThan(5);
    expect(withoutConflicts).toBeGreaterThan(5);
  }, 240_000);
});
