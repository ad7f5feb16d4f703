import type { Handlers } from '../handler-types';
import { ownOpenSession, workableSession } from '../sessions/lifecycle';
import { loadSessionRow } from '../sessions/rows';
import { oneTransaction } from '../sessions/handlers';
import { appendChunk, flushCapture, promoteRange } from './append';
import { captureFeed, readDraft, saveDraft } from './feed';

export const captureHandlers = {
  'capture.append': ({ sessionId, ...input }, ctx) => {
    const now = Date.now();
    return oneTransaction(ctx, () => appendChunk(ctx, workableSession(ctx, sessionId, now), input, now));
  },
  'capture.flush': ({ sessionId }, ctx) => {
    const now = Date.now();
    return oneTransaction(ctx, () => flushCapture(ctx, workableSession(ctx, sessionId, now), now));
  },
  'capture.feed': ({ sessionId, ...opts }, ctx) =>
    captureFeed(ctx.workspace.db, loadSessionRow(ctx.workspace.db, sessionId), opts),
  'capture.promote': ({ sessionId, start, end }, ctx) => {
    const now = Date.now();
    return oneTransaction(ctx, () => promoteRange(ctx, workableSession(ctx, sessionId, now), { start, end }, now));
  },
  'capture.draft.get': ({ sessionId }, ctx) => {
    loadSessionRow(ctx.workspace.db, sessionId);
    return readDraft(ctx.workspace.db, sessionId);
  },
  'capture.draft.save': ({ sessionId, text, speaker }, ctx) => {
    ownOpenSession(ctx, sessionId, Date.now());
    return saveDraft(ctx.workspace.db, sessionId, text, speaker);
  },
} satisfies Partial<Handlers>;
