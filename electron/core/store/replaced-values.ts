import { CREATE_FIELD, creationValue } from './entities';
import { parseSupersedes } from './causal';
import type { ChangeRow } from './change-row';
import { SetFieldLog } from './set-merge';
import { setMembers } from '../../../shared/entities/set-members';
import { fieldDecl } from '../../../shared/entities/registry';

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
  /** Each set field's changes so far, to tell what its writers saw when they had seen concurrent ones. */
  const setLogs = new Map<string, SetFieldLog>();
  const setLogOf = (r: ReplayedRow, fieldKey: string, entityKey: string): SetFieldLog | undefined => {
    if (fieldDecl(r.entity, r.field)?.merge !== 'set') return undefined;
    let log = setLogs.get(fieldKey);
    if (!log) {
      const base = created.get(entityKey)?.[r.field] ?? fieldDecl(r.entity, r.field)?.initial;
      setLogs.set(fieldKey, (log = new SetFieldLog(setMembers(base))));
    }
    return log.full ? undefined : log;
  };
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
    const setLog = setLogOf(r, fieldKey, entityKey);
    let from: unknown;
    // A writer who had seen concurrent changes of a set field saw them merged (store/set-merge.ts).
    if (setLog && seen.length > 1) from = setLog.valueAt(seen);
    else if (last !== undefined) from = valueAt.get(last);
    // Superseding changes this log no longer holds: the latest value before it is the best guess.
    else if (previous.has(fieldKey) && superseded.length > 0) from = previous.get(fieldKey);
    else from = created.get(entityKey)?.[r.field] ?? null;
    valueAt.set(r.hlc, to);
    previous.set(fieldKey, to);
    setLog?.add(r);
    return { from, to };
  };
}
