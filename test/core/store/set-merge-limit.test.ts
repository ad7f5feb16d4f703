import { describe, expect, it } from 'vitest';
import type { CausalRow } from '../../../electron/core/store/causal';
import { mergedSetValue, SET_MERGE_MAX_CHANGES } from '../../../electron/core/store/set-merge';

const row = (hlc: string, tags: string[], supersedes: string[]): CausalRow => ({
  hlc,
  value: JSON.stringify(tags),
  supersedes: JSON.stringify(supersedes),
});
const hlc = (i: number) => `h${String(i).padStart(8, '0')}`;

/** One writer's chain of `n` tag changes, each replacing the tag before, and a concurrent change from the base. */
function chainAndRival(n: number): { changes: CausalRow[]; heads: CausalRow[] } {
  const changes: CausalRow[] = [row(hlc(0), ['rival'], [])];
  for (let i = 1; i <= n; i++) changes.push(row(hlc(i), [`t${i}`], i === 1 ? [] : [hlc(i - 1)]));
  return { changes, heads: [changes[0]!, changes[changes.length - 1]!] };
}

describe('set merge of a field with very many changes', () => {
  it('merges concurrent tags as a set within the limit', () => {
    const { changes, heads } = chainAndRival(50);
    expect(mergedSetValue(changes, heads, [])).toEqual(['rival', 't50']);
  });

  it('past the limit, the latest change wins instead of a bookkeeping that grows with the square of the removals', () => {
    const { changes, heads } = chainAndRival(SET_MERGE_MAX_CHANGES + 10);
    expect(mergedSetValue(changes, heads, [])).toEqual([`t${SET_MERGE_MAX_CHANGES + 10}`]);
  });
});
