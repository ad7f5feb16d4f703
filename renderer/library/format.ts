import { LIBRARY_VERDICT_LABELS, STRONG_MATCH, WEAK_MATCH, type PageFactCheckMatch } from '../../shared/library-api';

/** "False · PolitiFact · 2019": the rating in the publisher's words, who published it and when. */
export function matchSummary(m: PageFactCheckMatch): string {
  return [m.ratingText || LIBRARY_VERDICT_LABELS[m.verdict], m.publisher, m.datePublished?.slice(0, 4)]
    .filter(Boolean)
    .join(' · ');
}

/** Colour class by what the rating means: false and misleading red, true green, mixed amber, unproven or unrated neutral. */
export function verdictTone(m: PageFactCheckMatch): 'disputed' | 'sourced' | 'unverified' | 'neutral' {
  if (m.verdict === 'false' || m.verdict === 'misleading') return 'disputed';
  if (m.verdict === 'true') return 'sourced';
  if (m.verdict === 'mixed') return 'unverified';
  return 'neutral';
}

/** "Desk Check (2015) rated True": whose rating it is, so nobody reads it as the workspace's own verdict. */
export function ratedBy(m: PageFactCheckMatch): string {
  const year = m.datePublished?.slice(0, 4);
  const who = m.publisher || 'A publisher';
  return `${who}${year ? ` (${year})` : ''} rated ${m.ratingText || LIBRARY_VERDICT_LABELS[m.verdict]}`;
}

/** How sure the match is, in a checker's words: the same claim, a similar one, or a word or two in common. */
export function matchStrength(m: PageFactCheckMatch): { label: string; hint: string } {
  if (m.confidence >= STRONG_MATCH)
    return { label: 'Strong match', hint: 'The fact-check states this claim: its key words and figures are in it.' };
  if (m.confidence >= WEAK_MATCH)
    return {
      label: 'Similar fact-check',
      hint:
        m.why.differences.length > 0
          ? 'About a different event: check its figures, dates and action before reusing its rating.'
          : 'Shares part of the claim: it may be about something else.',
    };
  return { label: 'Weak match', hint: 'Shares a word or two with the claim.' };
}
