import { TOUCHED_IDS_LIMIT, type DataKind, type LoggedKind, type Touched } from '../../../shared/touched';
import type { EntityName } from './entities';

// The logged kinds the renderer can depend on are exactly the entities the change log writes.
const entitiesAreLoggedKinds: [EntityName] extends [LoggedKind] ? ([LoggedKind] extends [EntityName] ? true : never) : never =
  true;
void entitiesAreLoggedKinds;

/** Collects what writes touched, by kind and id, until someone takes it. */
export class TouchSet {
  private readonly ids = new Map<DataKind, Set<string>>();

  add(kind: DataKind, id?: string): void {
    let set = this.ids.get(kind);
    if (!set) {
      set = new Set();
      this.ids.set(kind, set);
    }
    if (id !== undefined) set.add(id);
  }

  addAll(other: TouchSet): void {
    for (const [kind, ids] of other.ids) {
      this.add(kind);
      const set = this.ids.get(kind)!;
      for (const id of ids) set.add(id);
    }
  }

  get empty(): boolean {
    return this.ids.size === 0;
  }

  has(kind: DataKind): boolean {
    return this.ids.has(kind);
  }

  toTouched(): Touched {
    const out: Touched = {};
    for (const [kind, ids] of this.ids) out[kind] = ids.size > TOUCHED_IDS_LIMIT ? [] : [...ids];
    return out;
  }

  /** Everything collected so far, leaving the set empty. */
  take(): Touched {
    const out = this.toTouched();
    this.ids.clear();
    return out;
  }
}
