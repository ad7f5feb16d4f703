import { memo, type ReactNode } from 'react';
import type { Claim } from '../../shared/domain';
import { useOperationQuery } from '../api/queries';
import { useReveal } from '../search/useReveal';
import { Spinner } from '../ui/Progress';
import { VerdictBadge } from '../ui/Verdict';
import './evidence.css';

/** Claims like this one, here and in other workspaces, with their verdicts: nothing is checked twice. */
export const SimilarSection = memo(function SimilarSection({ claim }: { claim: Claim }) {
  const similar = useOperationQuery('claims.similar', { id: claim.id, limit: 5 });
  if (similar.isPending) return <Spinner label="Looking for similar claims…" />;
  if (similar.error) return <p className="evidence-empty">Similar claims are unavailable: {similar.error.message}</p>;
  const items = similar.data.items;
  if (items.length === 0)
    return <p className="evidence-empty">No similar claims in other documents, and no near-duplicate in this one.</p>;
  return (
    <ul className="similar-list" aria-label="Similar claims">
      {items.map((s) => {
        const here = s.inThisWorkspace;
        const body = (
          <>
            <span className="similar-head">
              <VerdictBadge verdict={s.verdict} />
              <span className="similar-where">
                {s.workspaceName}
                {s.documentTitle ? ` · ${s.documentTitle}` : ''}
              </span>
              <span className="similar-score" title="How much of the wording they share">
                {Math.round(s.similarity * 100)}% alike
              </span>
            </span>
            <span className="similar-text">{s.text}</span>
            <span className="similar-why">{s.reason}</span>
            {s.rationale && <span className="similar-rationale">{s.rationale}</span>}
          </>
        );
        return (
          <li key={`${here ? '' : s.workspaceName}:${s.claimId}`} className="similar-item">
            {here ? (
              <RevealButton claimId={s.claimId}>{body}</RevealButton>
            ) : (
              <div className="similar-open is-static">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
});

/** Only this button follows the workbench, so the section itself does not re-render while the list scrolls. */
function RevealButton({ claimId, children }: { claimId: string; children: ReactNode }) {
  const reveal = useReveal();
  return (
    <button type="button" className="similar-open" onClick={() => void reveal(claimId)}>
      {children}
    </button>
  );
}
