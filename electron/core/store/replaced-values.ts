import { CREATE_FIELD, creationValue } from './entities';
import { parseSupersedes } from './causal';
import type { ChangeRow } from './change-row';

export type ReplayedRow = Pick<ChangeRow, 'hlc' | 'entity' | 'entity_id' | 'field' | 'value' | 'supersedes'>;

export interface ReplacedValue {
  /** The value this change replaced as its author saw it; null for a creation. */
  from: unknown;
  to: unknown;
}

/**
 * Reads changes in clock order (every change of an entity, from its creation on) and tells, for each,
 * the value it replaced as its author saw it: the latest of the changes it superseded (its causal
 * link), else the creation's value. Going by clock order alone would make a teammate's concurrent
 * change read as replacing a value they never saw. Shared by a claim's history and the workspace
 * activity, so the two always agree.
 */
export function replacedValueReader(): (r: ReplayedRow) => ReplacedValue {
  const created = new Map<string, Record<string, unknown>>();
  const valueAt = new Map<string, unknown>();
  const previous = new Map<string, unknown>();
  return (r) => {
    const to = r.value === null ? null : (JSON.parse(r.value) as unknown);
    const entityKey = `${r.entity}\u0000${r.entity_id}`;
    if (r.field === CREATE_FIELD) {
      created.set(
        entityKey,
        Object.fromEntries(
          Object.entries((to ?? {}) as Record<string, unknown>).map(([k, v]) => [k, creationValue(r.entity, k, v)]),
        ),
      );
      return { from: null, to };
    }
    const fieldKey = `${entityKey}\u0000${r.field}`;
    const superseded = parseSupersedes(r.supersedes);
    const seen = superseded.filter((h) => valueAt.has(h)).sort();
    const last = seen[seen.length - 1];
    let from: unknown;
    if (last !== undefined) from = valueAt.get(last);
    // Superseding changes this log no longer holds: the latest value before it is the best guess.
    else if (previous.has(fieldKey) && superseded.length > 0) from = previous.get(fieldKey);
    else from = created.get(entityKey)?.[r.field] ?? null;
    valueAt.set(r.hlc, to);
    previous.set(fieldKey, to);
    return { from, to };
  };
}
