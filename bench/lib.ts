/** Shared helpers for benchmark files. Each bench file prints `BENCH <json>` lines; bench/run.mjs collects them. */
export interface BenchEntry {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** Human-readable target, e.g. "ratio <= 3" or "<= 20 ms". */
  target?: string;
  /** Whether the target was met, when there is one. */
  pass?: boolean;
  note?: string;
}

export function report(entry: BenchEntry): void {
  const withRatio =
    entry.baseline !== undefined && entry.ratio === undefined && entry.baseline > 0
      ? { ...entry, ratio: Number((entry.value / entry.baseline).toFixed(3)) }
      : entry;
  process.stdout.write(`BENCH ${JSON.stringify(withRatio)}\n`);
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds taken by fn (synchronous). */
export function timeMs(fn: () => void): number {
  const t0 = now();
  fn();
  return now() - t0;
}

export async function timeMsAsync(fn: () => Promise<void>): Promise<number> {
  const t0 = now();
  await fn();
  return now() - t0;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx]!;
}

export function median(samples: number[]): number {
  return percentile(samples, 50);
}

export function round(n: number, digits = 2): number {
  return Number(n.toFixed(digits));
}
