/** One person's side of a claim's decision, as a report prints it: open conflicts and overruled sides alike. */
import { VERDICTS, verdictLabel, type Verdict } from '../../../shared/domain';
import type { PersonDecision } from '../store/decisions';
import { hlcTime } from '../store/recorder';
import type { DecisionSide } from './schema';

export function decisionSide(d: PersonDecision): DecisionSide {
  const verdict = (VERDICTS as readonly unknown[]).includes(d.values.verdict) ? (d.values.verdict as Verdict) : null;
  return {
    author: d.author,
    verdict,
    verdictLabel: verdictLabel(verdict),
    rationale: typeof d.values.rationale === 'string' ? d.values.rationale : '',
    at: hlcTime(d.last),
  };
}
