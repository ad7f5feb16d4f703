import type { Migration } from './types';

/**
 * Cached fact-check matches are dropped so each claim is matched again (library/links.ts storedMatches) with the
 * measure that marks a fact-check about a different event (other figures, dates or action) as only similar, and
 * with "Half true" read as mixed. The cache is local and derived; nothing a person decided is in it.
 */
export const migration016: Migration = {
  version: 16,
  name: 'rematch-event-checks',
  up: 'DELETE FROM claim_library_matches;',
};
