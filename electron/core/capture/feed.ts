/** The capture feed (the transcript's closed sentences, scored) and the capture box's draft. */
import type { CaptureDraft, CaptureFeed, CapturedSentence } from '../../../shared/sessions';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import type { SessionRow } from '../sessions/rows';

interface SentenceRow {
  start: number;
  end: number;
  text: string;
  score: number;
  check_worthy: number;
  speaker: string | null;
  captured_at: string;
  claim_id: string | null;
  by_hand: number;
}

export function captureFeed(db: DB, row: SessionRow, opts: { offset?: number; limit?: number; last?: number }): CaptureFeed {
  const documentId = row.capture_document_id;
  const empty: CaptureFeed = { sentences: [], offset: 0, total: 0, openTail: '', lastSpeaker: null, speakers: [], chunkCount: 0 };
  if (!documentId) return empty;
  const total = prepared(db, 'SELECT count(*) FROM capture_sentences WHERE document_id = ?').pluck().get(documentId) as number;
  const offset = opts.last !== undefined ? Math.max(0, total - opts.last) : (opts.offset ?? 0);
  const limit = opts.last ?? opts.limit ?? 200;
  const rows = prepared(
    db,
    `SELECT s.start, s.end, s.text, s.score, s.check_worthy, s.speaker, s.captured_at, s.by_hand,
       CASE WHEN c.id IS NULL THEN NULL ELSE s.claim_id END AS claim_id
     FROM capture_sentences s LEFT JOIN claims c ON c.id = s.claim_id AND c.deleted = 0
     WHERE s.document_id = ? ORDER BY s.start LIMIT ? OFFSET ?`,
  ).all(documentId, limit, offset) as SentenceRow[];
  const sentences: CapturedSentence[] = rows.map((r) => ({
    start: r.start,
    end: r.end,
    text: r.text,
    score: r.score,
    checkWorthy: r.check_worthy === 1,
    speaker: r.speaker,
    capturedAt: r.captured_at,
    claimId: r.claim_id,
    byHand: r.by_hand === 1,
  }));
  const state = prepared(
    db,
    'SELECT segmented_to, last_speaker, window_start, window_text FROM capture_state WHERE document_id = ?',
  ).get(documentId) as
    { segmented_to: number; last_speaker: string | null; window_start: number; window_text: string } | undefined;
  const speakers = prepared(
    db,
    `SELECT speaker FROM transcript_chunks WHERE document_id = ? AND deleted = 0 AND speaker IS NOT NULL
     GROUP BY speaker ORDER BY max(seq) DESC`,
  )
    .pluck()
    .all(documentId) as string[];
  const chunkCount = prepared(db, 'SELECT count(*) FROM transcript_chunks WHERE document_id = ? AND deleted = 0')
    .pluck()
    .get(documentId) as number;
  return {
    sentences,
    offset,
    total,
    openTail: state ? state.window_text.slice(state.segmented_to - state.window_start) : '',
    lastSpeaker: state?.last_speaker ?? null,
    speakers,
    chunkCount,
  };
}

export function readDraft(db: DB, sessionId: string): CaptureDraft {
  const row = prepared(db, 'SELECT text, speaker, saved_at FROM capture_drafts WHERE session_id = ?').get(sessionId) as
    { text: string; speaker: string; saved_at: string } | undefined;
  return row ? { text: row.text, speaker: row.speaker, savedAt: row.saved_at } : { text: '', speaker: '', savedAt: null };
}

export function saveDraft(db: DB, sessionId: string, text: string, speaker: string, now = Date.now()): CaptureDraft {
  const savedAt = new Date(now).toISOString();
  prepared(
    db,
    `INSERT INTO capture_drafts (session_id, text, speaker, saved_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(session_id) DO UPDATE SET text = excluded.text, speaker = excluded.speaker, saved_at = excluded.saved_at`,
  ).run(sessionId, text, speaker, savedAt);
  return { text, speaker, savedAt };
}
