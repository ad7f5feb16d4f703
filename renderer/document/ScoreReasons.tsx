import type { ScoreReason } from '../../shared/domain';
import './document.css';

/** A score as a number and a short bar (the number is the information; the bar is a glance). */
export function ScoreMeter({ score, threshold }: { score: number; threshold?: number }) {
  const above = threshold === undefined || score >= threshold;
  return (
    <span className="score-meter" data-testid="score">
      <span className="score-value">{score.toFixed(2)}</span>
      <span className="score-bar" aria-hidden>
        <span className={`score-bar-fill ${above ? 'is-above' : ''}`} style={{ width: `${Math.round(score * 100)}%` }} />
        {threshold !== undefined && <span className="score-bar-mark" style={{ left: `${Math.round(threshold * 100)}%` }} />}
      </span>
    </span>
  );
}

/** Why a sentence scored as it did: one chip per reason with its signed weight. */
export function ReasonChips({ reasons }: { reasons: ScoreReason[] }) {
  if (reasons.length === 0) return <span className="muted reason-none">No particular signals</span>;
  const sorted = [...reasons].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return (
    <ul className="reason-chips" aria-label="Reasons">
      {sorted.map((r, i) => (
        <li key={`${r.kind}-${i}`} className={`reason-chip ${r.weight >= 0 ? 'is-plus' : 'is-minus'}`} title={r.kind}>
          <span className="reason-weight">
            {r.weight >= 0 ? '+' : '−'}
            {Math.abs(r.weight).toFixed(2)}
          </span>
          <span className="reason-label">{r.label}</span>
        </li>
      ))}
    </ul>
  );
}
