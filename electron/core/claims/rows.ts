import type { Claim } from '../../../shared/domain';
import type { StoredRow } from '../../../shared/entities/registry';
import { ClaimbenchError } from '../../../shared/result';
import { columnsOf, recordFromRow } from '../store/entity-rows';
import type { DB } from '../store/open';
import { ofDocument } from './of-document';

export const CLAIM_COLUMNS = `${columnsOf('claim', { alias: 'c' })},
  EXISTS (SELECT 1 FROM conflicts k WHERE k.entity_id = c.id AND k.entity = 'claim') AS conflicted`;

export type ClaimRow = StoredRow<'claim'> & { conflicted: number };

export function claimFromRow(r: ClaimRow): Claim {
  const { deleted: _deleted, ...claim } = recordFromRow('claim', r);
  return { ...claim, conflicted: r.conflicted === 1 };
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
      .prepare(
        `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.deleted = 0 AND ${ofDocument('c.document_id')} ORDER BY c.ordinal, c.id`,
      )
      .all(documentId) as ClaimRow[]
  ).map(claimFromRow);
}
