import type { Migration } from './types';

/**
 * Fact-check matches cached before confidence weighed how much a claim and a fact-check share are dropped: each
 * claim is matched again the first time it is shown (library/links.ts storedMatches), so no badge from
 * the older measure stays. The cache is local and derived; nothing a person decided is in it.
 */
export const migration015: Migration = {
  version: 15,
  name: 'rematch-fact-checks',
  up: 'DELETE FROM claim_library_matches;',
};
