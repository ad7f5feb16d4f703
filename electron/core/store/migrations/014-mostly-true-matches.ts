import { reRateMostlyTrue } from '../../library/rating-fixes';
import type { Migration } from './types';

/** Cached fact-check matches rated "Mostly true" or "Partly true" are no longer counted as misleading. */
export const migration014: Migration = {
  version: 14,
  name: 'mostly-true-matches',
  up: reRateMostlyTrue('claim_library_matches'),
};
