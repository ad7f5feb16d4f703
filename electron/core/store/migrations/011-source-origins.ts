import type { Migration } from './types';

/**
 * Sources as a checker records them: when the page was read (`accessed_at`) and a frozen copy of
 * it (`archive_url`, e.g. a web archive snapshot), next to the publisher and publication date the
 * table already had. Both are change-log fields (store/entities.ts), so they merge and sync like a
 * source's title and link.
 */
export const migration011: Migration = {
  version: 11,
  name: 'source-origins',
  up: `
    ALTER TABLE sources ADD COLUMN accessed_at TEXT;
    ALTER TABLE sources ADD COLUMN archive_url TEXT;
  `,
};
