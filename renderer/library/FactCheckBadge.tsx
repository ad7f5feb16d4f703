import { BookCheck } from 'lucide-react';
import type { PageFactCheckMatch } from '../../shared/library-api';
import { matchSummary, verdictTone } from './format';
import './library.css';

/** In the claim list: this claim was checked before by a published fact-check. */
export function FactCheckBadge({ match }: { match: PageFactCheckMatch }) {
  return (
    <span
      className={`fact-check-badge tone-${verdictTone(match)}`}
      title={`checked before: ${matchSummary(match)}\n${match.claimReviewed}\n${match.url}`}
    >
      <BookCheck size={11} aria-hidden />
      checked before: {matchSummary(match)}
    </span>
  );
}
