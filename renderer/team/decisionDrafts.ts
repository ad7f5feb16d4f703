import { z } from 'zod';
import { VERDICTS, type Verdict } from '../../shared/domain';
import { DraftShelf } from '../ui/unsentDrafts';

/** A new decision for a conflicted claim, typed but not yet saved. */
export interface DecisionDraft {
  verdict: Verdict | null;
  rationale: string;
}

/** Kept per claim until it is saved or discarded: cancelling the form or closing the queue keeps it. */
export const unsentDecisions = new DraftShelf<DecisionDraft>({
  key: 'conflict-decisions',
  schema: z.object({ verdict: z.enum(VERDICTS).nullable(), rationale: z.string() }),
});

export const isBlankDecision = (d: DecisionDraft) => d.rationale.trim() === '';
