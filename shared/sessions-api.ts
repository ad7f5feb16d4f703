/** Checking sessions and live capture: their part of the contract (spread into `api` in shared/api.ts). */
import { z } from 'zod';
import { op } from './operation';
import type { Claim } from './domain';
import { sessionScopeSchema } from './session-scope';
import type { ActResult, CaptureDraft, CaptureFeed, CaptureResult, CheckSession, QueuePage, SessionSummary } from './sessions';
import { QUEUE_ACTIONS, QUEUE_STATES } from './sessions';

const id = z.string().min(1).max(64);
const sessionRef = { id };
const speaker = z.string().trim().max(120);
/** A transcript chunk: a paragraph or a few, never a whole book at once. */
const chunkText = z.string().max(200_000);


export const sessionsApi = {
  'sessions.list': op<CheckSession[]>()(z.object({}).strict()),
  'sessions.start': op<CheckSession>()(
    z
      .object({
        name: z.string().trim().max(200).optional(),
        scope: sessionScopeSchema.optional(),
        /** Start with live capture: a new transcript document whose claims join the queue as they are spotted. */
        capture: z
          .object({ title: z.string().trim().max(300).optional() })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'sessions.get': op<CheckSession>()(z.object(sessionRef).strict()),
  'sessions.queue': op<QueuePage>()(
    z
      .object({
        ...sessionRef,
        state: z.enum(QUEUE_STATES).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5_000).optional(),
      })
      .strict(),
  ),
  /** Move to a claim of the queue: time spent is counted for the claim the checker is on. */
  'sessions.focus': op<CheckSession>()(z.object({ ...sessionRef, claimId: id }).strict()),
  'sessions.act': op<ActResult>()(z.object({ ...sessionRef, claimId: id, action: z.enum(QUEUE_ACTIONS) }).strict()),
  'sessions.pause': op<CheckSession>()(z.object(sessionRef).strict()),
  'sessions.resume': op<CheckSession>()(z.object(sessionRef).strict()),
  'sessions.end': op<CheckSession>()(z.object(sessionRef).strict()),
  /** Start live capture in a session that has none: a new transcript whose claims join its queue. */
  'sessions.addCapture': op<CheckSession>()(z.object({ ...sessionRef, title: z.string().trim().max(300).optional() }).strict()),
  'sessions.summary': op<SessionSummary>()(
    z.object({ ...sessionRef, openLimit: z.number().int().min(0).max(100_000).optional() }).strict(),
  ),

  /** Add a transcript chunk: segmented and scored at once; check-worthy sentences join the queue. */
  'capture.append': op<CaptureResult>()(
    z
      .object({
        sessionId: id,
        text: chunkText,
        /** Who is speaking; left out = the last speaker. A leading "NAME:" label in the text also sets it. */
        speaker: speaker.optional(),
        /** The checker's own capture: the whole chunk becomes one claim, whatever its score. */
        byHand: z.boolean().optional(),
      })
      .strict(),
  ),
  /** Close the sentence still waiting for its end (the speaker stopped, the event ended). */
  'capture.flush': op<CaptureResult>()(z.object({ sessionId: id }).strict()),
  'capture.feed': op<CaptureFeed>()(
    z
      .object({
        sessionId: id,
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(5_000).optional(),
        /** The last N sentences (instead of offset and limit): the live view's window on the transcript. */
        last: z.number().int().min(1).max(5_000).optional(),
      })
      .strict(),
  ),
  /** Make a claim from a captured sentence the spotter passed over. */
  'capture.promote': op<Claim>()(
    z
      .object({ sessionId: id, start: z.number().int().min(0), end: z.number().int().min(1) })
      .strict()
      .refine((v) => v.end > v.start, 'end must be after start'),
  ),
  /** What is typed in the capture box, kept on every keystroke so nothing typed is lost. */
  'capture.draft.get': op<CaptureDraft>()(z.object({ sessionId: id }).strict()),
  'capture.draft.save': op<CaptureDraft>()(z.object({ sessionId: id, text: chunkText, speaker }).strict()),
} as const;

export { sessionScopeSchema };
