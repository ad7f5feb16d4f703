/**
 * One stored field, declared once: its column, the zod schema every value must pass (local writes
 * and a teammate's files alike), whether it is shared or derived, and the words history uses for it.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_TEXT_CHARS } from '../limits';

export type FieldKind = 'text' | 'number' | 'json' | 'bool';

/**
 * `shared`: a person's edit, travels in share and sync files. `derived`: computed from other fields
 * (a content hash), travels too so every copy agrees. `local` never reaches the change log: such
 * data lives in the local tables of `tables.ts`.
 */
export type FieldSharing = 'shared' | 'derived';

export interface FieldDecl {
  column: string;
  kind: FieldKind;
  /** Every value this field may hold, `null` included where the column allows it. */
  schema: z.ZodType;
  /** Value a creation records when the caller gives none (mirrors the column default). */
  initial?: unknown;
  sharing: FieldSharing;
  /** What history calls it ("the claimant", "the date published"). */
  label: string;
}

/** Upper bounds for what a teammate's file may carry: generous for real work, fatal for abuse. */
export const FIELD_LIMITS = {
  documentText: MAX_DOCUMENT_TEXT_CHARS,
  text: 1_000_000,
  json: 1_000_000,
  id: 128,
  label: 2_000,
  list: 1_000,
};

const NO_CONTROL = /^\P{Cc}*$/u;

interface Options {
  label?: string;
  sharing?: FieldSharing;
  /** A schema narrower than the kind's own (an enum, a pattern, a bigger bound). */
  schema?: z.ZodType;
}

const words = (column: string) => column.replace(/_/g, ' ');

function decl(column: string, kind: FieldKind, schema: z.ZodType, initial: unknown, o: Options): FieldDecl {
  return { column, kind, schema: o.schema ?? schema, initial, sharing: o.sharing ?? 'shared', label: o.label ?? words(column) };
}

const textValue = z.string().max(FIELD_LIMITS.text).nullable();

export const text = (column: string, initial: string | null = null, o: Options = {}): FieldDecl =>
  decl(column, 'text', textValue, initial, o);

/** The id of another item: bounded, no control characters. */
export const ref = (column: string, initial: string | null = null, o: Options = {}): FieldDecl =>
  decl(column, 'text', z.string().max(FIELD_LIMITS.id).regex(NO_CONTROL, 'contains control characters').nullable(), initial, o);

export const num = (column: string, initial: number | null = null, o: Options = {}): FieldDecl =>
  decl(column, 'number', z.number().finite().nullable(), initial, o);

/** JSON fields have no default schema: each says exactly what it holds. */
export const json = (column: string, schema: z.ZodType, initial: unknown = null, o: Omit<Options, 'schema'> = {}): FieldDecl =>
  decl(column, 'json', schema, initial, o);

export const bool = (column: string, o: Options = {}): FieldDecl => decl(column, 'bool', z.boolean(), false, o);

/** A text field whose value is one of `values` (or null when the column allows it). */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
