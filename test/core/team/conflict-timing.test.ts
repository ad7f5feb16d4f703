import { describe, expect, it } from 'vitest';
import { apart, whenEdited } from '../../../shared/conflict-timing';

const at = (iso: string) => ({ at: iso });

describe('how far apart the sides of a conflict were decided', () => {
  it('says "at the same time" only within a second, else how long apart, neither seeing the other’s change', () => {
    expect(whenEdited([at('2026-12-07T12:48:00.100Z'), at('2026-12-07T12:48:00.900Z')])).toBe('at the same time');
    expect(whenEdited([at('2026-12-07T12:48:00Z'), at('2026-12-07T12:49:05Z')])).toBe(
      '65 s apart, neither seeing the other’s change',
    );
    expect(whenEdited([at('2026-12-07T12:48:00Z'), at('2026-12-07T12:51:00Z'), at('2026-12-07T12:49:00Z')])).toBe(
      '3 min apart, neither seeing the other’s change',
    );
    expect([apart(3 * 3600_000), apart(5 * 86_400_000)]).toEqual(['3 h', '5 days']);
  });
});
