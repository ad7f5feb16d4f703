/**
 * Every kind of item the change log writes, each field declared once (entities/field.ts). Row
 * types, column lists, the validation of local writes and of teammates' share and sync files, and
 * history's words for a field all derive from this table. To add a field: one line here, one
 * migration adding its column.
 */
import { z } from 'zod';
import { VERDICTS } from '../domain';
import { sessionScopeSchema } from '../sessions-api';
import { SESSION_STATUSES } from '../sessions';
import { STANCES } from '../evidence';
import { bool, FIELD_LIMITS, json, num, oneOf, ref, stringSet, text, type FieldDecl, type FieldKind } from './field';
import { isSafeFileName } from './file-name';
import { storedSourceDate, storedSourceLink } from '../source-fields';

/** The pseudo-field of a creation change: its value holds every initial field at once. */
export const CREATE_FIELD = '$create';

export interface EntityDecl {
  table: string;
  /** What history and messages call one of them. */
  noun: string;
  fields: Record<string, FieldDecl>;
}

const SHA256 = /^[0-9a-f]{64}$/;

const scoreReason = z.object({ kind: z.string().max(200), label: z.string().max(FIELD_LIMITS.label), weight: z.number().finite() });
const textAnchor = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  exact: z.string().max(FIELD_LIMITS.text),
  prefix: z.string().max(FIELD_LIMITS.text),
  suffix: z.string().max(FIELD_LIMITS.text),
});
/** Any JSON value: a setting's shape belongs to its own key. */
const jsonValue = z.json();
const count = z.number().int().nonnegative();
const sessionSummary = z
  .object({
    durationMs: z.number().finite().nonnegative(),
    captured: count,
    reviewed: count,
    skipped: count,
    later: count,
    pending: count,
    verdicts: z.record(z.string().max(40), count),
    meanMsPerClaim: z.number().finite().nullable(),
    medianMsPerClaim: z.number().finite().nullable(),
    speakers: z.array(z.string().max(FIELD_LIMITS.label)).max(FIELD_LIMITS.list),
  })
  .loose();

export const ENTITY_REGISTRY = {
  document: {
    table: 'documents',
    noun: 'document',
    fields: {
      title: text('title', ''),
      origin: text('origin'),
      publisher: text('publisher'),
      publishedAt: text('published_at', null, { label: 'date published' }),
      text: text('text', '', { schema: z.string().max(FIELD_LIMITS.documentText) }),
      contentHash: text('content_hash', '', { sharing: 'derived', label: 'content hash' }),
      deleted: bool('deleted'),
    },
  },
  claim: {
    table: 'claims',
    noun: 'claim',
    fields: {
      documentId: ref('document_id', null, { label: 'document' }),
      ordinal: num('ordinal', 0, { sharing: 'derived', label: 'position' }),
      text: text('text', ''),
      anchor: json('anchor', textAnchor.nullable(), null, { label: 'place in the text' }),
      claimant: text('claimant'),
      score: num('score', null, { sharing: 'derived', label: 'check-worthiness score' }),
      reasons: json('reasons', z.array(scoreReason).max(FIELD_LIMITS.list), [], { sharing: 'derived', label: 'score reasons' }),
      verdict: text('verdict', null, { schema: oneOf(VERDICTS).nullable(), conflicts: true }),
      rationale: text('rationale', '', { conflicts: true }),
      assignee: text('assignee'),
      tags: stringSet('tags', z.string().max(FIELD_LIMITS.label)),
      deleted: bool('deleted'),
    },
  },
  setting: {
    table: 'settings',
    noun: 'setting',
    fields: {
      value: json('value', jsonValue),
      deleted: bool('deleted'),
    },
  },
  source: {
    table: 'sources',
    noun: 'source',
    fields: {
      claimId: ref('claim_id', '', { label: 'claim' }),
      url: text('url', null, { label: 'URL' }),
      title: text('title', ''),
      publisher: text('publisher'),
      publishedAt: text('published_at', null, { label: 'date published' }),
      accessedAt: text('accessed_at', null, { label: 'date accessed', schema: storedSourceDate }),
      archiveUrl: text('archive_url', null, { label: 'archived copy', schema: storedSourceLink }),
      excerpt: text('excerpt', ''),
      stance: text('stance', 'context', { schema: oneOf(STANCES) }),
      attachmentId: ref('attachment_id', null, { label: 'attached file' }),
      deleted: bool('deleted'),
    },
  },
  attachment: {
    table: 'attachments',
    noun: 'attachment',
    fields: {
      claimId: ref('claim_id', '', { label: 'claim' }),
      sha256: text('sha256', '', { sharing: 'derived', schema: z.string().regex(SHA256, 'is not a SHA-256 address') }),
      name: text('name', '', { schema: z.string().max(FIELD_LIMITS.label).refine(isSafeFileName, 'is a path, not a file name') }),
      mime: text('mime', 'application/octet-stream', { label: 'file type' }),
      size: num('size', 0, { sharing: 'derived' }),
      deleted: bool('deleted'),
    },
  },
  checkSession: {
    table: 'check_sessions',
    noun: 'checking session',
    fields: {
      name: text('name', ''),
      scope: json('scope', sessionScopeSchema.loose().nullable(), {}),
      status: text('status', 'active', { schema: oneOf(SESSION_STATUSES) }),
      owner: text('owner', ''),
      startedAt: text('started_at', null, { label: 'start' }),
      endedAt: text('ended_at', null, { label: 'end' }),
      elapsedMs: num('elapsed_ms', 0, { label: 'time spent' }),
      resumedAt: text('resumed_at', null, { label: 'resumption' }),
      captureDocumentId: ref('capture_document_id', null, { label: 'transcript' }),
      summary: json('summary', sessionSummary.nullable(), null, { sharing: 'derived' }),
      deleted: bool('deleted'),
    },
  },
  transcriptChunk: {
    table: 'transcript_chunks',
    noun: 'transcript passage',
    fields: {
      documentId: ref('document_id', '', { label: 'transcript' }),
      seq: num('seq', 0, { label: 'position' }),
      speaker: text('speaker'),
      prefix: text('prefix', ''),
      text: text('text', ''),
      capturedAt: text('captured_at', null, { label: 'capture time' }),
      deleted: bool('deleted'),
    },
  },
  note: {
    table: 'notes',
    noun: 'note',
    fields: {
      claimId: ref('claim_id', '', { label: 'claim' }),
      text: text('text', ''),
      deleted: bool('deleted'),
    },
  },
} satisfies Record<string, EntityDecl>;

export type EntityName = keyof typeof ENTITY_REGISTRY;

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(ENTITY_REGISTRY, name);
}

/** A field's declaration, or undefined for a name the registry does not declare. */
export function fieldDecl(entity: string, field: string): FieldDecl | undefined {
  if (!isEntityName(entity)) return undefined;
  const fields: Record<string, FieldDecl> = ENTITY_REGISTRY[entity].fields;
  return Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
}

/** History's words for a field ("the date published"); the field's own name split into words when undeclared. */
export function fieldLabel(entity: string, field: string): string {
  return fieldDecl(entity, field)?.label ?? field.replace(/([A-Z])/g, ' $1').toLowerCase();
}

/** The columns every entity table has beside its fields: who created and last changed a row, and when. */
export const ROW_BOOKKEEPING_COLUMNS = ['id', 'created_at', 'created_by', 'updated_at', 'updated_by'] as const;

type Registry = typeof ENTITY_REGISTRY;
type FieldsOf<E extends EntityName> = Registry[E]['fields'];
type ValueOf<F> = F extends FieldDecl<string, FieldKind, infer V> ? V : never;
/** What a column holds for a value: JSON as its text, a boolean as 0 or 1. */
type ColumnOf<F> =
  F extends FieldDecl<string, 'json', infer V>
    ? string | (null extends V ? null : never)
    : F extends FieldDecl<string, 'bool', boolean>
      ? number
      : ValueOf<F>;

/** One field's value type, as the change log carries it and the registry's schema admits it. */
export type FieldValue<E extends EntityName, F extends keyof FieldsOf<E>> = ValueOf<FieldsOf<E>[F]>;

/** Every field of an entity by its name, with its value type. */
export type EntityValues<E extends EntityName> = { [F in keyof FieldsOf<E>]: ValueOf<FieldsOf<E>[F]> };

/** Who created and last changed a row, and when, beside its id. */
export interface RowBookkeeping {
  id: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** One row of an entity's table exactly as SQLite returns it: every declared column, by column name. */
export type StoredRow<E extends EntityName> = RowBookkeeping & {
  [F in keyof FieldsOf<E> as FieldsOf<E>[F] extends FieldDecl<infer C> ? C : never]: ColumnOf<FieldsOf<E>[F]>;
};

/** A stored row decoded: every field by its name, with the bookkeeping in camelCase. */
export type EntityRecord<E extends EntityName> = EntityValues<E> & {
  id: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
};
