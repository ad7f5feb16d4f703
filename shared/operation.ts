import type { z } from 'zod';

/** One entry of the contract: the input schema, with the output type carried alongside. */
export interface OperationDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

/** `op<Output>()(inputSchema)`: declare an operation's output type next to its input schema. */
export function op<O>() {
  return <I extends z.ZodType>(input: I): OperationDef<I, O> => ({ input });
}
