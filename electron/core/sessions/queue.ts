/**
 * A session's queue: which claims, in what state, and in what order. Local to this person's copy.
 * Order: check-worthiness (highest first), then document order (documents by when they were
 * added, claims by position). Claims the checker captured by hand rank as fully check-worthy.
 */
import type { QueueAction, QueueItem, QueuePage, QueueState } from '../../../shared/sessions';
import { NOT_REVIEWED, type Verdict } from '../../../shared/domain';
import { CLAIM_COLUMNS, claimFromRow, type ClaimRow } from '../claims/rows';
import { claimConditions, type ClaimFilters } from '../search/claim-filter';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { DECIDED_ELSEWHERE, ITEM_STATE, queueCounts } from './rows';
import { ofDocuments } from '../claims/of-document';

export const QUEUE_ORDER = 'i.rank_score DESC, i.doc_rank, i.ordinal, i.claim_id';
/** Manual claims have no document: they sort after every document's claims. */
const NO_DOCUMENT_RANK = '\uffff';

const ITEM_COLUMNS = `${ITEM_STATE} AS state, i.added_at, i.decided_at, i.time_ms, i.speaker, i.captured_at`;

interface ItemRow extends ClaimRow {
  state: QueueState;
  added_at: string;
  decided_at: string | null;
  time_ms: number;
  speaker: string | null;
  captured_at: string | null;
}

/** Put every live claim matching the scope into the queue, in one statement. Returns how many. */
export function enqueueScope(
  db: DB,
  sessionId: string,
  scope: ClaimFilters & { documentIds?: string[]; includeDecided?: boolean },
  addedAt: string,
): number {
  const { documentIds, includeDecided, ...filters } = scope;
  // Work already done stays done: unless asked, a new queue holds only claims nobody has decided.
  const { parts, params } = claimConditions(includeDecided || filters.verdict ? filters : { ...filters, verdict: NOT_REVIEWED });
  if (documentIds) {
    parts.push(ofDocuments('c.document_id'));
    params.push(JSON.stringify(documentIds));
  }
  return db
    .prepare(
      `INSERT OR IGNORE INTO session_items (session_id, claim_id, state, rank_score, doc_rank, ordinal, added_at)
       SELECT ?, c.id, 'pending', coalesce(c.score, 0), coalesce(d.created_at || d.id, '${NO_DOCUMENT_RANK}'), c.ordinal, ?
       FROM claims c LEFT JOIN documents d ON d.id = c.document_id WHERE ${parts.join(' AND ')}`,
    )
    .run(sessionId, addedAt, ...params).changes;
}

export interface NewQueueItem {
  claimId: string;
  score: number | null;
  documentId: string | null;
  ordinal: number;
  byHand: boolean;
  speaker: string | null;
  capturedAt: string | null;
}

export function enqueueClaim(db: DB, sessionId: string, item: NewQueueItem, addedAt: string): void {
  const docRank = item.documentId
    ? ((prepared(db, 'SELECT created_at || id FROM documents WHERE id = ?').pluck().get(item.documentId) as string | undefined) ??
      NO_DOCUMENT_RANK)
    : NO_DOCUMENT_RANK;
  prepared(
    db,
    `INSERT OR IGNORE INTO session_items (session_id, claim_id, state, rank_score, doc_rank, ordinal, added_at, speaker, captured_at)
     VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?)`,
  ).run(
    sessionId,
    item.claimId,
    item.byHand ? 1 : (item.score ?? 0),
    docRank,
    item.ordinal,
    addedAt,
    item.speaker,
    item.capturedAt,
  );
}

export function listQueue(db: DB, sessionId: string, opts: { state?: QueueState; offset?: number; limit?: number }): QueuePage {
  const offset = opts.offset ?? 0;
  const stateClause = opts.state ? `AND ${ITEM_STATE} = ?` : '';
  const rows = prepared(
    db,
    `SELECT ${CLAIM_COLUMNS}, ${ITEM_COLUMNS} FROM session_items i JOIN claims c ON c.id = i.claim_id AND c.deleted = 0
     WHERE i.session_id = ? ${stateClause} ORDER BY ${QUEUE_ORDER} LIMIT ? OFFSET ?`,
  ).all(sessionId, ...(opts.state ? [opts.state] : []), opts.limit ?? 200, offset) as ItemRow[];
  const counts = queueCounts(db, sessionId);
  const items: QueueItem[] = rows.map((r, i) => ({
    claim: claimFromRow(r),
    state: r.state,
    position: offset + i,
    addedAt: r.added_at,
    decidedAt: r.decided_at,
    timeMs: Math.round(r.time_ms),
    speaker: r.speaker,
    capturedAt: r.captured_at,
  }));
  return { items, total: opts.state ? counts[opts.state] : counts.total, counts };
}

export function isQueued(db: DB, sessionId: string, claimId: string): boolean {
  return prepared(db, 'SELECT 1 FROM session_items WHERE session_id = ? AND claim_id = ?').get(sessionId, claimId) !== undefined;
}

/** The claim to show next: the first still to check, else the first skipped one, never `exclude`. */
export function nextInQueue(db: DB, sessionId: string, exclude: string | null): string | null {
  for (const state of ['pending', 'skipped'] as const) {
    const id = prepared(
      db,
      `SELECT i.claim_id FROM session_items i JOIN claims c ON c.id = i.claim_id AND c.deleted = 0
       WHERE i.session_id = ? AND i.state = ? AND i.claim_id IS NOT ? AND NOT ${DECIDED_ELSEWHERE}
       ORDER BY ${QUEUE_ORDER} LIMIT 1`,
    )
      .pluck()
      .get(sessionId, state, exclude) as string | undefined;
    if (id) return id;
  }
  return null;
}

const ACTION_STATE: Record<QueueAction, QueueState> = { done: 'done', skip: 'skipped', later: 'later', reopen: 'pending' };

export function setItemState(
  db: DB,
  sessionId: string,
  claimId: string,
  action: QueueAction,
  at: string,
  verdict: Verdict | null,
): void {
  const state = ACTION_STATE[action];
  prepared(db, 'UPDATE session_items SET state = ?, decided_at = ?, verdict = ? WHERE session_id = ? AND claim_id = ?').run(
    state,
    state === 'pending' ? null : at,
    state === 'done' ? verdict : null,
    sessionId,
    claimId,
  );
}
