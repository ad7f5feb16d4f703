/** Starting, pausing, resuming and ending a session, and moving through its queue. */
import { randomUUID } from 'node:crypto';
import { newDocumentId } from '../documents/document-id';
import type { z } from 'zod';
import type { ActResult, CheckSession, QueueAction } from '../../../shared/sessions';
import type { sessionScopeSchema } from '../../../shared/sessions-api';
import { ClaimbenchError } from '../../../shared/result';
import { loadClaim } from '../claims/rows';
import type { CoreContext } from '../context';
import { flushCapture } from '../capture/append';
import type { Writer } from '../store/recorder';
import { chargeCurrent, moveCursor, pauseAtLastSignOfLife, pauseIfAbandoned, recordPause, touch } from './clock';
import { enqueueScope, isQueued, nextInQueue, setItemState } from './queue';
import { elapsedMs, listSessionRows, loadSessionRow, toCheckSession, type SessionRow } from './rows';
import { openItemCount, summaryRecord } from './summary';

type Scope = z.output<typeof sessionScopeSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

function defaultName(ctx: CoreContext, scope: Scope, capture: boolean, now: number): string {
  const day = new Date(now).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  if (capture) return `Live capture, ${day}`;
  const firstDoc = scope.documentIds?.[0];
  if (firstDoc && scope.documentIds!.length === 1) {
    const title = ctx.workspace.db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(firstDoc) as
      string | undefined;
    if (title) return title.slice(0, 120);
  }
  return `Session, ${day}`;
}

/** A session of this person's that has not ended (found paused if the app had left it running). */
export function ownOpenSession(ctx: CoreContext, id: string, now: number): SessionRow {
  const row = loadSessionRow(ctx.workspace.db, id);
  const me = ctx.identity.get().actorId;
  if (row.owner !== me) {
    const owner = toCheckSession(ctx.workspace.db, row, me, now).ownerName;
    throw new ClaimbenchError(
      'FORBIDDEN',
      `This is ${owner}’s session; only they can work in it. Start your own session instead.`,
    );
  }
  if (row.status === 'ended') throw new ClaimbenchError('VALIDATION', `The session “${row.name}” has ended.`);
  return pauseIfAbandoned(ctx.workspace, row, now) ? loadSessionRow(ctx.workspace.db, id) : row;
}

/** A session this person may work in now: theirs, not ended. A paused session resumes on the first action. */
export function workableSession(ctx: CoreContext, id: string, now: number): SessionRow {
  const row = ownOpenSession(ctx, id, now);
  if (row.status !== 'paused') {
    touch(ctx.workspace.db, id, now);
    return row;
  }
  resume(ctx, row, now);
  return loadSessionRow(ctx.workspace.db, id);
}

/**
 * Run `fn` on a session this person may work in, in one transaction with whatever that takes first
 * (pausing it where the app left it, resuming it): the action and its automatic steps commit together.
 */
export function inWorkableSession<T>(ctx: CoreContext, id: string, now: number, fn: (row: SessionRow) => T): T {
  return ctx.workspace.db.transaction(() => fn(workableSession(ctx, id, now))).immediate();
}

function view(ctx: CoreContext, id: string, now: number): CheckSession {
  return toCheckSession(ctx.workspace.db, loadSessionRow(ctx.workspace.db, id), ctx.identity.get().actorId, now);
}

/** Read a session; reading your own running session is the app's sign of life (see clock.ts). */
export function getSession(ctx: CoreContext, id: string, now = Date.now()): CheckSession {
  const row = loadSessionRow(ctx.workspace.db, id);
  if (row.owner === ctx.identity.get().actorId && row.status === 'active') {
    if (!pauseIfAbandoned(ctx.workspace, row, now)) touch(ctx.workspace.db, id, now);
  }
  return view(ctx, id, now);
}

export function listSessions(ctx: CoreContext, now = Date.now()): CheckSession[] {
  const me = ctx.identity.get().actorId;
  for (const row of listSessionRows(ctx.workspace.db)) if (row.owner === me) pauseIfAbandoned(ctx.workspace, row, now);
  return listSessionRows(ctx.workspace.db).map((row) => toCheckSession(ctx.workspace.db, row, me, now));
}

/** Whether a scope names claims (documents or a filter), beyond how decided claims are treated. */
function picksClaims(scope: Scope): boolean {
  return Object.entries(scope).some(([key, value]) => key !== 'includeDecided' && value !== undefined);
}

/** The transcript document a live capture writes into, with its segmentation cursor. */
function createCaptureDocument(ctx: CoreContext, w: Writer, title: string, now: number): string {
  const documentId = newDocumentId();
  w.create('document', documentId, {
    title,
    origin: 'Live capture',
    publishedAt: iso(now).slice(0, 10),
    text: '',
    contentHash: '',
  });
  ctx.workspace.db.prepare('INSERT INTO capture_state (document_id, segmented_to) VALUES (?, 0)').run(documentId);
  return documentId;
}

/**
 * Give a session of this person's live capture from now on (it keeps its queue; captured claims
 * join it). A session that already captures is left as it is.
 */
export function addCapture(ctx: CoreContext, id: string, title: string | undefined, now = Date.now()): CheckSession {
  inWorkableSession(ctx, id, now, (row) => {
    if (row.capture_document_id) return;
    ctx.workspace.recorder.action(`Start live capture in “${row.name}”`, (w) => {
      const documentId = createCaptureDocument(ctx, w, title?.trim() || row.name, now);
      w.set('checkSession', id, 'captureDocumentId', documentId);
    });
  });
  return view(ctx, id, now);
}

export function startSession(
  ctx: CoreContext,
  input: { name?: string; scope?: Scope; capture?: { title?: string } },
  now = Date.now(),
): CheckSession {
  const { workspace } = ctx;
  const me = ctx.identity.get().actorId;
  const scope = input.scope ?? {};
  for (const docId of scope.documentIds ?? []) {
    const live = workspace.db.prepare('SELECT 1 FROM documents WHERE id = ? AND deleted = 0').get(docId);
    if (!live) throw new ClaimbenchError('NOT_FOUND', `No document with id ${docId}`);
  }
  const id = randomUUID();
  const name = input.name?.trim() || defaultName(ctx, scope, !!input.capture, now);
  workspace.db.transaction(() => {
    pauseOthers(ctx, null, now);
    workspace.recorder.action(`Start session “${name}”`, (w) => {
      const captureDocumentId = input.capture ? createCaptureDocument(ctx, w, input.capture.title?.trim() || name, now) : null;
      w.create('checkSession', id, {
        name,
        scope,
        status: 'active',
        owner: me,
        startedAt: iso(now),
        resumedAt: iso(now),
        elapsedMs: 0,
        captureDocumentId,
      });
    });
    // A capture session starts empty and fills as claims are captured, unless a scope was picked.
    if (!input.capture || picksClaims(scope)) enqueueScope(workspace.db, id, scope, iso(now));
    moveCursor(workspace.db, id, nextInQueue(workspace.db, id, null), now, true);
  }).immediate();
  return view(ctx, id, now);
}

export function pauseSession(ctx: CoreContext, id: string, now = Date.now()): CheckSession {
  ctx.workspace.db.transaction(() => {
    const row = ownOpenSession(ctx, id, now);
    if (row.status !== 'active') return;
    chargeCurrent(ctx.workspace.db, id, now, false);
    recordPause(ctx.workspace, row, now, `Pause session “${row.name}”`);
  }).immediate();
  return view(ctx, id, now);
}

/** One running session per person: starting or resuming one pauses the one that was running. */
function pauseOthers(ctx: CoreContext, keep: string | null, now: number): void {
  const me = ctx.identity.get().actorId;
  for (const row of listSessionRows(ctx.workspace.db)) {
    if (row.owner === me && row.status === 'active' && row.id !== keep) {
      chargeCurrent(ctx.workspace.db, row.id, now, false);
      recordPause(ctx.workspace, row, now, `Pause session “${row.name}”`);
    }
  }
}

function resume(ctx: CoreContext, row: SessionRow, now: number): void {
  ctx.workspace.db.transaction(() => {
    pauseOthers(ctx, row.id, now);
    ctx.workspace.recorder.action(`Resume session “${row.name}”`, (w) => {
      w.set('checkSession', row.id, 'status', 'active');
      w.set('checkSession', row.id, 'resumedAt', iso(now));
    });
    touch(ctx.workspace.db, row.id, now);
    chargeCurrent(ctx.workspace.db, row.id, now, true);
  }).immediate();
}

export function resumeSession(ctx: CoreContext, id: string, now = Date.now()): CheckSession {
  inWorkableSession(ctx, id, now, () => undefined);
  return view(ctx, id, now);
}

export function endSession(ctx: CoreContext, id: string, now = Date.now()): CheckSession {
  const { workspace } = ctx;
  inWorkableSession(ctx, id, now, (row) => {
    if (row.capture_document_id) flushCapture(ctx, row, now);
    chargeCurrent(workspace.db, id, now, false);
    const summary = summaryRecord(workspace.db, row, now);
    const figures = `${summary.reviewed} reviewed, ${openItemCount(workspace.db, id)} open`;
    workspace.recorder.action(`End session “${row.name}”: ${figures}`, (w) => {
      w.set('checkSession', id, 'elapsedMs', elapsedMs(row, now));
      w.set('checkSession', id, 'resumedAt', null);
      w.set('checkSession', id, 'status', 'ended');
      w.set('checkSession', id, 'endedAt', iso(now));
      w.set('checkSession', id, 'summary', summary);
    });
    moveCursor(workspace.db, id, null, now, false);
  });
  return view(ctx, id, now);
}

function requireQueued(ctx: CoreContext, sessionId: string, claimId: string): void {
  loadClaim(ctx.workspace.db, claimId);
  if (!isQueued(ctx.workspace.db, sessionId, claimId)) {
    throw new ClaimbenchError('NOT_FOUND', 'That claim is not in this session’s queue.');
  }
}

export function focusClaim(ctx: CoreContext, id: string, claimId: string, now = Date.now()): CheckSession {
  inWorkableSession(ctx, id, now, () => {
    requireQueued(ctx, id, claimId);
    chargeCurrent(ctx.workspace.db, id, now, false);
    moveCursor(ctx.workspace.db, id, claimId, now, true);
  });
  return view(ctx, id, now);
}

export function act(ctx: CoreContext, id: string, claimId: string, action: QueueAction, now = Date.now()): ActResult {
  const db = ctx.workspace.db;
  const nextClaimId = inWorkableSession(ctx, id, now, () => {
    requireQueued(ctx, id, claimId);
    chargeCurrent(db, id, now, false);
    setItemState(db, id, claimId, action, iso(now), loadClaim(db, claimId).verdict);
    const next = action === 'reopen' ? claimId : nextInQueue(db, id, claimId);
    moveCursor(db, id, next, now, true);
    return next;
  });
  return { session: view(ctx, id, now), nextClaimId };
}

/** Pause this person's running sessions now (the app is closing the workspace); returns how many. */
export function pauseRunningSessions(ctx: CoreContext, now = Date.now()): number {
  const me = ctx.identity.get().actorId;
  let paused = 0;
  ctx.workspace.db.transaction(() => {
    for (const row of listSessionRows(ctx.workspace.db)) {
      if (row.owner !== me || row.status !== 'active') continue;
      chargeCurrent(ctx.workspace.db, row.id, now, false);
      recordPause(ctx.workspace, row, now, `Pause session “${row.name}” (workspace closed)`);
      paused++;
    }
  }).immediate();
  return paused;
}

/**
 * The app opens a workspace: a session of this person's still running in it was left by an app
 * that was killed or crashed (a closing app pauses its sessions). Pause each at the last sign of
 * life, so the time no app was working on it is not counted; the next action resumes it.
 */
export function pauseSessionsLeftRunning(ctx: CoreContext): number {
  const me = ctx.identity.get().actorId;
  let paused = 0;
  for (const row of listSessionRows(ctx.workspace.db)) {
    if (row.owner !== me || row.status !== 'active') continue;
    pauseAtLastSignOfLife(ctx.workspace, row);
    paused++;
  }
  return paused;
}
