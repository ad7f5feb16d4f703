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

/**
 * How concurrent changes (several heads: writers who had not seen each other's change) combine.
 * `latest`: the greatest-clock change wins. `set`: the value is a set of strings (a claim's tags),
 * and the heads merge as a set: what any side added is kept, what any side removed is gone
 * (store/set-merge.ts), so two people tagging the same claim keep both tags.
 */
export type FieldMerge = 'latest' | 'set';

/**
 * `C`, `K` and `V` carry the column name, the kind and the value type into the types derived from
 * the registry (registry.ts: `StoredRow`, `EntityValues`).
 */
export interface FieldDecl<C extends string = string, K extends FieldKind = FieldKind, V = unknown> {
  column: C;
  kind: K;
  /** Every value this field may hold, `null` exactly where the column allows it (a test holds it to the migrations). */
  schema: z.ZodType<V>;
  /** Value a creation records when the caller gives none (mirrors the column default). */
  initial?: unknown;
  sharing: FieldSharing;
  /** What history calls it ("the claimant", "the date published"). */
  label: string;
  /**
   * Two people setting it differently without seeing each other's value is a conflict a person
   * settles (a verdict, its rationale); every other field silently takes the latest value.
   */
  conflicts: boolean;
  merge: FieldMerge;
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
  conflicts?: true;
}

/** Options of a set field: never a conflict, always merged as a set. */
type SetOptions = Omit<Options, 'conflicts'>;

/** A schema narrower than the kind's own (an enum, a pattern, a bigger bound); it says itself whether null is allowed. */
interface Narrowed<S extends z.ZodType> extends Options {
  schema: S;
}

/** The null a column without a default value allows: a field declared with initial `null` (or none) is nullable. */
type NullUnless<I> = I extends null ? null : never;

const words = (column: string) => column.replace(/_/g, ' ');

function decl<C extends string, K extends FieldKind, V>(
  column: C,
  kind: K,
  schema: z.ZodType<V>,
  initial: unknown,
  o: Options,
  merge: FieldMerge = 'latest',
): FieldDecl<C, K, V> {
  return {
    column,
    kind,
    schema,
    initial,
    sharing: o.sharing ?? 'shared',
    label: o.label ?? words(column),
    conflicts: o.conflicts ?? false,
    merge,
  };
}

const orNull = <S extends z.ZodType>(schema: S, initial: unknown) => (initial === null ? schema.nullable() : schema);

/** Builds the fields of one kind whose values `value` checks: nullable when declared with initial null (or none). */
function scalar<K extends FieldKind, T>(kind: K, value: z.ZodType<T>) {
  return <const C extends string, I extends T | null = null>(column: C, initial?: I, o: Options = {}) => {
    const first = initial ?? null;
    return decl(column, kind, orNull(value, first), first, o) as FieldDecl<C, K, T | NullUnless<I>>;
  };
}

const plainText = scalar('text', z.string().max(FIELD_LIMITS.text));

export function text<const C extends string, S extends z.ZodType>(
  column: C,
  initial: string | null,
  o: Narrowed<S>,
): FieldDecl<C, 'text', z.output<S>>;
export function text<const C extends string, I extends string | null = null>(
  column: C,
  initial?: I,
  o?: Options,
): FieldDecl<C, 'text', string | NullUnless<I>>;
export function text(column: string, initial: string | null = null, o: Options & { schema?: z.ZodType } = {}): FieldDecl {
  return o.schema ? decl(column, 'text', o.schema, initial, o) : plainText(column, initial, o);
}

/** The id of another item: bounded, no control characters. */
export const ref = scalar('text', z.string().max(FIELD_LIMITS.id).regex(NO_CONTROL, 'contains control characters'));

export const num = scalar('number', z.number().finite());

/** JSON fields have no default schema: each says exactly what it holds (and whether it may be null). */
export const json = <const C extends string, S extends z.ZodType>(
  column: C,
  schema: S,
  initial: unknown = null,
  o: Options = {},
): FieldDecl<C, 'json', z.output<S>> => decl(column, 'json', schema as z.ZodType<z.output<S>>, initial, o);

/**
 * A set of strings (tags), stored as a JSON array: concurrent changes merge as a set rather than
 * the latest array replacing the others. Each member passes `member`; at most FIELD_LIMITS.list.
 */
export const stringSet = <const C extends string>(
  column: C,
  member: z.ZodType<string>,
  o: SetOptions = {},
): FieldDecl<C, 'json', string[]> => decl(column, 'json', z.array(member).max(FIELD_LIMITS.list), [], o, 'set');

export const bool = <const C extends string>(column: C, o: Options = {}): FieldDecl<C, 'bool', boolean> =>
  decl(column, 'bool', z.boolean(), false, o);

/** A text field whose value is one of `values` (or null when the column allows it). */
export const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
