import { setMembers } from '../../../shared/entities/set-members';
import { parseSupersedes, type CausalRow } from './causal';

/**
 * The value of a set field (registry: `merge: 'set'`, a claim's tags) whose changes form a causal
 * graph: each change holds the whole set its writer saved, and `supersedes` names the changes of
 * the field the writer had seen. Concurrent changes merge as a three-way merge over that graph: the
 * value the writers started from, plus what each side added, minus what each side removed. A member
 * one side removed and another left untouched is gone; a member someone added that the remover had
 * not seen stays (an observed-remove set). The outcome depends on the log alone, never on the order
 * the changes arrived in.
 *
 * Each member present is carried by the changes that added it (the base value counts as one such
 * change); a change that drops a member removes the additions of it that its writer had seen, and
 * those stay removed on every merge that includes that change.
 */
interface MemberState {
  /** Each present member, with the changes whose addition of it stands ('' for the base value). */
  live: Map<string, Set<string>>;
  /** Additions some change removed, by the adding change ('' for the base value), per member. */
  removed: Map<string, Set<string>>;
}

const BASE = '';

/**
 * The most changes of one set field a merge reads as a set. No one edits one claim's tags that often, but a
 * crafted share file could, and the bookkeeping of removals grows with the square of their number; past this,
 * the latest change wins, as for any other field, on every copy alike.
 */
export const SET_MERGE_MAX_CHANGES = 2_000;

const decodeMembers = (value: string | null): string[] => setMembers(value === null ? null : (JSON.parse(value) as unknown));

function baseState(base: readonly string[]): MemberState {
  return { live: new Map(base.map((m) => [m, new Set([BASE])])), removed: new Map() };
}

/** The state a writer saw who had seen all of `states`: every standing addition, minus those any of them removed. */
function combine(states: readonly MemberState[]): MemberState {
  if (states.length === 1) return states[0]!;
  const removed = new Map<string, Set<string>>();
  for (const s of states) for (const [m, adds] of s.removed) removed.set(m, new Set([...(removed.get(m) ?? []), ...adds]));
  const live = new Map<string, Set<string>>();
  for (const s of states) {
    for (const [m, adds] of s.live) {
      const gone = removed.get(m);
      const standing = [...adds].filter((a) => !gone?.has(a));
      if (standing.length > 0) live.set(m, new Set([...(live.get(m) ?? []), ...standing]));
    }
  }
  return { live, removed };
}

/** What a change leaves: the members it dropped lose the additions its writer saw; those it brings are its own. */
function applyChange(seen: MemberState, hlc: string, members: readonly string[]): MemberState {
  const kept = new Set(members);
  const live = new Map<string, Set<string>>();
  let removed = seen.removed;
  for (const [m, adds] of seen.live) {
    if (kept.has(m)) {
      live.set(m, adds);
      continue;
    }
    // Copied only when the change removes something: states share what they do not change.
    if (removed === seen.removed) removed = new Map(seen.removed);
    removed.set(m, new Set([...(removed.get(m) ?? []), ...adds]));
  }
  for (const m of kept) if (!live.has(m)) live.set(m, new Set([hlc]));
  return { live, removed };
}

/**
 * One set field's changes, read in clock order (a change's causal links point to earlier ones):
 * answers the merged value at any group of them. Links to changes this log does not hold are
 * ignored; a change with none it holds started from the base value.
 */
export class SetFieldLog {
  private readonly states = new Map<string, MemberState>();
  private readonly values = new Map<string, string[]>();

  constructor(private readonly base: readonly string[]) {}

  /** Holds as many changes as a set merge reads: further ones are not added. */
  get full(): boolean {
    return this.states.size >= SET_MERGE_MAX_CHANGES;
  }

  add(row: CausalRow): void {
    const seen = this.seenBy(parseSupersedes(row.supersedes));
    const members = decodeMembers(row.value);
    this.states.set(row.hlc, applyChange(seen, row.hlc, members));
    this.values.set(row.hlc, members);
  }

  has(hlc: string): boolean {
    return this.states.has(hlc);
  }

  /**
   * The merged value of these changes (each must have been added): their standing members, in
   * the order the changes hold them, changes in clock order. Of none, the base value.
   */
  valueAt(hlcs: readonly string[]): string[] {
    const known = hlcs.filter((h) => this.states.has(h)).sort();
    if (known.length === 0) return [...this.base];
    if (known.length === 1) return [...this.values.get(known[0]!)!];
    const { live } = combine(known.map((h) => this.states.get(h)!));
    const out = new Set<string>();
    for (const h of known) for (const m of this.values.get(h)!) if (live.has(m)) out.add(m);
    return [...out];
  }

  private seenBy(links: readonly string[]): MemberState {
    const states = links.filter((h) => this.states.has(h)).map((h) => this.states.get(h)!);
    return states.length === 0 ? baseState(this.base) : combine(states);
  }
}

/**
 * Values already merged, by the list of changes they were merged from: a merge asks for a set
 * field's value when it refolds the claim and again for its summary. A list that has grown since,
 * or a different base value, is merged again.
 */
const knownValues = new WeakMap<
  readonly CausalRow[],
  { length: number; base: string; heads: string; value: readonly string[] }
>();

/** The merged value of a set field's heads, given the field's changes in clock order and its value before any. */
export function mergedSetValue(changes: readonly CausalRow[], heads: readonly CausalRow[], base: readonly string[]): string[] {
  if (heads.length === 1) return decodeMembers(heads[0]!.value);
  if (changes.length > SET_MERGE_MAX_CHANGES) return decodeMembers(changes[changes.length - 1]!.value);
  const baseKey = JSON.stringify(base);
  const headsKey = heads.map((h) => h.hlc).join(',');
  const known = knownValues.get(changes);
  if (known && known.length === changes.length && known.base === baseKey && known.heads === headsKey) return [...known.value];
  const log = new SetFieldLog(base);
  for (const c of changes) log.add(c);
  const value = log.valueAt(heads.map((h) => h.hlc));
  knownValues.set(changes, { length: changes.length, base: baseKey, heads: headsKey, value });
  return [...value];
}
