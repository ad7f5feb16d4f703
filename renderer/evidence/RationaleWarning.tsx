import { memo } from 'react';
import { TriangleAlert } from 'lucide-react';
import type { Claim } from '../../shared/domain';
import { claimWarnings } from '../../shared/evidence';
import { useEvidence } from './useEvidence';
import './evidence.css';

/**
 * Warns, never blocks: sourced with no source, or disputed with neither a contradicting source
 * nor a rationale. Computed here from the claim and its sources so it follows every edit at once.
 */
export const RationaleWarning = memo(function RationaleWarning({ claim }: { claim: Claim }) {
  const evidence = useEvidence(claim);
  if (!evidence.data) return null;
  const warnings = claimWarnings({ verdict: claim.verdict, rationale: claim.rationale, sources: evidence.data.sources });
  if (warnings.length === 0) return null;
  return (
    <div className="evidence-warning" role="status" data-testid="claim-warning">
      <TriangleAlert size={14} aria-hidden />
      <div>
        {warnings.map((w) => (
          <p key={w.code}>{w.message}</p>
        ))}
      </div>
    </div>
  );
});
