import type { OperationName, OperationOutput, ParsedInput } from '../../shared/api';
import type { CoreContext } from './context';

export type Handler<N extends OperationName> = (
  input: ParsedInput<N>,
  ctx: CoreContext,
) => OperationOutput<N> | Promise<OperationOutput<N>>;

/** Every operation in the contract must have exactly one handler. */
export type Handlers = { [N in OperationName]: Handler<N> };
