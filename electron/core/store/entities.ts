/**
 * What the change log can write: each entity's table and its fields. Field names are the
 * camelCase names used in `changes.field`; values travel as JSON text in `changes.value`.
 */
export type FieldKind = 'text' | 'number' | 'json' | 'bool';

export interface FieldSpec {
  column: string;
  kind: FieldKind;
  /** Value a creation records when the caller gives none (mirrors the column default). */
  initial?: unknown;
}

export interface EntitySpec {
  table: string;
  fields: Record<string, FieldSpec>;
}

const t = (column: string, initial: string | null = null): FieldSpec => ({ column, kind: 'text', initial });
const n = (column: string, initial: number | null = null): FieldSpec => ({ column, kind: 'number', initial });
const j = (column: string, initial: unknown = null): FieldSpec => ({ column, kind: 'json', initial });
const b = (column: string): FieldSpec => ({ column, kind: 'bool', initial: false });

export const ENTITIES = {
  document: {
    table: 'documents',
    fields: {
      title: t('title', ''),
      origin: t('origin'),
      publisher: t('publisher'),
      publishedAt: t('published_at'),
      text: t('text', ''),
      contentHash: t('content_hash', ''),
      deleted: b('deleted'),
    },
  },
  claim: {
    table: 'claims',
    fields: {
      documentId: t('document_id'),
      ordinal: n('ordinal', 0),
      text: t('text', ''),
      anchor: j('anchor'),
      claimant: t('claimant'),
      score: n('score'),
      reasons: j('reasons', []),
      verdict: t('verdict'),
      rationale: t('rationale', ''),
      assignee: t('assignee'),
      tags: j('tags', []),
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
  source: {
    table: 'sources',
    fields: {
      claimId: t('claim_id', ''),
      url: t('url'),
      title: t('title', ''),
      publisher: t('publisher'),
      publishedAt: t('published_at'),
      accessedAt: t('accessed_at'),
      archiveUrl: t('archive_url'),
      excerpt: t('excerpt', ''),
      stance: t('stance', 'context'),
      attachmentId: t('attachment_id'),
      deleted: b('deleted'),
    },
  },
  attachment: {
    table: 'attachments',
    fields: {
      claimId: t('claim_id', ''),
      sha256: t('sha256', ''),
      name: t('name', ''),
      mime: t('mime', 'application/octet-stream'),
      size: n('size', 0),
      deleted: b('deleted'),
    },
  },
  checkSession: {
    table: 'check_sessions',
    fields: {
      name: t('name', ''),
      scope: j('scope', {}),
      status: t('status', 'active'),
      owner: t('owner', ''),
      startedAt: t('started_at'),
      endedAt: t('ended_at'),
      elapsedMs: n('elapsed_ms', 0),
      resumedAt: t('resumed_at'),
      captureDocumentId: t('capture_document_id'),
      summary: j('summary'),
      deleted: b('deleted'),
    },
  },
  transcriptChunk: {
    table: 'transcript_chunks',
    fields: {
      documentId: t('document_id', ''),
      seq: n('seq', 0),
      speaker: t('speaker'),
      prefix: t('prefix', ''),
      text: t('text', ''),
      capturedAt: t('captured_at'),
      deleted: b('deleted'),
    },
  },
  note: {
    table: 'notes',
    fields: {
      claimId: t('claim_id', ''),
      text: t('text', ''),
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

/**
 * A creation's value for one field as it means today. Before verdicts had a "not reviewed" state
 * every claim was created 'unverified' by default; such a creation carries no decision, so it
 * reads as null (migration 6 did the same to the tables). A decision is always its own change.
 */
export function creationValue(entity: string, field: string, value: unknown): unknown {
  return entity === 'claim' && field === 'verdict' && value === 'unverified' ? null : value;
}

/** A creation's full field set: the caller's values over every field's initial value. */
export function withInitialValues(entity: string, fields: Record<string, unknown>): Record<string, unknown> {
  const full: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(entitySpec(entity).fields))
    full[name] = name in fields ? fields[name] : (f.initial ?? null);
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
