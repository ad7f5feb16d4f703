import { LIBRARY_VERDICT_LABELS, type PageFactCheckMatch } from '../../shared/library-api';

/** "False · PolitiFact · 2019": the rating in the publisher's words, who published it and when. */
export function matchSummary(m: PageFactCheckMatch): string {
  return [m.ratingText || LIBRARY_VERDICT_LABELS[m.verdict], m.publisher, m.datePublished?.slice(0, 4)]
    .filter(Boolean)
    .join(' · ');
}

/** Colour class by normalised verdict: false and misleading read as disputed, true as sourced. */
export function verdictTone(m: PageFactCheckMatch): 'disputed' | 'sourced' | 'unverified' {
  if (m.verdict === 'false' || m.verdict === 'misleading') return 'disputed';
  if (m.verdict === 'true') return 'sourced';
  return 'unverified';
}
