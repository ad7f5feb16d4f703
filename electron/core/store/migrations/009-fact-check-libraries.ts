import type { Migration } from './types';

/**
 * Fact-check libraries linked to this workspace, and each claim's best match in them.
 *
 * Both tables are local to this machine and derived: a library path means nothing on a teammate's
 * laptop, and a match can always be computed again from the claim and the library. So neither goes
 * through the change log, neither is merged or shared, and a workspace handed on without its
 * libraries simply shows no matches until the receiver links their own.
 */
export const migration009: Migration = {
  version: 9,
  name: 'fact-check-libraries',
  up: `
    CREATE TABLE library_links (
      path TEXT PRIMARY KEY,
      linked_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE claim_library_matches (
      claim_id TEXT PRIMARY KEY REFERENCES claims (id) ON DELETE CASCADE,
      library_path TEXT NOT NULL,
      review_url TEXT NOT NULL,
      score REAL NOT NULL,
      confidence REAL NOT NULL,
      claim_reviewed TEXT NOT NULL,
      headline TEXT NOT NULL,
      rating_text TEXT NOT NULL,
      verdict TEXT NOT NULL,
      publisher TEXT NOT NULL,
      date_published TEXT,
      why TEXT NOT NULL,
      -- The claim's text when it was matched: an edited claim is matched again the next time it is shown.
      claim_text TEXT NOT NULL,
      matched_at TEXT NOT NULL
    ) STRICT;
  `,
};
