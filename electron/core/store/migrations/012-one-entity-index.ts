import type { Migration } from './types';

/**
 * One index over a change's entity instead of two. `changes_by_field` (entity, entity_id, field, hlc)
 * and `changes_by_entity` (entity_id, hlc) were both keyed by a random id, so every recorded or
 * merged change paid two random b-tree inserts. Leading with `entity_id` serves every lookup both
 * served: a field's changes (all three equalities), an entity's whole log, and the activity of a
 * few entities (an id range each, sorted by hlc afterwards).
 */
export const migration012: Migration = {
  version: 12,
  name: 'one-entity-index',
  up: `
    CREATE INDEX changes_by_entity_field ON changes (entity_id, entity, field, hlc);
    DROP INDEX changes_by_field;
    DROP INDEX changes_by_entity;
  `,
};
