/**
 * What the change log can write: each entity's table and its fields, as the registry declares them
 * (shared/entities/registry.ts). Field names are the camelCase names used in `changes.field`;
 * values travel as JSON text in `changes.value`.
 */
import type { FieldDecl, FieldKind } from '../../../shared/entities/field';
import { CREATE_FIELD, ENTITY_REGISTRY, type EntityDecl, type EntityName } from '../../../shared/entities/registry';

export type { FieldKind, EntityName };
export { CREATE_FIELD };
export type FieldSpec = FieldDecl;
export type EntitySpec = EntityDecl;

export const ENTITIES = ENTITY_REGISTRY;

export function entitySpec(entity: string): EntitySpec {
  const spec = (ENTITIES as Record<string, EntitySpec>)[entity];
  if (!spec) throw new Error(`Unknown entity: ${entity}`);
  return spec;
}

/**
 * A creation's value for one field as it means today. Before verdicts had a "not reviewed" state
 * every claim was created 'unverified' by default; such a creation carries no decision, so it
 * reads as null (migration 6 did the same to the tables). A decision is always its own change.
 */
export function creationValue(entity: string, field: string, value: unknown): unknown {
  return entity === 'claim' && field === 'verdict' && value === 'unverified' ? null : value;
}

/**
 * A creation's full field set, as a merge replays it: the caller's values over every field's initial
 * value, each read through creationValue. Throws on a field the entity does not have.
 */
export function creationFields(entity: string, given: Record<string, unknown>): Record<string, unknown> {
  const fields = entitySpec(entity).fields;
  for (const name in given) if (!Object.hasOwn(fields, name)) throw new Error(`Unknown field ${entity}.${name}`);
  const full: Record<string, unknown> = {};
  for (const name in fields)
    full[name] = creationValue(entity, name, name in given ? given[name] : (fields[name]!.initial ?? null));
  return full;
}

export function fieldSpec(entity: string, field: string): FieldSpec {
  const spec = entitySpec(entity).fields[field];
  if (!spec) throw new Error(`Unknown field ${entity}.${field}`);
  return spec;
}

/** Convert a decoded change value into what the column stores. */
export function toColumn(kind: FieldKind, value: unknown): unknown {
  if (value === undefined || value === null) return kind === 'bool' ? 0 : kind === 'json' ? null : null;
  switch (kind) {
    case 'json':
      return JSON.stringify(value);
    case 'bool':
      return value ? 1 : 0;
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'text':
      return String(value);
  }
}

/** Convert a column value back into the change-log value. */
export function fromColumn(kind: FieldKind, value: unknown): unknown {
  if (value === null || value === undefined) return kind === 'bool' ? false : null;
  switch (kind) {
    case 'json':
      return JSON.parse(String(value));
    case 'bool':
      return value === 1 || value === true;
    default:
      return value;
  }
}
