/**
 * Renderers are generators that yield the output piece by piece (about one claim per piece), so
 * the same code serves a plain synchronous call (tests, CLI) and a cooperative one that yields
 * to the event loop, reports progress and can be cancelled (the app's main process).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ClaimbenchError } from '../../../shared/result';

export interface RenderProgress {
  claimsDone: number;
}

export type PartStream = Generator<string, void, void>;

export function collect(parts: PartStream): string {
  let out = '';
  for (const part of parts) out += part;
  return out;
}

export interface CooperativeOptions {
  signal?: AbortSignal;
  onProgress?: (claimsDone: number) => void;
  /** Longest stretch of work between two turns of the event loop. */
  sliceMs?: number;
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ClaimbenchError('CANCELLED', 'The report export was cancelled.');
}

/** Drain the stream in slices of at most `sliceMs`, giving the event loop a turn between slices. */
export async function collectCooperatively(
  parts: PartStream,
  progress: RenderProgress,
  { signal, onProgress, sliceMs = 8 }: CooperativeOptions = {},
): Promise<string> {
  let out = '';
  let sliceStart = performance.now();
  for (const part of parts) {
    out += part;
    if (performance.now() - sliceStart >= sliceMs) {
      onProgress?.(progress.claimsDone);
      await nextTurn();
      throwIfCancelled(signal);
      sliceStart = performance.now();
    }
  }
  onProgress?.(progress.claimsDone);
  return out;
}
