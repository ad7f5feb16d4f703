/**
 * Checking sessions and live capture: the types the core, the renderer, the CLI and the report
 * share. Who is using the app is `identity.get` (electron/core/identity).
 */
import type { Claim, Verdict } from './domain';
import type { SessionScope } from './session-scope';

export const SESSION_STATUSES = ['active', 'paused', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Where a claim stands in one session's queue. `later` = "needs more time". */
export const QUEUE_STATES = ['pending', 'done', 'skipped', 'later'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

/** What the checker does to the current claim: one key each in the app. */
export const QUEUE_ACTIONS = ['done', 'skip', 'later', 'reopen'] as const;
export type QueueAction = (typeof QUEUE_ACTIONS)[number];

export const QUEUE_STATE_LABELS: Record<QueueState, string> = {
  pending: 'To check',
  done: 'Done',
  skipped: 'Skipped',
  later: 'Needs more time',
};

/** Which claims a session starts with. Empty = every claim in the workspace. Declared by its schema. */
export type { SessionScope };

export interface QueueCounts {
  total: number;
  pending: number;
  done: number;
  skipped: number;
  later: number;
  /** Of `done`: claims someone decided outside the session after they were queued. */
  decidedElsewhere: number;
}

export interface CheckSession {
  id: string;
  name: string;
  status: SessionStatus;
  scope: SessionScope;
  startedAt: string;
  endedAt: string | null;
  /** Time spent in the session while active, up to now. */
  elapsedMs: number;
  /** Whose session it is; a teammate's session arrives by merge and is read-only here. */
  ownerActorId: string;
  ownerName: string;
  mine: boolean;
  /** The transcript document a live capture writes into; null for a session without capture. */
  captureDocumentId: string | null;
  /** The claim the checker is on (this person's copy only). */
  currentClaimId: string | null;
  counts: QueueCounts;
  /** The summary recorded when the session ended (also visible to teammates after a merge). */
  summary: SessionSummaryRecord | null;
}

export interface QueueItem {
  claim: Claim;
  state: QueueState;
  /** 0-based place in the queue order (check-worthiness, then document order). */
  position: number;
  addedAt: string;
  decidedAt: string | null;
  timeMs: number;
  /** For captured claims: who said it and when it was captured. */
  speaker: string | null;
  capturedAt: string | null;
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  counts: QueueCounts;
}

export interface ActResult {
  session: CheckSession;
  /** The claim to show next: the first one still to check, then skipped ones; null when none is left. */
  nextClaimId: string | null;
}

/** The figures of a session, recorded in the change log when it ends. */
export interface SessionSummaryRecord {
  durationMs: number;
  captured: number;
  reviewed: number;
  skipped: number;
  later: number;
  pending: number;
  /** Verdicts of the claims marked done in this session. */
  verdicts: Record<Verdict, number>;
  /** Time per reviewed claim. */
  meanMsPerClaim: number | null;
  medianMsPerClaim: number | null;
  speakers: string[];
}

export interface OpenItem {
  claimId: string;
  text: string;
  state: QueueState;
  verdict: Verdict | null;
  speaker: string | null;
}

export interface SessionSummary extends SessionSummaryRecord {
  session: CheckSession;
  /** Claims still open: needs more time, skipped, not yet checked (queue order). */
  openItems: OpenItem[];
  /** True when openItems was cut at the limit. */
  openItemsTruncated: boolean;
}

/** One segmented sentence of a live capture, as it appears in the capture feed. */
export interface CapturedSentence {
  start: number;
  end: number;
  text: string;
  score: number;
  checkWorthy: boolean;
  speaker: string | null;
  capturedAt: string;
  /** The claim made from it (spotted or by hand); null for a sentence below the threshold. */
  claimId: string | null;
  /** True when the checker captured it by hand. */
  byHand: boolean;
}

export interface CaptureResult {
  /** The chunk's number in the transcript (1-based). */
  seq: number;
  speaker: string | null;
  capturedAt: string;
  /** Sentences closed by this chunk (earlier text that was waiting for its end may be among them). */
  sentences: CapturedSentence[];
  /** Claims added to the queue by this chunk. */
  claims: Claim[];
  /** Text after the last closed sentence, waiting for its end (or for the next speaker). */
  openTail: string;
  session: CheckSession;
}

export interface CaptureFeed {
  sentences: CapturedSentence[];
  /** Place of the first returned sentence among all of them. */
  offset: number;
  total: number;
  openTail: string;
  lastSpeaker: string | null;
  speakers: string[];
  chunkCount: number;
}

export interface CaptureDraft {
  text: string;
  speaker: string;
  savedAt: string | null;
}
