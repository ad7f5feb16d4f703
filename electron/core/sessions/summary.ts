/** A session's figures: computed live from the queue, recorded in the change log when it ends. */
import type { OpenItem, QueueState, SessionSummary, SessionSummaryRecord } from '../../../shared/sessions';
import type { Verdict } from '../../../shared/domain';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { QUEUE_ORDER } from './queue';
import { DECIDED_ELSEWHERE, elapsedMs, queueCounts, toCheckSession, type SessionRow } from './rows';
import { ofDocument } from '../claims/of-document';

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function summaryRecord(db: DB, row: SessionRow, now: number): SessionSummaryRecord {
  const counts = queueCounts(db, row.id);
  const verdicts: Record<Verdict, number> = { sourced: 0, disputed: 0, unverified: 0 };
  for (const r of prepared(
    db,
    `SELECT CASE WHEN i.state = 'done' THEN i.verdict ELSE c.verdict END AS verdict, count(*) AS n
     FROM session_items i JOIN claims c ON c.id = i.claim_id AND c.deleted = 0
     WHERE i.session_id = ? AND (i.state = 'done' OR ${DECIDED_ELSEWHERE}) GROUP BY 1`,
  ).all(row.id) as { verdict: Verdict; n: number }[]) {
    if (r.verdict && r.verdict in verdicts) verdicts[r.verdict] = r.n;
  }
  const times = (
    prepared(
      db,
      `SELECT i.time_ms FROM session_items i JOIN claims c ON c.id = i.claim_id AND c.deleted = 0
       WHERE i.session_id = ? AND i.state = 'done' ORDER BY i.time_ms`,
    )
      .pluck()
      .all(row.id) as number[]
  ).filter((t) => t > 0);
  const captured = row.capture_document_id
    ? (prepared(db, `SELECT count(*) FROM claims WHERE ${ofDocument('document_id')} AND deleted = 0`)
        .pluck()
        .get(row.capture_document_id) as number)
    : 0;
  const speakers = row.capture_document_id
    ? (prepared(
        db,
        `SELECT speaker FROM transcript_chunks WHERE document_id = ? AND deleted = 0 AND speaker IS NOT NULL
         GROUP BY speaker ORDER BY min(seq)`,
      )
        .pluck()
        .all(row.capture_document_id) as string[])
    : [];
  return {
    durationMs: elapsedMs(row, now),
    captured,
    reviewed: counts.done,
    skipped: counts.skipped,
    later: counts.later,
    pending: counts.pending,
    verdicts,
    meanMsPerClaim: times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null,
    medianMsPerClaim: median(times),
    speakers,
  };
}

/** Queued claims neither done in the session nor decided elsewhere since: what the summary lists as open. */
const OPEN_ITEMS = `FROM session_items i JOIN claims c ON c.id = i.claim_id AND c.deleted = 0
     WHERE i.session_id = ? AND i.state <> 'done' AND NOT ${DECIDED_ELSEWHERE}`;

export function openItemCount(db: DB, sessionId: string): number {
  return prepared(db, `SELECT count(*) ${OPEN_ITEMS}`).pluck().get(sessionId) as number;
}

const OPEN_ORDER = `CASE i.state WHEN 'later' THEN 0 WHEN 'skipped' THEN 1 ELSE 2 END, ${QUEUE_ORDER}`;

/**
 * The live figures (or, for a teammate's session, the recorded ones) plus the open items: queued
 * claims not marked done here that nobody has decided elsewhere since they were queued (a claim
 * decided in the claim list, on the command line or by a teammate counts as done, and is not open).
 */
export function sessionSummary(db: DB, row: SessionRow, myActorId: string, now: number, openLimit = 500): SessionSummary {
  const session = toCheckSession(db, row, myActorId, now);
  const figures = session.mine || !session.summary ? summaryRecord(db, row, now) : session.summary;
  const open = prepared(
    db,
    `SELECT i.claim_id, c.text, i.state, c.verdict, i.speaker ${OPEN_ITEMS} ORDER BY ${OPEN_ORDER} LIMIT ?`,
  ).all(row.id, openLimit + 1) as {
    claim_id: string;
    text: string;
    state: QueueState;
    verdict: Verdict | null;
    speaker: string | null;
  }[];
  const openItems: OpenItem[] = open
    .slice(0, openLimit)
    .map((r) => ({ claimId: r.claim_id, text: r.text, state: r.state, verdict: r.verdict, speaker: r.speaker }));
  return { ...figures, session, openItems, openItemsTruncated: open.length > openLimit };
}
