import type { OperationInput, OperationName, PageOutput } from '../../shared/api';
import type { BridgeEvent } from '../../shared/events';
import type { Touched } from '../../shared/touched';
import type { ErrorCode, Result } from '../../shared/result';

/** An operation that came back with `{ ok: false }`, typed by its code. */
export class ApiError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly operation: OperationName,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function bridge() {
  if (!window.claimbench) throw new ApiError('INTERNAL', 'The app bridge is missing. Restart Claimbench.', 'identity.get');
  return window.claimbench;
}

let touchedListener: ((touched: Touched) => void) | null = null;

/** Told what every operation's writes touched, as its reply arrives (the query client invalidates from it). */
export function onTouched(listener: (touched: Touched) => void): void {
  touchedListener = listener;
}

/** Calls one operation and unwraps its envelope: the value, or a thrown ApiError. */
export async function call<N extends OperationName>(name: N, input: OperationInput<N>): Promise<PageOutput<N>> {
  // The bridge's per-name signatures form a union TypeScript cannot narrow by a generic key.
  const method = bridge()[name] as unknown as (i: OperationInput<N>) => Promise<Result<PageOutput<N>>>;
  const result = await method(input);
  if (result.touched) touchedListener?.(result.touched);
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, name);
  return result.value as PageOutput<N>;
}

export function onAppEvent(listener: (event: BridgeEvent) => void): () => void {
  return bridge().onEvent(listener);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
