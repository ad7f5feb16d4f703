import type { z } from 'zod';

/** One entry of the contract: the input schema, with the output type carried alongside. */
export interface OperationDef<I extends z.ZodType, O, R extends z.ZodType = I> {
  input: I;
  /**
   * What a page may send, where narrower than what the core's own callers (the CLI, tests) may:
   * a renderer names a file the person chose by its token, never by a path.
   */
  renderer?: R;
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
