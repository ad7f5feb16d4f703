import { parseSupersedes } from '../store/causal';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';

interface VerdictRow {
  hlc: string;
  author: string;
  value: string | null;
  supersedes: string;
}

/** Causal chains are short; the cap only guards against a damaged log looping. */
const MAX_STEPS = 1_000;

/**
 * The change that first chose a claim's current verdict. A later change writing the same value
 * only kept it: "Keep Ben's side" when settling a conflict, or a teammate setting it again. Walks
 * back through the changes each one superseded while the value stays the same; among several
 * (concurrent heads), the earliest.
 */
export function verdictOrigin(db: DB, hlc: string): { hlc: string; author: string } | null {
  const read = prepared(db, "SELECT hlc, author, value, supersedes FROM changes WHERE hlc = ? AND field = 'verdict'");
  const first = read.get(hlc) as VerdictRow | undefined;
  if (!first) return null;
  let row: VerdictRow = first;
  for (let step = 0; step < MAX_STEPS; step++) {
    const value = row.value;
    const same: VerdictRow | undefined = parseSupersedes(row.supersedes)
      .map((h) => read.get(h) as VerdictRow | undefined)
      .filter((r): r is VerdictRow => r !== undefined && r.value === value)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))[0];
    if (!same) break;
    row = same;
  }
  return { hlc: row.hlc, author: row.author };
}
