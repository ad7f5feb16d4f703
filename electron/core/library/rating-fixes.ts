/**
 * SQL that re-reads stored ratings an earlier mapping normalised wrongly: "Mostly true" was filed as misleading
 * (a fact-check that mostly supports a claim was attached as contradicting it), "Partly true" too. Run on a
 * library's reviews and on a workspace's cached matches, which both keep the normalised verdict beside the text.
 */
export function reRateMostlyTrue(table: 'reviews' | 'claim_library_matches'): string {
  const rating = `trim(lower(replace(rating_text, '-', ' ')), ' .!')`;
  return `
    UPDATE ${table} SET verdict = 'true' WHERE verdict = 'misleading' AND ${rating} = 'mostly true';
    UPDATE ${table} SET verdict = 'mixed' WHERE verdict = 'misleading' AND ${rating} IN ('partly true', 'partially true');
  `;
}

/** "Half true" (and "half false") were filed as misleading: the publisher rated them half right, which is mixed. */
export function reRateHalfTrue(table: 'reviews' | 'claim_library_matches'): string {
  const rating = `trim(lower(replace(rating_text, '-', ' ')), ' .!')`;
  return `UPDATE ${table} SET verdict = 'mixed' WHERE verdict = 'misleading' AND ${rating} IN ('half true', 'half false');`;
}
