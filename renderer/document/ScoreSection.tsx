import { useQuery } from '@tanstack/react-query';
import type { Claim } from '../../shared/domain';
import { ReasonChips, ScoreMeter } from './ScoreReasons';
import { thresholdQuery } from './useDocumentData';

/** Detail pane: the claim's check-worthiness score and the reasons behind it (the claimant has its own field). */
export function ScoreSection({ claim }: { claim: Claim }) {
  const threshold = useQuery(thresholdQuery).data?.threshold;
  if (claim.score === null) return null;
  return (
    <div className="score-section">
      <div className="score-line">
        <span className="field-label">Score</span>
        <ScoreMeter score={claim.score} threshold={threshold} />
      </div>
      <ReasonChips reasons={claim.reasons} />
    </div>
  );
}
