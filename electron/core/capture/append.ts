/**
 * Live capture: transcript chunks go into the change log as they arrive, the transcript's open
 * tail is segmented and scored, and check-worthy sentences become claims in the session's queue,
 * each with its speaker and capture time. One transaction per chunk: a chunk is stored with every
 * claim it produced, or not at all.
 */
import type { Claim } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import type { CaptureResult } from '../../../shared/sessions';
import { labelsInLine, LIVE_CAPTURE_LABELS } from '../../../shared/text/speaker-turns';
import {
  isAnswerLabel,
  labelRole,
  namesNoOne,
  resolveSpeaker,
  type Speaker,
  type SpeakerRole,
} from '../../../shared/text/speaker-names';
import { introductionsOf } from './speakers';
import { loadClaim } from '../claims/rows';
import type { CoreContext } from '../context';
import { prepared } from '../store/statements';
import { nextInQueue } from '../sessions/queue';
import { moveCursor } from '../sessions/clock';
import { cursorOf, toCheckSession, type SessionRow } from '../sessions/rows';
import { TranscriptWriter, type Turn } from './transcript-writer';
import { matchNewClaims } from '../library/links';

/** Line breaks normalised, control characters other than tab and newline dropped. */
export function cleanChunk(text: string): string {
  // eslint-disable-next-line no-control-regex -- dropping control characters is the point
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/**
 * Split a chunk where a speaker label starts a line ("HARRIS: …", or a plain "Harris: …" as the person is told to
 * type it) or, after a sentence end, appears inside one ("… the debate. SMITH: …"). A label names its speaker as the transcript introduced them ("Governor Helen Carter" → "Helen Carter"),
 * else in title case ("Harris"), through `resolve`; `speaker` (typed by the person, kept as typed) speaks until the
 * first label.
 */
export function turnsOf(text: string, speaker: string | null, resolve: (label: string) => Speaker = plainSpeaker): Turn[] {
  const turns: Turn[] = [];
  let current: { speaker: string | null; role: SpeakerRole; lines: string[] } = { speaker, role: null, lines: [] };
  const push = () => {
    const turnText = current.lines.join('\n').trim();
    if (turnText) turns.push({ speaker: current.speaker, text: turnText, role: current.role });
  };
  const startTurn = (label: string, said: string) => {
    push();
    if (namesNoOne(label)) {
      // "Q:" and "A:" name no one: a question is nobody's claim, and the answer is the typed speaker's (the person
      // being interviewed), if any. Neither becomes a speaker called "Q" or "A".
      const answer = isAnswerLabel(label);
      current = { speaker: answer ? speaker : null, role: answer ? null : labelRole(label), lines: [said] };
    } else {
      const who = resolve(label);
      current = { speaker: who.name, role: who.role, lines: [said] };
    }
  };
  for (const line of cleanChunk(text).split('\n')) {
    const labels = labelsInLine(line, LIVE_CAPTURE_LABELS);
    if (labels.length === 0) {
      current.lines.push(line);
      continue;
    }
    if (labels[0]!.labelStart > 0) current.lines.push(line.slice(0, labels[0]!.labelStart).trimEnd());
    labels.forEach((found, i) =>
      startTurn(found.label, line.slice(found.textStart, labels[i + 1]?.labelStart ?? line.length).trimEnd()),
    );
  }
  push();
  return turns;
}

const plainSpeaker = (label: string): Speaker => resolveSpeaker(label, '');

/** With nothing to check before, the first captured claim becomes the current one. */
function startCursorIfIdle(ctx: CoreContext, sessionId: string, now: number): void {
  const cursor = cursorOf(ctx.workspace.db, sessionId);
  if (cursor?.claim_id) return;
  const next = nextInQueue(ctx.workspace.db, sessionId, null);
  if (next) moveCursor(ctx.workspace.db, sessionId, next, now, true);
}

function captureDocument(row: SessionRow): string {
  if (!row.capture_document_id) {
    throw new ClaimbenchError(
      'VALIDATION',
      `The session “${row.name}” has no live capture. Start a capture session to capture a transcript.`,
    );
  }
  return row.capture_document_id;
}

function result(ctx: CoreContext, row: SessionRow, t: TranscriptWriter, now: number): CaptureResult {
  t.collectClaims();
  matchNewClaims(
    ctx.workspace.db,
    t.claims.map((c) => c.id),
  );
  return {
    seq: t.seq,
    speaker: t.lastSpeaker,
    capturedAt: new Date(now).toISOString(),
    sentences: t.sentences,
    claims: t.claims,
    openTail: t.openTail,
    session: toCheckSession(ctx.workspace.db, row, ctx.identity.get().actorId, now),
  };
}

export interface AppendInput {
  text: string;
  speaker?: string;
  byHand?: boolean;
  /** Bytes of a transcript file consumed with this chunk (CLI), committed in the same transaction. */
  consumed?: { source: string; bytes: number };
}

/** Append a chunk (one or more speaker turns) to a session's live transcript. */
export function appendChunk(ctx: CoreContext, row: SessionRow, input: AppendInput, now = Date.now()): CaptureResult {
  const documentId = captureDocument(row);
  // A speaker typed by the person is theirs to name: kept as typed, and a later label with their surname is them.
  const typed = input.speaker?.trim() || null;
  const resolve = (label: string) =>
    resolveSpeaker(label, `${introductionsOf(ctx.workspace.db, documentId, label, typed)}\n${input.text}`);
  const turns = turnsOf(input.text, typed, resolve);
  if (turns.length === 0 && !input.consumed) throw new ClaimbenchError('VALIDATION', 'Nothing to capture: the text is empty.');
  const db = ctx.workspace.db;
  let writer!: TranscriptWriter;
  ctx.workspace.recorder.action(`Capture in “${row.name}”`, (w) => {
    writer = new TranscriptWriter(ctx, row, documentId, w, now);
    if (input.byHand && turns.length > 0) {
      writer.close(true);
      const range = writer.appendTurn({ speaker: turns[0]!.speaker, text: turns.map((t) => t.text).join(' ') });
      writer.captureByHand(range);
    } else {
      for (const turn of turns) {
        writer.appendTurn(turn);
        writer.close(false);
      }
    }
    writer.save();
    startCursorIfIdle(ctx, row.id, now);
    const draft = prepared(db, 'SELECT text FROM capture_drafts WHERE session_id = ?').pluck().get(row.id) as string | undefined;
    if (draft !== undefined && draft.trim() === input.text.trim()) {
      prepared(db, "UPDATE capture_drafts SET text = '', saved_at = ? WHERE session_id = ?").run(
        new Date(now).toISOString(),
        row.id,
      );
    }
    if (input.consumed) {
      prepared(
        db,
        `INSERT INTO capture_inputs (session_id, source, consumed) VALUES (?, ?, ?)
         ON CONFLICT(session_id, source) DO UPDATE SET consumed = excluded.consumed`,
      ).run(row.id, input.consumed.source, input.consumed.bytes);
    }
  });
  return result(ctx, row, writer, now);
}

/** Close the sentence still waiting for its end. */
export function flushCapture(ctx: CoreContext, row: SessionRow, now = Date.now()): CaptureResult {
  const documentId = captureDocument(row);
  let writer!: TranscriptWriter;
  ctx.workspace.recorder.action(`Capture in “${row.name}”`, (w) => {
    writer = new TranscriptWriter(ctx, row, documentId, w, now);
    writer.close(true);
    writer.save();
    startCursorIfIdle(ctx, row.id, now);
  });
  return result(ctx, row, writer, now);
}

/** How many bytes of a transcript file this session has already captured (0 for a new file). */
export function consumedBytes(ctx: CoreContext, sessionId: string, source: string): number {
  return (
    (prepared(ctx.workspace.db, 'SELECT consumed FROM capture_inputs WHERE session_id = ? AND source = ?')
      .pluck()
      .get(sessionId, source) as number | undefined) ?? 0
  );
}

/** Make a claim by hand from a closed stretch of the transcript (a sentence the spotter passed over). */
export function promoteRange(ctx: CoreContext, row: SessionRow, range: { start: number; end: number }, now = Date.now()): Claim {
  const documentId = captureDocument(row);
  const db = ctx.workspace.db;
  const sentence = prepared(db, 'SELECT end, speaker, claim_id FROM capture_sentences WHERE document_id = ? AND start = ?').get(
    documentId,
    range.start,
  ) as { end: number; speaker: string | null; claim_id: string | null } | undefined;
  if (sentence?.claim_id && sentence.end === range.end) {
    const live = prepared(db, 'SELECT 1 FROM claims WHERE id = ? AND deleted = 0').get(sentence.claim_id);
    if (live) return loadClaim(db, sentence.claim_id);
  }
  let claimId: string | null = null;
  ctx.workspace.undo.run('Capture a claim by hand', (w) => {
    const writer = new TranscriptWriter(ctx, row, documentId, w, now);
    writer.widenToWholeText();
    if (range.end > writer.segmentedTo) {
      throw new ClaimbenchError('VALIDATION', 'That text is still being captured; wait for its sentence to close.');
    }
    writer.captureByHand(range, sentence?.speaker ?? writer.lastSpeaker);
    writer.save();
    writer.collectClaims();
    claimId = writer.claims[0]?.id ?? null;
  });
  if (!claimId) throw new ClaimbenchError('VALIDATION', 'There is no text in that range.');
  return loadClaim(db, claimId);
}
