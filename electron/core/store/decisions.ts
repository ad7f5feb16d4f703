import { CONFLICT_FIELDS, type ConflictField } from '../../../shared/team';
import { headRows, standingChange } from './causal';
import { readEntityLog, type EntityLog } from './entity-logs';
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
  /** The change each value comes from (who set it and when); null for a value nobody set. */
  sources: Record<ConflictField, ValueSource | null>;
  /** Fields whose value is this person's own standing change (a head); the others are inferred. */
  own: ConflictField[];
  /** This person's decision is the one the claim shows until someone decides. */
  shown: boolean;
}

/** The change a value of a decision comes from: a change to the field, or the claim's creation. */
export interface ValueSource {
  hlc: string;
  actorId: string;
  author: string;
  field: ConflictField | typeof CREATE_FIELD;
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
  log: EntityLog,
  field: ConflictField,
  person: { actorId: string; last: string },
  othersHeads: ReadonlySet<string>,
): { value: unknown; source: ValueSource | null } {
  const changes = log.get(field) ?? [];
  const own = changes.findLast((r) => r.actor_id === person.actorId);
  if (own) return { value: decode(own.value), source: { hlc: own.hlc, actorId: own.actor_id, author: own.author, field } };
  const seen = changes.findLast((r) => r.hlc < person.last && !othersHeads.has(r.hlc));
  if (seen) return { value: decode(seen.value), source: { hlc: seen.hlc, actorId: seen.actor_id, author: seen.author, field } };
  const created = log.get(CREATE_FIELD)?.[0];
  const given = (decode(created?.value) ?? {}) as Record<string, unknown>;
  if (field in given) {
    return {
      value: creationValue('claim', field, given[field]),
      source: created ? { hlc: created.hlc, actorId: created.actor_id, author: created.author, field: CREATE_FIELD } : null,
    };
  }
  return { value: entitySpec('claim').fields[field]?.initial ?? null, source: null };
}

/**
 * A field's heads as the changes they stand for: an undo that reopened a conflict re-asserted each
 * side's change (store/causal.ts), and the side is still that change's author's, as it was.
 */
function standingHeads<T extends ChangeInfo & { supersedes: string }>(rows: readonly T[]): T[] {
  const standing = new Map<string, T>();
  for (const head of headRows(rows)) {
    const change = standingChange(rows, head);
    standing.set(change.hlc, change);
  }
  return [...standing.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
}

interface Person {
  author: string;
  last: string;
  heads: Map<ConflictField, ChangeInfo>;
}

/**
 * One decision per person holding a standing change (a head) in one of the conflicted fields, in
 * the order of their latest standing change to either field. The decision shown is the one whose
 * verdict head is the latest when the verdict clashes; when only the rationale does, the one whose
 * latest standing change to the decision is the latest. Both rules read only the heads, which are
 * the same whatever order the changes were merged in. With `onlyShown`, just the shown decision.
 */
export function conflictDecisions(
  db: DB,
  claimId: string,
  conflicted: readonly ConflictField[],
  log: EntityLog = readEntityLog(db, 'claim', claimId),
  onlyShown = false,
): PersonDecision[] {
  const heads = new Map(CONFLICT_FIELDS.map((field) => [field, standingHeads(log.get(field) ?? [])]));
  const people = new Map<string, Person>();
  for (const field of conflicted) {
    for (const h of heads.get(field)!) {
      if (!people.has(h.actor_id)) people.set(h.actor_id, { author: h.author, last: h.hlc, heads: new Map() });
    }
  }
  // Every head these people hold is theirs, in a conflicted field or not. Heads come in clock
  // order: a person's later head in one field (possible only with a copied identity) wins.
  for (const field of CONFLICT_FIELDS) {
    for (const h of heads.get(field)!) {
      const person = people.get(h.actor_id);
      if (!person) continue;
      person.heads.set(field, h);
      if (h.hlc >= person.last) {
        person.last = h.hlc;
        person.author = h.author;
      }
    }
  }
  const byLast = [...people.entries()].sort(([, a], [, b]) => (a.last < b.last ? -1 : a.last > b.last ? 1 : 0));
  const shownActor = conflicted.includes('verdict')
    ? heads
        .get('verdict')!
        .filter((h) => people.has(h.actor_id))
        .at(-1)?.actor_id
    : byLast.at(-1)?.[0];
  const headsOfOthers = (actorId: string, field: ConflictField) =>
    new Set([...people.entries()].flatMap(([id, o]) => (id !== actorId && o.heads.has(field) ? [o.heads.get(field)!.hlc] : [])));
  return (onlyShown ? byLast.filter(([actorId]) => actorId === shownActor) : byLast).map(([actorId, p]) => {
    const valueOf = (field: ConflictField) => {
      const head = p.heads.get(field);
      return head
        ? { value: decode(head.value), source: { hlc: head.hlc, actorId: head.actor_id, author: head.author, field } }
        : inferredValue(log, field, { actorId, last: p.last }, headsOfOthers(actorId, field));
    };
    const verdict = valueOf('verdict');
    const rationale = valueOf('rationale');
    return {
      actorId,
      author: p.author,
      last: p.last,
      values: { verdict: verdict.value, rationale: rationale.value },
      sources: { verdict: verdict.source, rationale: rationale.source },
      own: CONFLICT_FIELDS.filter((f) => p.heads.has(f)),
      shown: shownActor === actorId,
    };
  });
}

/** The decision a claim in conflict shows until someone settles it; undefined for a claim not in conflict. */
export function shownDecision(db: DB, claimId: string, log?: EntityLog): PersonDecision | undefined {
  const fields = conflictedFields(db, claimId);
  return fields.length === 0 ? undefined : conflictDecisions(db, claimId, fields, log, true)[0];
}

/** The conflicted fields of a claim, verdict first. */
export function conflictedFields(db: DB, claimId: string): ConflictField[] {
  const named = new Set(
    prepared(db, "SELECT field FROM conflicts WHERE entity = 'claim' AND entity_id = ?").pluck().all(claimId) as string[],
  );
  return CONFLICT_FIELDS.filter((f) => named.has(f));
}

/** Either part of the claim's decision, its verdict or its rationale, is in conflict. */
export function decisionConflicted(db: DB, claimId: string): boolean {
  return conflictedFields(db, claimId).length > 0;
}

/**
 * The claim columns a claim in conflict shows: the shown person's verdict with that person's
 * rationale, never one person's verdict beside another's rationale (as the latest value of each
 * field on its own could give).
 */
export function wholeDecisionColumns(shown: PersonDecision): Map<string, unknown> {
  return new Map(
    CONFLICT_FIELDS.map((field) => {
      const f = fieldSpec('claim', field);
      return [f.column, toColumn(f.kind, field === 'rationale' ? (shown.values.rationale ?? '') : shown.values[field])];
    }),
  );
}
