import { VERDICTS, type Verdict } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import {
  CONFLICT_FIELDS,
  type ConflictField,
  type ConflictInfo,
  type ConflictSide,
  type ConflictSideSource,
} from '../../../shared/team';
import type { StoredRow } from '../../../shared/entities/registry';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { prepared } from '../store/statements';
import type { Workspace } from '../store/workspace';
import { conflictDecisions } from '../store/decisions';
import type { EntityLog } from '../store/entity-logs';
import { CREATE_FIELD } from '../store/entities';

type ClaimRow = Pick<StoredRow<'claim'>, 'id' | 'text' | 'document_id' | 'verdict' | 'rationale'>;

function asVerdict(v: unknown): Verdict | null {
  return typeof v === 'string' && (VERDICTS as readonly string[]).includes(v) ? (v as Verdict) : null;
}

function asText(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/**
 * Live sources on a claim that one person attached (their change created the source). The claim's
 * sources lead (CROSS JOIN fixes the order): left to itself the planner walks every change by the
 * person through their actor index, which on a merge of many conflicts reads the whole log each time.
 */
export const SOURCES_ATTACHED_BY_SQL = `SELECT s.id, s.title, s.url, ch.author AS addedBy, s.created_at AS addedAt
       FROM sources s CROSS JOIN changes ch ON ch.entity = 'source' AND ch.entity_id = s.id AND ch.field = ?
       WHERE s.claim_id = ? AND s.deleted = 0 AND ch.actor_id = ?
       ORDER BY s.created_at, s.rowid`;

function sourcesAttachedBy(db: DB, claimId: string, actorId: string): ConflictSideSource[] {
  return prepared(db, SOURCES_ATTACHED_BY_SQL).all(CREATE_FIELD, claimId, actorId) as ConflictSideSource[];
}

/**
 * The sides of one conflicted claim, one per person, each a whole decision: that person's verdict
 * with the rationale they left with it (store/decisions.ts), however the edits were split.
 */
function claimSides(db: DB, claim: ClaimRow, fields: ConflictField[], log?: EntityLog): ConflictSide[] {
  return conflictDecisions(db, claim.id, fields, log).map((d) => ({
    actorId: d.actorId,
    author: d.author,
    at: hlcTime(d.last),
    verdict: asVerdict(d.values.verdict),
    rationale: asText(d.values.rationale),
    keeps: [...CONFLICT_FIELDS],
    own: d.own,
    earlier: CONFLICT_FIELDS.filter((f) => !d.own.includes(f) && d.sources[f]?.actorId === d.actorId),
    // The claim shows this person's whole decision, whichever of its fields clash.
    shown: d.shown ? [...CONFLICT_FIELDS] : [],
    sources: sourcesAttachedBy(db, claim.id, d.actorId),
  }));
}

/** Conflicted live claims with their conflicted fields, in claim order; only the given claims when `claimIds` is given. */
function conflictedClaims(db: DB, claimIds?: readonly string[]): { claim: ClaimRow; fields: ConflictField[] }[] {
  const rows = prepared(
    db,
    `SELECT c.id, c.text, c.document_id, c.verdict, c.rationale, group_concat(k.field) AS fields
       FROM conflicts k JOIN claims c ON c.id = k.entity_id
       WHERE k.entity = 'claim' AND c.deleted = 0 ${claimIds ? 'AND k.entity_id IN (SELECT value FROM json_each(?))' : ''}
       GROUP BY c.id
       ORDER BY c.document_id IS NULL, c.document_id, c.ordinal, c.id`,
  ).all(...(claimIds ? [JSON.stringify(claimIds)] : [])) as (ClaimRow & { fields: string })[];
  return rows.map(({ fields, ...claim }) => {
    const named = new Set(fields.split(','));
    return { claim, fields: CONFLICT_FIELDS.filter((f) => named.has(f)) };
  });
}

/**
 * Open conflicts on live claims, one entry per claim, in claim order; one side per person. `logs`
 * holds claims' change logs already read in this transaction.
 */
export function listConflicts(db: DB, claimId?: string, logs?: ReadonlyMap<string, EntityLog>): ConflictInfo[] {
  return conflictInfos(db, conflictedClaims(db, claimId === undefined ? undefined : [claimId]), logs);
}

/** The open conflicts of these claims (those that have one), in the order the ids are given. */
export function listConflictsOf(db: DB, claimIds: readonly string[], logs?: ReadonlyMap<string, EntityLog>): ConflictInfo[] {
  const order = new Map(claimIds.map((id, i) => [id, i]));
  const found = conflictedClaims(db, claimIds).sort((a, b) => order.get(a.claim.id)! - order.get(b.claim.id)!);
  return conflictInfos(db, found, logs);
}

function conflictInfos(
  db: DB,
  found: readonly { claim: ClaimRow; fields: ConflictField[] }[],
  logs: ReadonlyMap<string, EntityLog> | undefined,
): ConflictInfo[] {
  return found.map(({ claim, fields }) => ({
    claimId: claim.id,
    claimText: claim.text,
    documentId: claim.document_id,
    fields,
    sides: claimSides(db, claim, fields, logs?.get(claim.id)),
  }));
}

function openConflict(db: DB, claimId: string): { claim: ClaimRow; fields: ConflictField[] } {
  const found = conflictedClaims(db, [claimId])[0];
  if (!found) throw new ClaimbenchError('NOT_FOUND', `Claim ${claimId} has no open conflict.`);
  return found;
}

/**
 * Keep one person's side: write their whole decision, the verdict and the rationale exactly as the
 * side shows them. Writing a conflict field supersedes every head, so the conflict is settled.
 */
export function keepSide(workspace: Workspace, claimId: string, actorId: string): ConflictSide {
  const { claim, fields } = openConflict(workspace.db, claimId);
  const chosen = claimSides(workspace.db, claim, fields).find((s) => s.actorId === actorId);
  if (!chosen) throw new ClaimbenchError('NOT_FOUND', `That person has no side in claim ${claimId}'s conflict.`);
  workspace.undo.run(`Keep ${chosen.author}’s side`, (w) => {
    w.set('claim', claimId, 'verdict', chosen.verdict);
    w.set('claim', claimId, 'rationale', chosen.rationale ?? '');
  });
  return chosen;
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
