/**
 * Hybrid logical clock, after actualbudget/actual packages/crdt timestamp.ts.
 * A timestamp is `<ISO millis>-<counter 4 hex>-<node 16 hex>` and sorts correctly as text,
 * so SQLite can order and compare them as plain strings.
 */

export const HLC_MAX_COUNTER = 0xffff;
export const HLC_DEFAULT_MAX_DRIFT_MS = 5 * 60 * 1000;

export class ClockDriftError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClockDriftError';
  }
}

export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

const HLC_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9A-F]{4})-([0-9a-f]{16})$/;

export function formatHlc(s: HlcState): string {
  return `${new Date(s.millis).toISOString()}-${s.counter.toString(16).toUpperCase().padStart(4, '0')}-${s.node}`;
}

export function parseHlc(text: string): HlcState | null {
  const m = HLC_PATTERN.exec(text);
  if (!m) return null;
  const millis = Date.parse(m[1]!);
  if (!Number.isFinite(millis)) return null;
  return { millis, counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isHlc(text: unknown): text is string {
  return typeof text === 'string' && parseHlc(text) !== null;
}

export function randomNodeId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class HybridClock {
  private state: HlcState;

  constructor(
    node: string,
    private readonly now: () => number = Date.now,
    private readonly maxDriftMs: number = HLC_DEFAULT_MAX_DRIFT_MS,
    last?: string | null,
  ) {
    if (!/^[0-9a-f]{16}$/.test(node)) throw new Error(`Bad HLC node id: ${node}`);
    const parsed = last ? parseHlc(last) : null;
    this.state = { millis: parsed?.millis ?? 0, counter: parsed?.counter ?? 0, node };
  }

  get node(): string {
    return this.state.node;
  }

  /** The latest timestamp issued or observed. */
  last(): string {
    return formatHlc(this.state);
  }

  /**
   * Move to (millis, counter), carrying a counter past FFFF into the next millisecond. Unlike
   * Actual's timestamp this never throws: one teammate's change stamped FFFF a little ahead would
   * otherwise refuse every local write until the wall clock caught up. The carry keeps timestamps
   * strictly increasing and costs one logical millisecond per 65,536 events.
   */
  private advance(millis: number, counter: number): void {
    this.state =
      counter > HLC_MAX_COUNTER
        ? { millis: millis + 1, counter: 0, node: this.state.node }
        : { millis, counter, node: this.state.node };
  }

  /** A new timestamp for a local event, greater than every timestamp seen so far. */
  send(): string {
    const phys = this.now();
    const millis = Math.max(this.state.millis, phys);
    this.advance(millis, millis === this.state.millis ? this.state.counter + 1 : 0);
    return formatHlc(this.state);
  }

  /**
   * Catch up with a timestamp already in this workspace's own log (another process may have written
   * it since this clock started), so the next local event sorts after it. No drift check: it is ours.
   */
  observe(known: string | null): void {
    const k = known ? parseHlc(known) : null;
    if (!k) return;
    if (k.millis > this.state.millis || (k.millis === this.state.millis && k.counter > this.state.counter)) {
      this.state = { millis: k.millis, counter: k.counter, node: this.state.node };
    }
  }

  /**
   * Observe a remote timestamp so later local events sort after it.
   * A remote clock far in the future is refused rather than dragging ours along.
   */
  receive(remote: string): void {
    const r = parseHlc(remote);
    if (!r) throw new Error(`Not a hybrid logical clock timestamp: ${remote}`);
    const phys = this.now();
    if (r.millis - phys > this.maxDriftMs) {
      throw new ClockDriftError(
        `A change is dated ${new Date(r.millis).toISOString()}, more than ${Math.round(this.maxDriftMs / 60000)} minutes ahead of this computer's clock`,
      );
    }
    const millis = Math.max(this.state.millis, r.millis, phys);
    let counter: number;
    if (millis === this.state.millis && millis === r.millis) counter = Math.max(this.state.counter, r.counter) + 1;
    else if (millis === this.state.millis) counter = this.state.counter + 1;
    else if (millis === r.millis) counter = r.counter + 1;
    else counter = 0;
    this.advance(millis, counter);
  }
}
