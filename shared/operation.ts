import type { z } from 'zod';

/** One entry of the contract: the input schema, with the output type carried alongside. */
export interface OperationDef<I extends z.ZodType, O, R extends z.ZodType = I> {
  input: I;
  /**
   * What a page may send, where narrower than what the core's own callers (the CLI, tests) may:
   * a renderer names a file the person chose by its token, never by a path.
   */
  renderer?: R;
  /** Fields of the output a page never receives, at any depth (paths the core keeps); the CLI still gets them. */
  pageOmits?: readonly string[];
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

/**
 * `op<Output>()(inputSchema)`: declare an operation's output type next to its input schema;
 * `op<Output>()(inputSchema, rendererSchema)` when a page may send less than the CLI.
 */
export function op<O>() {
  function define<I extends z.ZodType>(input: I): OperationDef<I, O>;
  function define<I extends z.ZodType, R extends z.ZodType<z.output<I>>>(
    input: I,
    renderer: R,
  ): OperationDef<I, O, R> & { renderer: R };
  function define(input: z.ZodType, renderer?: z.ZodType): OperationDef<z.ZodType, O, z.ZodType> {
    return renderer ? { input, renderer } : { input };
  }
  return define;
}

/** `T` without the fields named `K`, at any depth (in nested objects, arrays and records). */
export type WithoutKeys<T, K extends PropertyKey> = T extends readonly (infer E)[]
  ? WithoutKeys<E, K>[]
  : T extends object
    ? { [P in keyof T as P extends K ? never : P]: WithoutKeys<T[P], K> }
    : T;

/** A copy of `value` without the fields named in `keys`, at any depth: what pageOmits hands a page. */
export function withoutKeys(value: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.has(k)) copy[k] = withoutKeys(v, keys);
  return copy;
}

/**
 * `pageOmits(def, ['path'])`: a page gets the operation's output without these fields, at any
 * depth (the core drops them in dispatch), so a path the core keeps never reaches a page.
 */
export function pageOmits<D extends OperationDef<z.ZodType, unknown, z.ZodType>, const K extends readonly string[]>(
  def: D,
  keys: K,
): D & { pageOmits: K } {
  return { ...def, pageOmits: keys };
}
