import { memo } from 'react';
import type { Claim } from '../../shared/domain';
import { verdictExplained, verdictLabel } from '../../shared/domain';
import { VerdictIcon, verdictKey } from '../ui/Verdict';
import { Highlighted, matchExcerpt, matchRanges } from '../search/highlight';
import { MarkBox } from '../triage/MarkBox';
import { ConflictMarker } from '../team/ConflictMarker';
import type { PageFactCheckMatch } from '../../shared/library-api';
import { FactCheckBadge } from '../library/FactCheckBadge';

interface ClaimRowProps {
  claim: Claim | undefined;
  index: number;
  total: number;
  selected: boolean;
  top: number;
  height: number;
  onSelect: (index: number, id: string | null) => void;
  /** In the multi-selection; undefined while nothing is marked. */
  marked?: boolean;
  onToggleMark?: (id: string) => void;
  /** Folded search terms to highlight. */
  terms?: readonly string[];
  /** The published fact-check this claim strongly matches, if any. */
  factCheck?: PageFactCheckMatch;
}

export const claimOptionId = (index: number) => `claim-option-${index}`;

export const ClaimRow = memo(function ClaimRow({
  claim,
  index,
  total,
  selected,
  top,
  height,
  onSelect,
  marked,
  onToggleMark,
  terms,
  factCheck,
}: ClaimRowProps) {
  const searching = !!claim && !!terms && terms.length > 0;
  const textRanges = searching ? matchRanges(claim.text, terms) : [];
  // Listed by a search whose words are not in the claim or its claimant: say where they are.
  const inRationale =
    searching && textRanges.length === 0 && matchRanges(claim.claimant ?? '', terms).length === 0
      ? matchExcerpt(claim.rationale, terms)
      : null;
  return (
    <div
      id={claimOptionId(index)}
      role="option"
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      aria-busy={claim ? undefined : true}
      aria-checked={marked}
      className={`claim-row ${selected ? 'is-selected' : ''} ${marked ? 'is-marked' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => {
        if (claim && onToggleMark && (e.ctrlKey || e.metaKey)) onToggleMark(claim.id);
        else onSelect(index, claim?.id ?? null);
      }}
      data-claim-id={claim?.id}
      data-verdict={claim ? verdictKey(claim.verdict) : undefined}
    >
      {claim ? (
        <>
          {marked !== undefined && onToggleMark ? <MarkBox marked={marked} onToggle={() => onToggleMark(claim.id)} /> : null}
          <VerdictIcon verdict={claim.verdict} size={15} />
          <div className="claim-row-body">
            <span className="claim-row-text">
              {textRanges.length > 0 ? <Highlighted text={claim.text} ranges={textRanges} /> : claim.text}
            </span>
            <span className="claim-row-meta">
              <span
                className={`claim-row-verdict verdict-${verdictKey(claim.verdict)}`}
                title={verdictExplained(verdictKey(claim.verdict))}
              >
                {verdictLabel(claim.verdict)}
              </span>
              {claim.conflicted && <ConflictMarker />}
              {factCheck && <FactCheckBadge match={factCheck} />}
              {claim.claimant && <span className="claim-row-claimant">· {claim.claimant}</span>}
              {!claim.anchor && <span className="claim-row-manual">· added by hand</span>}
              {claim.assignee && <span className="claim-row-assignee">· {claim.assignee}</span>}
              {claim.tags.length > 0 && <span className="claim-row-tags">· {claim.tags.join(', ')}</span>}
              {inRationale && (
                <span className="claim-row-why">
                  · in rationale: <Highlighted text={inRationale.text} ranges={inRationale.ranges} />
                </span>
              )}
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
