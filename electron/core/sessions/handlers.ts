import type { Handlers } from '../handler-types';
import { listQueue } from './queue';
import {
  act,
  addCapture,
  endSession,
  focusClaim,
  getSession,
  listSessions,
  pauseSession,
  resumeSession,
  startSession,
} from './lifecycle';
import { loadSessionRow } from './rows';
import { sessionSummary } from './summary';

export const checkSessionHandlers = {
  'sessions.list': (_input, ctx) => listSessions(ctx),
  'sessions.start': (input, ctx) => startSession(ctx, input),
  'sessions.get': ({ id }, ctx) => getSession(ctx, id),
  'sessions.queue': ({ id, ...opts }, ctx) => {
    loadSessionRow(ctx.workspace.db, id);
    return listQueue(ctx.workspace.db, id, opts);
  },
  // The queue's state and time spent live beside the change log: touched by hand.
  'sessions.focus': ({ id, claimId }, ctx) => {
    const focused = focusClaim(ctx, id, claimId);
    ctx.workspace.touched.add('checkSession', id);
    return focused;
  },
  'sessions.act': ({ id, claimId, action }, ctx) => {
    const acted = act(ctx, id, claimId, action);
    ctx.workspace.touched.add('checkSession', id);
    return acted;
  },
  'sessions.pause': ({ id }, ctx) => pauseSession(ctx, id),
  'sessions.resume': ({ id }, ctx) => resumeSession(ctx, id),
  'sessions.end': ({ id }, ctx) => endSession(ctx, id),
  'sessions.addCapture': ({ id, title }, ctx) => addCapture(ctx, id, title),
  'sessions.summary': ({ id, openLimit }, ctx) =>
    sessionSummary(ctx.workspace.db, loadSessionRow(ctx.workspace.db, id), ctx.identity.get().actorId, Date.now(), openLimit),
} satisfies Partial<Handlers>;
