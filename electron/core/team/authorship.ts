import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import type { ChangeRow } from '../store/change-row';
import { pinnedKeys, recordKeyConflict, type KeyConflictRecord } from '../store/actor-keys';
import { pinFirstKeys } from './key-pins';
import { rowSignatureMatches } from './row-signature';
import { ChangeRejected } from './validate-change';

/** Public keys a file offers, by actor id (a sync folder can offer several for one actor). */
export type OfferedKeys = ReadonlyMap<string, readonly string[]>;

export interface AuthorshipCheck {
  /** The rows to merge, in their original order: the file's rows minus those held back. */
  accepted: ChangeRow[];
  /** Keys to pin (first use) once the merge commits, by actor. */
  pins: Map<string, Set<string>>;
  keyConflicts: KeyConflictRecord[];
  /** New rows without a signature: merged, and shown as unsigned. */
  unsigned: number;
}

function describe(r: ChangeRow): string {
  const field = r.field === '$create' ? 'creation' : r.field;
  return `${r.entity} ${r.entity_id.slice(0, 12)} (${field})`;
}

/**
 * Check who wrote each change a file brings, before anything is written. Rows already here were
 * checked when they arrived. A signed row must match a key this workspace trusts for its actor,
 * or, for an actor seen for the first time, a key the file carries (which is then pinned: trust on
 * first use). A row matching none of the keys is a forgery or was altered, and the whole file is
 * refused, naming the person it claims to be from. A row that matches a key the file offers but
 * this workspace does not trust for an actor it knows is held back as a key conflict for a person
 * to settle. An unsigned row is accepted (files from before signing), except one dated after its
 * actor started signing: that can only be a forgery or a stripped signature.
 */
export function checkAuthorship(db: DB, rows: readonly ChangeRow[], offered: OfferedKeys, source: string): AuthorshipCheck {
  const present = prepared(db, 'SELECT 1 FROM changes WHERE hlc = ?').pluck();
  const knownName = prepared(db, 'SELECT name FROM actors WHERE actor_id = ?').pluck();
  const firstSignedHere = prepared(
    db,
    'SELECT hlc FROM changes WHERE actor_id = ? AND signature IS NOT NULL ORDER BY hlc LIMIT 1',
  ).pluck();
  const trusted = new Map<string, string[]>();
  const pins = new Map<string, Set<string>>();
  const firstSigned = new Map<string, string | null>();
  const heldBack = new Map<string, KeyConflictRecord>();
  let unsigned = 0;

  const nameOf = (r: ChangeRow) => (knownName.get(r.actor_id) as string | undefined) ?? r.author;
  const trustedKeys = (actorId: string) => {
    let keys = trusted.get(actorId);
    if (!keys) {
      keys = pinnedKeys(db, actorId);
      trusted.set(actorId, keys);
    }
    return keys;
  };
  const signedSince = (actorId: string) => {
    if (!firstSigned.has(actorId)) firstSigned.set(actorId, (firstSignedHere.get(actorId) as string | undefined) ?? null);
    return firstSigned.get(actorId)!;
  };

  const sorted = [...rows].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const keep = new Set<ChangeRow>();
  for (const r of sorted) {
    if (present.get(r.hlc) !== undefined) {
      keep.add(r); // already here: the merge itself checks it is the very same change
      continue;
    }
    if (r.signature === null) {
      const since = signedSince(r.actor_id);
      if (since !== null && since < r.hlc) {
        throw new ChangeRejected(
          `an unsigned change to ${describe(r)} claims to be by ${nameOf(r)}, who has signed every change since ${since.slice(0, 10)}: it was forged or its signature was removed`,
        );
      }
      unsigned++;
      keep.add(r);
      continue;
    }
    const known = trustedKeys(r.actor_id);
    const candidates = offered.get(r.actor_id) ?? [];
    if (known.some((k) => rowSignatureMatches(r, k))) {
      keep.add(r);
    } else if (known.length > 0 && !pins.has(r.actor_id)) {
      const other = candidates.find((k) => !known.includes(k) && rowSignatureMatches(r, k));
      if (!other) throw forged(r, nameOf(r));
      const k = `${r.actor_id}\u0000${other}`;
      const record = heldBack.get(k) ?? { actorId: r.actor_id, publicKey: other, name: r.author, source, heldBack: 0 };
      record.heldBack++;
      heldBack.set(k, record);
      continue;
    } else {
      // First use: the keys the file carries for this actor are taken as theirs (the sender's
      // workspace trusted them), each one pinned once it has verified a change.
      if (candidates.length === 0) {
        throw new ChangeRejected(
          `${nameOf(r)}'s change to ${describe(r)} is signed, but the file does not carry ${nameOf(r)}'s public key`,
        );
      }
      const key = candidates.find((k) => rowSignatureMatches(r, k));
      if (!key) throw forged(r, nameOf(r));
      const set = pins.get(r.actor_id) ?? new Set<string>();
      set.add(key);
      pins.set(r.actor_id, set);
      known.push(key);
      keep.add(r);
    }
    const since = signedSince(r.actor_id);
    if (since === null || r.hlc < since) firstSigned.set(r.actor_id, r.hlc);
  }
  return { accepted: rows.filter((r) => keep.has(r)), pins, keyConflicts: [...heldBack.values()], unsigned };
}

function forged(r: ChangeRow, name: string): ChangeRejected {
  return new ChangeRejected(
    `the change to ${describe(r)} claiming to be by ${name} does not match ${name}'s signing key: it was forged, or altered after ${name} signed it`,
  );
}

/** Record what the check decided: first-use pins and key conflicts. Inside the merge's transaction. */
export function recordAuthorship(db: DB, check: AuthorshipCheck, at: string): void {
  for (const [actorId, keys] of check.pins) pinFirstKeys(db, actorId, [...keys], at);
  for (const c of check.keyConflicts) recordKeyConflict(db, c, at);
}
