import { z } from 'zod';
import { VERDICT_FILTERS } from './domain';
import { claimListExtraShape } from './evidence-api';

const id = z.string().min(1).max(64);

/** Which claims a checking session queues: the claim list's filters, as the session was started with them. */
export const sessionScopeSchema = z
  .object({
    documentIds: z.array(id).min(1).max(10_000).optional(),
    verdict: z.enum(VERDICT_FILTERS).optional(),
    /** Queue decided claims too; by default only the claims not reviewed yet are queued. */
    includeDecided: z.boolean().optional(),
    query: z.string().max(2_000).optional(),
    ...claimListExtraShape,
  })
  .strict();

export type SessionScope = z.output<typeof sessionScopeSchema>;
