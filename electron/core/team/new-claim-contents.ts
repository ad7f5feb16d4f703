import { VERDICTS, type Verdict } from '../../../shared/domain';
import type { NewClaimContents } from '../../../shared/team';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

/**
 * What a claim the merge adds arrives with, read from the merged state: the verdict its author
 * gave it and how much evidence comes along, so whoever merges sees a teammate's decision on it.
 */
export function newClaimContents(db: DB, claimId: string): NewClaimContents {
  const row = prepared(
    db,
    `SELECT c.verdict AS verdict,
       (SELECT count(*) FROM sources s WHERE s.claim_id = c.id AND s.deleted = 0) AS sources,
       (SELECT count(*) FROM notes n WHERE n.claim_id = c.id AND n.deleted = 0) AS notes,
       (SELECT count(*) FROM attachments a WHERE a.claim_id = c.id AND a.deleted = 0) AS attachments
     FROM claims c WHERE c.id = ?`,
  ).get(claimId) as { verdict: string | null; sources: number; notes: number; attachments: number } | undefined;
  const verdict = (VERDICTS as readonly (string | null)[]).includes(row?.verdict ?? null) ? (row!.verdict as Verdict) : null;
  return { verdict, sources: row?.sources ?? 0, notes: row?.notes ?? 0, attachments: row?.attachments ?? 0 };
}
