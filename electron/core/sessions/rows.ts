/** Reading checking sessions: the logged row plus this person's local queue and cursor. */
import type { CheckSession, QueueCounts, QueueState, SessionScope, SessionSummaryRecord } from '../../../shared/sessions';
import { ClaimbenchError } from '../../../shared/result';
import type { StoredRow } from '../../../shared/entities/registry';
import { columnsOf } from '../store/entity-rows';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

export type SessionRow = StoredRow<'checkSession'>;

const SESSION_COLUMNS = columnsOf('checkSession');

export function findSessionRow(db: DB, id: string): SessionRow | null {
  return (
    (prepared(db, `SELECT ${SESSION_COLUMNS} FROM check_sessions WHERE id = ? AND deleted = 0`).get(id) as
      SessionRow | undefined) ?? null
  );
}

export function loadSessionRow(db: DB, id: string): SessionRow {
  const row = findSessionRow(db, id);
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No checking session with id ${id}`);
  return row;
}

export function listSessionRows(db: DB): SessionRow[] {
  return prepared(
    db,
    `SELECT ${SESSION_COLUMNS} FROM check_sessions WHERE deleted = 0 ORDER BY started_at DESC, id`,
  ).all() as SessionRow[];
}

/** Active time: what was banked at the last pause plus the running stretch. */
export function elapsedMs(row: SessionRow, now: number): number {
  const running = row.status === 'active' && row.resumed_at ? Math.max(0, now - Date.parse(row.resumed_at)) : 0;
  return Math.round(row.elapsed_ms + running);
}

/**
 * A queued claim someone decided outside the session after it was queued (in the claim list, on
 * the command line, or a teammate whose decision arrived by merge). It is settled: the session
 * counts it as done and no longer offers it, as the summary no longer lists it as open.
 * A claim decided before it was queued (a session that includes decided claims) is not.
 */
export const DECIDED_ELSEWHERE = `(i.state <> 'done' AND c.verdict IS NOT NULL AND EXISTS (
       SELECT 1 FROM changes ch WHERE ch.entity_id = c.id AND ch.entity = 'claim' AND ch.field = 'verdict'
       AND ch.hlc > i.added_at))`;

/** Where a queued claim stands for every count and list: its own state, or done when decided elsewhere. */
export const ITEM_STATE = `CASE WHEN ${DECIDED_ELSEWHERE} THEN 'done' ELSE i.state END`;

export function queueCounts(db: DB, sessionId: string): QueueCounts {
  const rows = prepared(
    db,
    `SELECT i.state AS state, ${DECIDED_ELSEWHERE} AS elsewhere, count(*) AS n
     FROM session_items i JOIN claims c ON c.id = i.claim_id AND c.deleted = 0
     WHERE i.session_id = ? GROUP BY 1, 2`,
  ).all(sessionId) as { state: QueueState; elsewhere: 0 | 1; n: number }[];
  const counts: QueueCounts = { total: 0, pending: 0, done: 0, skipped: 0, later: 0, decidedElsewhere: 0 };
  for (const r of rows) {
    counts[r.elsewhere ? 'done' : r.state] += r.n;
    if (r.elsewhere) counts.decidedElsewhere += r.n;
    counts.total += r.n;
  }
  return counts;
}

export function cursorOf(db: DB, sessionId: string): { claim_id: string | null; since: string | null; last_seen: string } | null {
  return (
    (prepared(db, 'SELECT claim_id, since, last_seen FROM session_cursor WHERE session_id = ?').get(sessionId) as
      { claim_id: string | null; since: string | null; last_seen: string } | undefined) ?? null
  );
}

function actorName(db: DB, actorId: string, fallback: string): string {
  const name = prepared(db, 'SELECT name FROM actors WHERE actor_id = ?').pluck().get(actorId) as string | undefined;
  return name ?? fallback;
}

export function toCheckSession(db: DB, row: SessionRow, myActorId: string, now = Date.now()): CheckSession {
  const mine = row.owner === myActorId;
  const cursor = mine ? cursorOf(db, row.id) : null;
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    scope: row.scope ? (JSON.parse(row.scope) as SessionScope) : {},
    startedAt: row.started_at ?? row.created_at,
    endedAt: row.ended_at,
    // A teammate's running stretch is unknown here (they may have paused since): show what they banked.
    elapsedMs: mine ? elapsedMs(row, now) : Math.round(row.elapsed_ms),
    ownerActorId: row.owner,
    ownerName: actorName(db, row.owner, row.created_by),
    mine,
    captureDocumentId: row.capture_document_id,
    currentClaimId: cursor?.claim_id ?? null,
    counts: queueCounts(db, row.id),
    summary: row.summary ? (JSON.parse(row.summary) as SessionSummaryRecord) : null,
  };
}
