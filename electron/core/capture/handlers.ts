import type { Handlers } from '../handler-types';
import { inWorkableSession, ownOpenSession } from '../sessions/lifecycle';
import { loadSessionRow } from '../sessions/rows';
import { appendChunk, flushCapture, promoteRange } from './append';
import { captureFeed, readDraft, saveDraft } from './feed';

export const captureHandlers = {
  'capture.append': ({ sessionId, ...input }, ctx) => {
    const now = Date.now();
    // The feed's sentences live beside the change log: touched by hand.
    ctx.workspace.touched.add('transcriptChunk');
    return inWorkableSession(ctx, sessionId, now, (row) => appendChunk(ctx, row, input, now));
  },
  'capture.flush': ({ sessionId }, ctx) => {
    const now = Date.now();
    ctx.workspace.touched.add('transcriptChunk');
    return inWorkableSession(ctx, sessionId, now, (row) => flushCapture(ctx, row, now));
  },
  'capture.feed': ({ sessionId, ...opts }, ctx) =>
    captureFeed(ctx.workspace.db, loadSessionRow(ctx.workspace.db, sessionId), opts),
  'capture.promote': ({ sessionId, start, end }, ctx) => {
    const now = Date.now();
    ctx.workspace.touched.add('transcriptChunk');
    return inWorkableSession(ctx, sessionId, now, (row) => promoteRange(ctx, row, { start, end }, now));
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
