/**
 * Reading entity rows: column lists and the decoding of a stored row, both derived from the
 * registry (shared/entities/registry.ts), so a field added there is read everywhere at once.
 */
import type { FieldDecl } from '../../../shared/entities/field';
import {
  ENTITY_REGISTRY,
  ROW_BOOKKEEPING_COLUMNS,
  type EntityName,
  type EntityRecord,
  type EntityValues,
  type StoredRow,
} from '../../../shared/entities/registry';
import { fromColumn } from './entities';

type FieldName<E extends EntityName> = keyof EntityValues<E> & string;

function fieldsOf<E extends EntityName>(entity: E): [FieldName<E>, FieldDecl][] {
  return Object.entries(ENTITY_REGISTRY[entity].fields as Record<string, FieldDecl>) as [FieldName<E>, FieldDecl][];
}

/**
 * `id, created_at, …, <every field's column>` for a SELECT, each prefixed with `alias.` when given;
 * `only` narrows the fields (the bookkeeping columns always come).
 */
export function columnsOf<E extends EntityName>(
  entity: E,
  options: { alias?: string; only?: readonly FieldName<E>[] } = {},
): string {
  const prefix = options.alias ? `${options.alias}.` : '';
  const fields = fieldsOf(entity).filter(([name]) => !options.only || options.only.includes(name));
  return [...ROW_BOOKKEEPING_COLUMNS, ...fields.map(([, f]) => f.column)].map((c) => prefix + c).join(', ');
}

/**
 * A stored row as the change log's values: JSON parsed, 0/1 as booleans. Values were checked by
 * their field's schema on the way in (local writes by the operation's schema, a teammate's by the
 * registry's), so they are typed as the registry declares them.
 */
export function recordFromRow<E extends EntityName>(entity: E, row: StoredRow<E>): EntityRecord<E> {
  const stored = row as unknown as Record<string, unknown>;
  const record: Record<string, unknown> = {
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
  for (const [name, f] of fieldsOf(entity)) if (f.column in stored) record[name] = fromColumn(f.kind, stored[f.column]);
  return record as EntityRecord<E>;
}
