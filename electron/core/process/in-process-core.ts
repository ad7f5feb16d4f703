import { dataChanged, eventToWire } from '../../../shared/events';
import type { ProtocolEvent } from '../../../shared/protocol';
import type { Touched } from '../../../shared/touched';
import { cancelledResult } from '../../../shared/protocol';
import type { Result } from '../../../shared/result';
import type { CoreContext } from '../context';
import { invoke } from '../dispatch';
import type { CoreLink, InvokeOptions } from './core-client';

/**
 * A core in this very process behind the CoreLink a host talks to: for tests that seed and
 * inspect the workspace directly while the page still goes through the host's real transport.
 * Results are made JSON-shaped exactly as the core process makes them.
 */
export function inProcessCore(
  context: () => CoreContext,
  hooks: { onInvoke?(name: string, input: unknown): void } = {},
): CoreLink & { emit(event: ProtocolEvent): void } {
  const listeners = new Set<(event: ProtocolEvent) => void>();
  const emit = (event: ProtocolEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    async invoke(name: string, input: unknown, options: InvokeOptions = {}): Promise<Result<unknown>> {
      hooks.onInvoke?.(name, input);
      const { signal, onProgress } = options;
      if (signal?.aborted) return cancelledResult();
      const base = context();
      // As in the core process: a write's data-changed event reaches the pages.
      const onDataChanged = base.onDataChanged ?? ((touched: Touched) => emit(eventToWire(dataChanged(touched))));
      const ctx: CoreContext = { ...base, signal, progress: onProgress, onDataChanged };
      const run = invoke(ctx, name, input, undefined, 'page').then((r) => JSON.parse(JSON.stringify(r)) as Result<unknown>);
      if (!signal) return run;
      const cancelled = new Promise<Result<unknown>>((resolve) =>
        signal.addEventListener('abort', () => resolve(cancelledResult()), { once: true }),
      );
      return Promise.race([run, cancelled]);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit,
  };
}
