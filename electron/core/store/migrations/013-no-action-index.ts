import type { Migration } from './types';

/**
 * No index on a change's action. Nothing looks changes up by their action alone: undo keeps an
 * action's steps, and the one query that compares actions (re-applying the threshold) finds its
 * rows through the entity index first. The index only cost every recorded or merged change one
 * more b-tree insert.
 */
export const migration013: Migration = {
  version: 13,
  name: 'no-action-index',
  up: `
    DROP INDEX changes_by_action;
  `,
};
