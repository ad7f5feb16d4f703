import { useQuery } from '@tanstack/react-query';
import type { Claim } from '../../shared/domain';
import { ReasonChips, ScoreMeter } from './ScoreReasons';
import { thresholdQuery } from './useDocumentData';

/** Detail pane: the claim's check-worthiness score, the reasons behind it, and who makes the claim. */
export function ScoreSection({ claim }: { claim: Claim }) {
  const threshold = useQuery(thresholdQuery).data?.threshold;
  if (claim.score === null) return null;
  return (
    <div className="score-section">
      <div className="score-line">
        <span className="field-label">Score</span>
        <ScoreMeter score={claim.score} threshold={threshold} />
        {claim.claimant && (
          <span className="score-claimant" data-testid="score-claimant">
            <span className="muted">Claimant</span> {claim.claimant}
          </span>
        )}
      </div>
      <ReasonChips reasons={claim.reasons} />
    </div>
  );
}
