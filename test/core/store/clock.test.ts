import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, parseHlc, randomNodeId } from '../../../shared/hlc';

const NODE = '0123456789abcdef';

describe('hybrid logical clock', () => {
  it('moves on past a remote counter of FFFF instead of overflowing', () => {
    const now = Date.parse('2026-01-01T00:00:00.000Z');
    const clock = new HybridClock(NODE, () => now);
    const ahead = formatHlc({ millis: now + 3 * 60_000, counter: 0xffff, node: 'fedcba9876543210' });
    clock.receive(ahead);
    const next = clock.send();
    expect(next > ahead).toBe(true);
    expect(parseHlc(next)).toMatchObject({ millis: now + 3 * 60_000 + 1, counter: 1 });
  });

  it('issues strictly increasing timestamps through a counter wrap at a frozen wall clock', () => {
    const clock = new HybridClock(NODE, () => 1_000_000);
    let last = '';
    for (let i = 0; i < 0x10000 + 10; i++) {
      const t = clock.send();
      expect(t > last).toBe(true);
      last = t;
    }
  });

  it('observes the newest timestamp in its own log without a drift check', () => {
    const now = 2_000_000_000_000;
    const clock = new HybridClock(randomNodeId(), () => now);
    const later = formatHlc({ millis: now + 60 * 60_000, counter: 0xffff, node: NODE });
    clock.observe(later);
    expect(clock.send() > later).toBe(true);
  });

  it('still refuses a remote clock beyond the drift window', () => {
    const clock = new HybridClock(NODE, () => 0);
    expect(() => clock.receive(formatHlc({ millis: 60 * 60_000, counter: 0, node: NODE }))).toThrow(/ahead/);
  });
});

describe('clock properties', () => {
  it('whatever arrives within the drift window (counters up to FFFF included), local timestamps only go up and never fail', () => {
    const event = fc.oneof(
      fc.record({ kind: fc.constant('send' as const), tick: fc.integer({ min: 0, max: 3 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        tick: fc.integer({ min: 0, max: 3 }),
        ahead: fc.integer({ min: -60_000, max: 5 * 60_000 }),
        counter: fc.oneof(fc.constant(0xffff), fc.constant(0xfffe), fc.integer({ min: 0, max: 0xffff })),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { minLength: 1, maxLength: 200 }), (events) => {
        let wall = 1_700_000_000_000;
        const clock = new HybridClock(NODE, () => wall);
        let last = '';
        for (const e of events) {
          wall += e.tick;
          if (e.kind === 'receive') {
            const remote = formatHlc({ millis: wall + e.ahead, counter: e.counter, node: 'fedcba9876543210' });
            clock.receive(remote);
            expect(clock.last() > remote || clock.last() === remote).toBe(true);
            last = clock.last() > last ? clock.last() : last;
          } else {
            const t = clock.send();
            expect(t > last).toBe(true);
            last = t;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
