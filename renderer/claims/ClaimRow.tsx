import { memo } from 'react';
import type { Claim } from '../../shared/domain';
import { VERDICT_LABELS } from '../../shared/domain';
import { VerdictIcon } from '../ui/Verdict';

interface ClaimRowProps {
  claim: Claim | undefined;
  index: number;
  total: number;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (index: number, id: string | null) => void;
}

export const claimOptionId = (index: number) => `claim-option-${index}`;

export const ClaimRow = memo(function ClaimRow({ claim, index, total, selected, top, height, onSelect }: ClaimRowProps) {
  return (
    <div
      id={claimOptionId(index)}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-busy={claim ? undefined : true}
      className={`claim-row ${selected ? 'is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onSelect(index, claim?.id ?? null)}
      data-claim-id={claim?.id}
      data-verdict={claim?.verdict}
    >
      {claim ? (
        <>
          <VerdictIcon verdict={claim.verdict} size={15} />
          <div className="claim-row-body">
            <span className="claim-row-text">{claim.text}</span>
            <span className="claim-row-meta">
              <span className={`claim-row-verdict verdict-${claim.verdict}`}>{VERDICT_LABELS[claim.verdict]}</span>
              {claim.claimant && <span className="claim-row-claimant">· {claim.claimant}</span>}
              {!claim.anchor && <span className="claim-row-manual">· added by hand</span>}
            </span>
          </div>
        </>
      ) : (
        <div className="claim-row-body" aria-hidden>
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line short" />
        </div>
      )}
    </div>
  );
});
