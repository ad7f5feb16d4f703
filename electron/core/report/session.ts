/**
 * A session report's extra data: the checking session's summary (sessions.summary's figures) and,
 * for each claim in its queue, where the claim stood. Read inside the report's read transaction.
 */
import { QUEUE_STATE_LABELS, type QueueState } from '../../../shared/sessions';
import { loadSessionRow } from '../sessions/rows';
import { sessionSummary } from '../sessions/summary';
import type { DB } from '../store/open';
import type { ReportClaimSession, ReportSession } from './schema';
import { ofDocument } from '../claims/of-document';

/** Open items listed in the report; the claims themselves are all in it with their state. */
export const REPORT_OPEN_ITEMS_LIMIT = 500;

export interface SessionReportData {
  session: ReportSession;
  /** Queue state per claim id (this person's copy of the queue). */
  items: Map<string, ReportClaimSession>;
  /**
   * The SQL condition that picks the session's claims (`c` = claims): its local queue, or, for a
   * teammate's session merged in without a queue here, the claims of its live transcript.
   */
  claimCondition: { sql: string; params: unknown[] };
}

interface ItemRow {
  claim_id: string;
  state: QueueState;
  speaker: string | null;
  captured_at: string | null;
  time_ms: number;
}

function isoOrNull(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Throws NOT_FOUND for an unknown session. `actorId` defaults to the session's owner. */
export function loadSessionReportData(db: DB, sessionId: string, actorId: string | undefined, now: number): SessionReportData {
  const row = loadSessionRow(db, sessionId);
  const summary = sessionSummary(db, row, actorId ?? row.owner, now, REPORT_OPEN_ITEMS_LIMIT);
  const rows = db
    .prepare('SELECT claim_id, state, speaker, captured_at, time_ms FROM session_items WHERE session_id = ?')
    .all(sessionId) as ItemRow[];
  const items = new Map<string, ReportClaimSession>(
    rows.map((r) => [
      r.claim_id,
      {
        state: r.state,
        stateLabel: QUEUE_STATE_LABELS[r.state],
        speaker: r.speaker,
        capturedAt: isoOrNull(r.captured_at),
        timeMs: Math.max(0, Math.round(r.time_ms)),
      },
    ]),
  );
  const s = summary.session;
  const claimCondition =
    rows.length === 0 && s.captureDocumentId
      ? { sql: ofDocument('c.document_id'), params: [s.captureDocumentId] }
      : { sql: 'c.id IN (SELECT claim_id FROM session_items WHERE session_id = ?)', params: [sessionId] };
  return {
    session: {
      id: s.id,
      name: s.name,
      status: s.status,
      owner: s.ownerName,
      startedAt: isoOrNull(s.startedAt) ?? new Date(now).toISOString(),
      endedAt: isoOrNull(s.endedAt),
      durationMs: Math.max(0, Math.round(summary.durationMs)),
      captureDocumentId: s.captureDocumentId,
      captured: summary.captured,
      queued: summary.reviewed + summary.skipped + summary.later + summary.pending,
      reviewed: summary.reviewed,
      skipped: summary.skipped,
      later: summary.later,
      pending: summary.pending,
      verdicts: { ...summary.verdicts },
      meanMsPerClaim: summary.meanMsPerClaim === null ? null : Math.round(summary.meanMsPerClaim),
      medianMsPerClaim: summary.medianMsPerClaim === null ? null : Math.round(summary.medianMsPerClaim),
      speakers: [...summary.speakers],
      openItems: summary.openItems.map((o) => ({
        claimId: o.claimId,
        text: o.text,
        state: o.state,
        stateLabel: QUEUE_STATE_LABELS[o.state],
        verdict: o.verdict,
        speaker: o.speaker,
      })),
      openItemsTruncated: summary.openItemsTruncated,
    },
    items,
    claimCondition,
  };
}
