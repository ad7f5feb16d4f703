/**
 * How the sides of a conflict came to clash, in words. Every conflict is two edits made without
 * seeing each other; only edits within the same second are "at the same time".
 */
import type { ConflictSide } from './team';

/** Apart by how long: "7 s", "3 min", "2 h", "4 days". */
export function apart(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** Milliseconds between the earliest and the latest side's edit (0 for one side or unreadable times). */
export function conflictSpread(sides: readonly Pick<ConflictSide, 'at'>[]): number {
  const times = sides.map((s) => Date.parse(s.at)).filter((t) => Number.isFinite(t));
  return times.length > 1 ? Math.max(...times) - Math.min(...times) : 0;
}

/** "at the same time", or "2 min apart, neither seeing the other’s change". */
export function whenEdited(sides: readonly Pick<ConflictSide, 'at'>[]): string {
  const spread = conflictSpread(sides);
  return spread < 1000 ? 'at the same time' : `${apart(spread)} apart, neither seeing the other’s change`;
}
