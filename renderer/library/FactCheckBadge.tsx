import { BookCheck } from 'lucide-react';
import type { PageFactCheckMatch } from '../../shared/library-api';
import { ratedBy, verdictTone } from './format';
import './library.css';

/** In the claim list: a published fact-check states this claim (a strong match); whose rating it is comes first. */
export function FactCheckBadge({ match }: { match: PageFactCheckMatch }) {
  return (
    <span
      className={`fact-check-badge tone-${verdictTone(match)}`}
      title={`checked before: ${ratedBy(match)} (a strong match)\n${match.claimReviewed}\n${match.url}`}
    >
      <BookCheck size={11} aria-hidden />
      checked before: {ratedBy(match)}
    </span>
  );
}
