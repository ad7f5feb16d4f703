import type { Claim, ScoreReason, TextAnchor, Verdict } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';

export const CLAIM_COLUMNS = `c.id, c.document_id, c.ordinal, c.text, c.anchor, c.claimant, c.score, c.reasons, c.verdict,
  c.rationale, c.assignee, c.tags, c.created_at, c.created_by, c.updated_at, c.updated_by,
  EXISTS (SELECT 1 FROM conflicts k WHERE k.entity_id = c.id AND k.entity = 'claim') AS conflicted`;

export interface ClaimRow {
  id: string;
  document_id: string | null;
  ordinal: number;
  text: string;
  anchor: string | null;
  claimant: string | null;
  score: number | null;
  reasons: string;
  verdict: Verdict | null;
  rationale: string;
  assignee: string | null;
  tags: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  conflicted: number;
}

export function claimFromRow(r: ClaimRow): Claim {
  return {
    id: r.id,
    documentId: r.document_id,
    ordinal: r.ordinal,
    text: r.text,
    anchor: r.anchor ? (JSON.parse(r.anchor) as TextAnchor) : null,
    claimant: r.claimant,
    score: r.score,
    reasons: JSON.parse(r.reasons || '[]') as ScoreReason[],
    verdict: r.verdict,
    rationale: r.rationale,
    assignee: r.assignee,
    tags: JSON.parse(r.tags || '[]') as string[],
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    conflicted: r.conflicted === 1,
  };
}

export function loadClaim(db: DB, id: string): Claim {
  const row = db.prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = ? AND c.deleted = 0`).get(id) as
    ClaimRow | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No claim with id ${id}`);
  return claimFromRow(row);
}

/** A document's live claims in reading order. */
export function documentClaims(db: DB, documentId: string): Claim[] {
  return (
    db
      .prepare(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.deleted = 0 AND c.document_id = ? ORDER BY c.ordinal, c.id`)
      .all(documentId) as ClaimRow[]
  ).map(claimFromRow);
}
