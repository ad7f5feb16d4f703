/**
 * One live transcript during one capture transaction. It holds only a window of the transcript's
 * end (the open tail plus a little closed text before it, for anchor context; capture_state in
 * migration 5), so a chunk costs the same at the end of a three-hour debate as at its start:
 * nothing reads, rewrites or re-indexes the whole text.
 */
import { randomUUID } from 'node:crypto';
import type { Claim } from '../../../shared/domain';
import type { CapturedSentence } from '../../../shared/sessions';
import { closeSentences, type ClosedRange } from '../../../shared/capture/live-segment';
import { attributionIn } from '../../../shared/spotting/claimant';
import { defaultSpotter } from '../../../shared/spotting/index';
import { scoreTurnSentence } from '../../../shared/spotting/turns';
import { labelRole, namesNoOne, type SpeakerRole } from '../../../shared/text/speaker-names';
import { makeAnchor } from '../../../shared/text/anchor';
import { collapseWhitespace } from '../../../shared/text/whitespace';
import { loadClaim } from '../claims/rows';
import type { CoreContext } from '../context';
import { spottingThreshold } from '../spotting/threshold';
import type { Writer } from '../store/recorder';
import { prepared } from '../store/statements';
import { enqueueClaim } from '../sessions/queue';
import type { SessionRow } from '../sessions/rows';
import { participantsOf } from './speakers';
import { transcriptText } from './transcript-text';

const PRONOUN = /^(?:he|she|they|it|we|i|you)$/i;
const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*$/u;
/** Closed text kept before the open tail: more than an anchor's 32-character prefix. */
const CONTEXT_KEPT = 64;

export interface Turn {
  speaker: string | null;
  text: string;
  /** The role its label gave (a moderator); when absent, read from the speaker's name ("Moderator"). */
  role?: SpeakerRole;
}

interface CaptureState {
  segmented_to: number;
  last_speaker: string | null;
  text_length: number;
  window_start: number;
  window_text: string;
}

/** A transcript's capture state; rebuilt from its chunks when this copy has none (a merged transcript). */
function loadState(ctx: CoreContext, documentId: string): CaptureState {
  const db = ctx.workspace.db;
  const state = prepared(
    db,
    'SELECT segmented_to, last_speaker, text_length, window_start, window_text FROM capture_state WHERE document_id = ?',
  ).get(documentId) as CaptureState | undefined;
  if (state) return state;
  const text = transcriptText(db, documentId);
  const lastSpeaker = prepared(
    db,
    'SELECT speaker FROM transcript_chunks WHERE document_id = ? AND deleted = 0 ORDER BY seq DESC, id DESC LIMIT 1',
  )
    .pluck()
    .get(documentId) as string | null | undefined;
  const windowStart = Math.max(0, text.length - CONTEXT_KEPT);
  return {
    segmented_to: text.length,
    last_speaker: lastSpeaker ?? null,
    text_length: text.length,
    window_start: windowStart,
    window_text: text.slice(windowStart),
  };
}

export class TranscriptWriter {
  readonly sentences: CapturedSentence[] = [];
  readonly claims: Claim[] = [];
  private readonly pendingClaims: string[] = [];
  private lastSeq: number | null = null;
  private state: CaptureState;
  private readonly threshold: number;
  private readonly capturedAt: string;
  /** The debate's participants, read once per transaction (see participantsMasked). */
  private participants: string[] | null = null;
  /** The role the current turn's label gave, while it lasts in this transaction. */
  private turnRole: { speaker: string | null; role: SpeakerRole } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly session: SessionRow,
    private readonly documentId: string,
    private readonly w: Writer,
    now: number,
  ) {
    this.state = loadState(ctx, documentId);
    this.threshold = spottingThreshold(ctx.workspace);
    this.capturedAt = new Date(now).toISOString();
  }

  get lastSpeaker(): string | null {
    return this.state.last_speaker;
  }

  get segmentedTo(): number {
    return this.state.segmented_to;
  }

  /** The number of the transcript's last chunk (0 before the first). */
  get seq(): number {
    if (this.lastSeq !== null) return this.lastSeq;
    return (
      (prepared(this.ctx.workspace.db, 'SELECT max(seq) FROM transcript_chunks WHERE document_id = ?')
        .pluck()
        .get(this.documentId) as number | null) ?? 0
    );
  }

  get openTail(): string {
    return this.local(this.state.segmented_to, this.state.text_length);
  }

  /** Text between two transcript offsets that lie inside the window. */
  private local(start: number, end: number): string {
    return this.state.window_text.slice(start - this.state.window_start, end - this.state.window_start);
  }

  /** The whole transcript in the window, for work on an earlier stretch (a sentence promoted by hand). */
  widenToWholeText(): void {
    const text = transcriptText(this.ctx.workspace.db, this.documentId);
    this.state = { ...this.state, window_start: 0, window_text: text, text_length: text.length };
  }

  /** Append one speaker turn; returns where its text starts and ends in the transcript. */
  appendTurn(turn: Turn): { start: number; end: number } {
    const speaker = turn.speaker ?? this.state.last_speaker;
    const empty = this.state.text_length === 0;
    const newTurn = empty || speaker !== this.state.last_speaker;
    if (newTurn) this.close(true);
    const before = this.state.window_text;
    // A sentence that was closed without its end (a hand capture, a pause) is followed by a new line.
    const closedUnfinished = this.state.segmented_to >= this.state.text_length && !ENDS_SENTENCE.test(before);
    const prefix = newTurn
      ? `${empty ? '' : '\n\n'}${speaker ? `${speaker}: ` : ''}`
      : /\s$/.test(before)
        ? ''
        : closedUnfinished
          ? '\n'
          : ' ';
    const seq = this.seq + 1;
    this.lastSeq = seq;
    this.w.create('transcriptChunk', randomUUID(), {
      documentId: this.documentId,
      seq,
      speaker,
      prefix,
      text: turn.text,
      capturedAt: this.capturedAt,
    });
    const start = this.state.text_length + prefix.length;
    this.state.window_text += prefix + turn.text;
    this.state.text_length = start + turn.text.length;
    if (newTurn) this.state.segmented_to = start;
    this.state.last_speaker = speaker;
    if (turn.role !== undefined) this.turnRole = { speaker, role: turn.role };
    if (speaker && this.participants && !this.participants.includes(speaker)) this.participants = null;
    return { start, end: this.state.text_length };
  }

  /** Segment and score what can be closed; `force` closes the sentence still waiting for its end. */
  close(force: boolean): void {
    const base = this.state.window_start;
    const { closed, segmentedTo } = closeSentences(this.state.window_text, this.state.segmented_to - base, force);
    for (const range of closed) this.addSentence({ start: range.start + base, end: range.end + base }, false);
    this.state.segmented_to = segmentedTo + base;
  }

  /** The checker's own capture: the range becomes one claim whatever its score. */
  captureByHand(range: { start: number; end: number }, speaker = this.state.last_speaker): void {
    this.addSentence(range, true, speaker);
    this.state.segmented_to = Math.max(this.state.segmented_to, range.end);
  }

  private addSentence(range: ClosedRange, byHand: boolean, speaker = this.state.last_speaker): void {
    const text = collapseWhitespace(this.local(range.start, range.end));
    if (!text) return;
    const { score, reasons } = scoreTurnSentence(defaultSpotter(), text, {
      speaker,
      role: this.turnRole?.speaker === speaker ? this.turnRole.role : labelRole(speaker ?? ''),
      participants: (this.participants ??= participantsOf(this.ctx.workspace.db, this.documentId)),
    });
    const checkWorthy = score >= this.threshold;
    let claimId: string | null = null;
    if (checkWorthy || byHand) {
      claimId = randomUUID();
      // In a debate the claim is the speaker's, whoever they cite; with no speaker known, who the sentence names.
      const named = speaker && !namesNoOne(speaker) ? speaker : null;
      const attributed = named ? null : attributionIn(text);
      const base = this.state.window_start;
      const anchor = makeAnchor(this.state.window_text, range.start - base, range.end - base);
      this.w.create('claim', claimId, {
        documentId: this.documentId,
        ordinal: range.start,
        text,
        anchor: { ...anchor, start: range.start, end: range.end },
        claimant: named ?? (attributed && !PRONOUN.test(attributed) ? attributed : null),
        score,
        reasons,
        verdict: null,
      });
      enqueueClaim(
        this.ctx.workspace.db,
        this.session.id,
        { claimId, score, documentId: this.documentId, ordinal: range.start, byHand, speaker, capturedAt: this.capturedAt },
        this.capturedAt,
      );
    }
    prepared(
      this.ctx.workspace.db,
      `INSERT OR REPLACE INTO capture_sentences (document_id, start, end, text, score, check_worthy, speaker, captured_at, claim_id, by_hand)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      this.documentId,
      range.start,
      range.end,
      text,
      score,
      checkWorthy ? 1 : 0,
      speaker,
      this.capturedAt,
      claimId,
      byHand ? 1 : 0,
    );
    this.sentences.push({
      start: range.start,
      end: range.end,
      text,
      score,
      checkWorthy,
      speaker,
      capturedAt: this.capturedAt,
      claimId,
      byHand,
    });
    if (claimId) this.pendingClaims.push(claimId);
  }

  /** Keep the window small again and store the state (same transaction as the chunks). */
  save(): void {
    const keepFrom = Math.max(this.state.window_start, this.state.segmented_to - CONTEXT_KEPT);
    this.state.window_text = this.state.window_text.slice(keepFrom - this.state.window_start);
    this.state.window_start = keepFrom;
    const s = this.state;
    prepared(
      this.ctx.workspace.db,
      `INSERT INTO capture_state (document_id, segmented_to, last_speaker, text_length, window_start, window_text)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(document_id) DO UPDATE SET segmented_to = excluded.segmented_to, last_speaker = excluded.last_speaker,
         text_length = excluded.text_length, window_start = excluded.window_start, window_text = excluded.window_text`,
    ).run(this.documentId, s.segmented_to, s.last_speaker, s.text_length, s.window_start, s.window_text);
  }

  collectClaims(): void {
    for (const id of this.pendingClaims) this.claims.push(loadClaim(this.ctx.workspace.db, id));
  }
}
