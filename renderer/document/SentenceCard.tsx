import { Plus } from 'lucide-react';
import type { DocumentSentence } from '../../shared/spotting/ingest-types';
import { Button } from '../ui/Button';
import { ReasonChips, ScoreMeter } from './ScoreReasons';

export interface HoveredSentence {
  index: number;
  sentence: DocumentSentence;
  rect: DOMRect;
}

interface SentenceCardProps {
  hovered: HoveredSentence;
  threshold: number;
  onEnter: () => void;
  onLeave: () => void;
  onPromote: () => void;
}

const CARD_WIDTH = 340;

/** Shown over a sentence that is not a claim: its score, why, and one click to make it a claim. */
export function SentenceCard({ hovered, threshold, onEnter, onLeave, onPromote }: SentenceCardProps) {
  const { sentence, rect } = hovered;
  const below = window.innerHeight - rect.bottom > 180;
  const style = {
    left: Math.min(Math.max(8, rect.left), window.innerWidth - CARD_WIDTH - 8),
    ...(below ? { top: rect.bottom + 6 } : { bottom: window.innerHeight - rect.top + 6 }),
    width: CARD_WIDTH,
  };
  return (
    <div className="sentence-card" style={style} onMouseEnter={onEnter} onMouseLeave={onLeave} data-testid="sentence-card">
      <div className="sentence-card-head">
        <span className="sentence-card-label">Check-worthiness</span>
        <ScoreMeter score={sentence.score} threshold={threshold} />
      </div>
      <p className="sentence-card-verdict muted">
        {sentence.score >= threshold
          ? `At or above the threshold (${threshold.toFixed(2)}): a candidate claim.`
          : `Below the threshold (${threshold.toFixed(2)}).`}
        {sentence.claimant ? ` Claimant: ${sentence.claimant}.` : ''}
      </p>
      <ReasonChips reasons={sentence.reasons} />
      <div className="sentence-card-actions">
        <Button size="sm" variant="primary" onClick={onPromote}>
          <Plus size={14} aria-hidden /> Make claim
        </Button>
      </div>
    </div>
  );
}
