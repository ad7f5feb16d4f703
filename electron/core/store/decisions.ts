import { CONFLICT_FIELDS, type ConflictField } from '../../../shared/team';
import { fieldHeads } from './causal';
import { CREATE_FIELD, creationValue, entitySpec, fieldSpec, toColumn } from './entities';
import type { DB } from './open';
import { prepared } from './statements';

/**
 * A claim's verdict and its rationale are one decision: whoever's verdict is shown, the rationale
 * shown with it is the one that person left with it. These are the decisions of the people in a
 * claim's open conflict, and which one the claim shows until someone settles it.
 */
export interface PersonDecision {
  actorId: string;
  /** The name on this person's latest change to the decision. */
  author: string;
  /** Clock of this person's latest standing change to the decision. */
  last: string;
  values: Record<ConflictField, unknown>;
  /** Fields whose value is this person's own standing change (a head); the others are inferred. */
  own: ConflictField[];
  /** This person's decision is the one the claim shows until someone decides. */
  shown: boolean;
}

interface ChangeInfo {
  hlc: string;
  actor_id: string;
  author: string;
  value: string | null;
}

const decode = (value: string | null | undefined): unknown =>
  value === null || value === undefined ? null : (JSON.parse(value) as unknown);

/**
 * What a person's decision holds in a field they have no standing change in. The log records only
 * the same field's changes a writer had seen, so this is the best it tells: their own latest value
 * of the field (e.g. a rationale written before a verdict someone else's merge superseded), else
 * the latest value older than their decision that no other person in the conflict holds, else the
 * value the claim was created with. Never another person's standing value: that is their decision.
 */
function inferredValue(
  db: DB,
  claimId: string,
  field: ConflictField,
  person: { actorId: string; last: string },
  othersHeads: ReadonlySet<string>,
): unknown {
  const own = prepared(
    db,
    "SELECT value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = ? AND actor_id = ? ORDER BY hlc DESC LIMIT 1",
  ).get(claimId, field, person.actorId) as { value: string | null } | undefined;
  if (own) return decode(own.value);
  const older = prepared(
    db,
    "SELECT hlc, value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = ? AND hlc < ? ORDER BY hlc DESC",
  ).all(claimId, field, person.last) as { hlc: string; value: string | null }[];
  const seen = older.find((r) => !othersHeads.has(r.hlc));
  if (seen) return decode(seen.value);
  const created = prepared(
    db,
    "SELECT value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = ? ORDER BY hlc LIMIT 1",
  ).get(claimId, CREATE_FIELD) as { value: string | null } | undefined;
  const given = (decode(created?.value) ?? {}) as Record<string, unknown>;
  return field in given ? creationValue('claim', field, given[field]) : (entitySpec('claim').fields[field]?.initial ?? null);
}

interface Person {
  author: string;
  last: string;
  heads: Map<ConflictField, ChangeInfo>;
}

/**
 * One decision per person holding a standing change (a head) in one of the conflicted fields, in
 * the order of their latest such change. The decision shown is the one whose verdict head is the
 * latest, or, when only the rationale clashes, the one whose rationale head is.
 */
export function conflictDecisions(db: DB, claimId: string, conflicted: readonly ConflictField[]): PersonDecision[] {
  const byHlc = prepared(db, 'SELECT hlc, actor_id, author, value FROM changes WHERE hlc = ?');
  const heads = new Map<ConflictField, ChangeInfo[]>();
  for (const field of CONFLICT_FIELDS)
    heads.set(
      field,
      fieldHeads(db, 'claim', claimId, field).map((h) => byHlc.get(h.hlc) as ChangeInfo),
    );
  const people = new Map<string, Person>();
  for (const field of conflicted) {
    for (const h of heads.get(field)!) {
      let person = people.get(h.actor_id);
      if (!person) people.set(h.actor_id, (person = { author: h.author, last: h.hlc, heads: new Map() }));
      if (h.hlc >= person.last) {
        person.last = h.hlc;
        person.author = h.author;
      }
      // Heads come in clock order: a person's later head (possible only with a copied identity) wins.
      person.heads.set(field, h);
    }
  }
  // A head of an unconflicted field that one of these people holds is theirs too.
  for (const field of CONFLICT_FIELDS) {
    if (conflicted.includes(field)) continue;
    for (const h of heads.get(field)!) people.get(h.actor_id)?.heads.set(field, h);
  }
  const shownField: ConflictField = conflicted.includes('verdict') ? 'verdict' : 'rationale';
  const shownHead = heads
    .get(shownField)!
    .filter((h) => people.has(h.actor_id))
    .at(-1);
  const headsOfOthers = (actorId: string, field: ConflictField) =>
    new Set([...people.entries()].flatMap(([id, o]) => (id !== actorId && o.heads.has(field) ? [o.heads.get(field)!.hlc] : [])));
  return [...people.entries()]
    .sort(([, a], [, b]) => (a.last < b.last ? -1 : a.last > b.last ? 1 : 0))
    .map(([actorId, p]) => {
      const value = (field: ConflictField) => {
        const head = p.heads.get(field);
        return head
          ? decode(head.value)
          : inferredValue(db, claimId, field, { actorId, last: p.last }, headsOfOthers(actorId, field));
      };
      return {
        actorId,
        author: p.author,
        last: p.last,
        values: { verdict: value('verdict'), rationale: value('rationale') },
        own: CONFLICT_FIELDS.filter((f) => p.heads.has(f)),
        shown: shownHead?.actor_id === actorId,
      };
    });
}

/** The conflicted fields of a claim, verdict first. */
export function conflictedFields(db: DB, claimId: string): ConflictField[] {
  const named = new Set(
    prepared(db, "SELECT field FROM conflicts WHERE entity = 'claim' AND entity_id = ?").pluck().all(claimId) as string[],
  );
  return CONFLICT_FIELDS.filter((f) => named.has(f));
}

/**
 * Make each claim with a conflicted verdict show one whole decision: the shown person's verdict
 * with that person's rationale, never one person's verdict beside another's rationale (as the
 * latest value of each field on its own could give). Claims without one are left as folded.
 */
export function showWholeDecisions(db: DB, claimIds: Iterable<string>): void {
  const withConflict = new Set(
    prepared(db, "SELECT entity_id FROM conflicts WHERE entity = 'claim' AND field = 'verdict'").pluck().all() as string[],
  );
  if (withConflict.size === 0) return;
  const update = prepared(
    db,
    'UPDATE claims SET verdict = ?, rationale = ? WHERE id = ? AND (verdict IS NOT ? OR rationale IS NOT ?)',
  );
  for (const id of claimIds) {
    if (!withConflict.has(id)) continue;
    const shown = conflictDecisions(db, id, conflictedFields(db, id)).find((d) => d.shown);
    if (!shown) continue;
    const verdict = toColumn(fieldSpec('claim', 'verdict').kind, shown.values.verdict);
    const rationale = toColumn(fieldSpec('claim', 'rationale').kind, shown.values.rationale ?? '');
    update.run(verdict, rationale, id, verdict, rationale);
  }
}
