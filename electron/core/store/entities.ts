/**
 * What the change log can write: each entity's table and its fields. Field names are the
 * camelCase names used in `changes.field`; values travel as JSON text in `changes.value`.
 */
export type FieldKind = 'text' | 'number' | 'json' | 'bool';

export interface FieldSpec {
  column: string;
  kind: FieldKind;
}

export interface EntitySpec {
  table: string;
  fields: Record<string, FieldSpec>;
}

const t = (column: string): FieldSpec => ({ column, kind: 'text' });
const n = (column: string): FieldSpec => ({ column, kind: 'number' });
const j = (column: string): FieldSpec => ({ column, kind: 'json' });
const b = (column: string): FieldSpec => ({ column, kind: 'bool' });

export const ENTITIES = {
  document: {
    table: 'documents',
    fields: {
      title: t('title'),
      origin: t('origin'),
      publisher: t('publisher'),
      publishedAt: t('published_at'),
      text: t('text'),
      contentHash: t('content_hash'),
      deleted: b('deleted'),
    },
  },
  claim: {
    table: 'claims',
    fields: {
      documentId: t('document_id'),
      ordinal: n('ordinal'),
      text: t('text'),
      anchor: j('anchor'),
      claimant: t('claimant'),
      score: n('score'),
      reasons: j('reasons'),
      verdict: t('verdict'),
      rationale: t('rationale'),
      assignee: t('assignee'),
      tags: j('tags'),
      deleted: b('deleted'),
    },
  },
  setting: {
    table: 'settings',
    fields: {
      value: j('value'),
      deleted: b('deleted'),
    },
  },
} satisfies Record<string, EntitySpec>;

export type EntityName = keyof typeof ENTITIES;
/** The pseudo-field of a creation change: its value holds every initial field at once. */
export const CREATE_FIELD = '$create';

export function entitySpec(entity: string): EntitySpec {
  const spec = (ENTITIES as Record<string, EntitySpec>)[entity];
  if (!spec) throw new Error(`Unknown entity: ${entity}`);
  return spec;
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
