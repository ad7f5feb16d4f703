import { VERDICTS, type Verdict } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import { CONFLICT_FIELDS, type ConflictField, type ConflictInfo, type ConflictSide } from '../../../shared/team';
import type { StoredRow } from '../../../shared/entities/registry';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { prepared } from '../store/statements';
import type { Workspace } from '../store/workspace';
import { fieldHeads } from '../store/causal';

interface HeadRow {
  hlc: string;
  actor_id: string;
  author: string;
  value: string | null;
}

type ClaimRow = Pick<StoredRow<'claim'>, 'id' | 'text' | 'document_id' | 'verdict' | 'rationale'>;

/** A side as listed, plus the raw values keeping it writes (what the log holds, not a display form). */
interface SideWithValues {
  side: ConflictSide;
  values: Map<ConflictField, unknown>;
}

function decode(value: string | null): unknown {
  return value === null ? null : (JSON.parse(value) as unknown);
}

function asVerdict(v: unknown): Verdict | null {
  return typeof v === 'string' && (VERDICTS as readonly string[]).includes(v) ? (v as Verdict) : null;
}

function asText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * The sides of one conflicted claim, one per person. A person's value of a field is their head in
 * it: their latest change to the field, still standing because nobody who saw it replaced it. The
 * sides are built per person across both fields, so a verdict and a rationale saved as separate
 * edits (as the detail pane saves them) still show together on that person's side.
 */
function claimSides(db: DB, claim: ClaimRow, fields: ConflictField[]): SideWithValues[] {
  const byHlc = prepared(db, 'SELECT hlc, actor_id, author, value FROM changes WHERE hlc = ?');
  const people = new Map<string, { author: string; last: string; values: Map<ConflictField, unknown>; shown: ConflictField[] }>();
  for (const field of fields) {
    const heads = fieldHeads(db, 'claim', claim.id, field);
    const shownHlc = heads[heads.length - 1]?.hlc;
    for (const h of heads) {
      const row = byHlc.get(h.hlc) as HeadRow;
      let person = people.get(row.actor_id);
      if (!person) {
        person = { author: row.author, last: row.hlc, values: new Map(), shown: [] };
        people.set(row.actor_id, person);
      }
      // Heads come in clock order, so a person's later head (possible only with a copied
      // identity) replaces an earlier one, and the name on their latest change is the one shown.
      if (row.hlc >= person.last) {
        person.last = row.hlc;
        person.author = row.author;
      }
      person.values.set(field, decode(row.value));
      if (row.hlc === shownHlc) person.shown.push(field);
    }
  }
  const current: Record<ConflictField, unknown> = { verdict: claim.verdict, rationale: claim.rationale };
  return [...people.entries()]
    .sort(([, a], [, b]) => (a.last < b.last ? -1 : a.last > b.last ? 1 : 0))
    .map(([actorId, p]) => {
      const value = (f: ConflictField) => (p.values.has(f) ? p.values.get(f) : current[f]);
      return {
        values: p.values,
        side: {
          actorId,
          author: p.author,
          at: hlcTime(p.last),
          verdict: asVerdict(value('verdict')),
          rationale: asText(value('rationale')),
          keeps: fields.filter((f) => p.values.has(f)),
          shown: fields.filter((f) => p.shown.includes(f)),
        },
      };
    });
}

function conflictedClaims(db: DB, claimId?: string): { claim: ClaimRow; fields: ConflictField[] }[] {
  const rows = prepared(
    db,
    `SELECT c.id, c.text, c.document_id, c.verdict, c.rationale, group_concat(k.field) AS fields
       FROM conflicts k JOIN claims c ON c.id = k.entity_id
       WHERE k.entity = 'claim' AND c.deleted = 0 ${claimId ? 'AND k.entity_id = ?' : ''}
       GROUP BY c.id
       ORDER BY c.document_id IS NULL, c.document_id, c.ordinal, c.id`,
  ).all(...(claimId ? [claimId] : [])) as (ClaimRow & { fields: string })[];
  return rows.map(({ fields, ...claim }) => {
    const named = new Set(fields.split(','));
    return { claim, fields: CONFLICT_FIELDS.filter((f) => named.has(f)) };
  });
}

/** Open conflicts on live claims, one entry per claim, in claim order; one side per person. */
export function listConflicts(db: DB, claimId?: string): ConflictInfo[] {
  return conflictedClaims(db, claimId).map(({ claim, fields }) => ({
    claimId: claim.id,
    claimText: claim.text,
    documentId: claim.document_id,
    fields,
    sides: claimSides(db, claim, fields).map((s) => s.side),
  }));
}

function openConflict(db: DB, claimId: string): { claim: ClaimRow; fields: ConflictField[] } {
  const found = conflictedClaims(db, claimId)[0];
  if (!found) throw new ClaimbenchError('NOT_FOUND', `Claim ${claimId} has no open conflict.`);
  return found;
}

/**
 * Keep one person's side: write their value of each conflicted field they hold one in, and
 * nothing else. Writing a conflict field supersedes every head, so those fields are settled; a
 * field the person holds no value in stays in conflict between the others.
 */
export function keepSide(workspace: Workspace, claimId: string, actorId: string): ConflictSide {
  const { claim, fields } = openConflict(workspace.db, claimId);
  const chosen = claimSides(workspace.db, claim, fields).find((s) => s.side.actorId === actorId);
  if (!chosen) throw new ClaimbenchError('NOT_FOUND', `That person has no side in claim ${claimId}'s conflict.`);
  workspace.undo.run(`Keep ${chosen.side.author}’s side`, (w) => {
    for (const field of chosen.side.keeps) w.set('claim', claimId, field, chosen.values.get(field));
  });
  return chosen.side;
}

/** Throws unless the claim has an open conflict. */
export function requireConflict(db: DB, claimId: string): void {
  openConflict(db, claimId);
}

export function conflictKeys(db: DB): Set<string> {
  const rows = prepared(db, 'SELECT entity, entity_id, field FROM conflicts').all() as {
    entity: string;
    entity_id: string;
    field: string;
  }[];
  return new Set(rows.map((r) => `${r.entity}\u0000${r.entity_id}\u0000${r.field}`));
}
