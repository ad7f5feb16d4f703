import { VERDICTS, type Verdict } from '../../../shared/domain';
import type { NewClaimContents } from '../../../shared/team';
import { LOG_CHUNK } from '../store/entity-logs';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

interface ContentsRow {
  id: string;
  verdict: string | null;
  sources: number;
  notes: number;
  attachments: number;
}

/**
 * What each claim the merge adds arrives with, read from the merged state: the verdict its author
 * gave it and how much evidence comes along, so whoever merges sees a teammate's decision on it.
 * A few hundred claims per query; a claim not found arrives with nothing.
 */
export function newClaimContents(db: DB, claimIds: readonly string[]): Map<string, NewClaimContents> {
  const select = prepared(
    db,
    `SELECT c.id AS id, c.verdict AS verdict,
       (SELECT count(*) FROM sources s WHERE s.claim_id = c.id AND s.deleted = 0) AS sources,
       (SELECT count(*) FROM notes n WHERE n.claim_id = c.id AND n.deleted = 0) AS notes,
       (SELECT count(*) FROM attachments a WHERE a.claim_id = c.id AND a.deleted = 0) AS attachments
     FROM claims c WHERE c.id IN (SELECT value FROM json_each(?))`,
  );
  const found = new Map<string, ContentsRow>();
  for (let at = 0; at < claimIds.length; at += LOG_CHUNK) {
    for (const row of select.all(JSON.stringify(claimIds.slice(at, at + LOG_CHUNK))) as ContentsRow[]) found.set(row.id, row);
  }
  return new Map(
    claimIds.map((id) => {
      const row = found.get(id);
      const verdict = (VERDICTS as readonly (string | null)[]).includes(row?.verdict ?? null) ? (row!.verdict as Verdict) : null;
      return [id, { verdict, sources: row?.sources ?? 0, notes: row?.notes ?? 0, attachments: row?.attachments ?? 0 }];
    }),
  );
}
