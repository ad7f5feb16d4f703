import type { DB } from './open';
import { prepared } from './statements';

/*
 * The actor_keys and key_conflicts primitives the write path needs to pin a writer's own key; the
 * trust decisions built on them live in team/key-pins.ts.
 */

/** The public keys this workspace trusts for an actor, first pinned first; empty if it has seen none. */
export function pinnedKeys(db: DB, actorId: string): string[] {
  return prepared(db, 'SELECT public_key FROM actor_keys WHERE actor_id = ? ORDER BY pinned_at, public_key')
    .pluck()
    .all(actorId) as string[];
}

/** Trust on first use: an actor with no key yet gets this one; an actor with keys keeps them (a new one is a conflict). */
export function pinKey(db: DB, actorId: string, publicKey: string, at: string): void {
  prepared(
    db,
    'INSERT INTO actor_keys (actor_id, public_key, pinned_at) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM actor_keys WHERE actor_id = ?)',
  ).run(actorId, publicKey, at, actorId);
}

export interface KeyConflictRecord {
  actorId: string;
  publicKey: string;
  name: string;
  source: string;
  heldBack: number;
}

export function recordKeyConflict(db: DB, c: KeyConflictRecord, at: string): void {
  prepared(
    db,
    `INSERT INTO key_conflicts (actor_id, public_key, name, source, seen_at, held_back) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(actor_id, public_key) DO UPDATE SET name = excluded.name, source = excluded.source, seen_at = excluded.seen_at,
       held_back = excluded.held_back`,
  ).run(c.actorId, c.publicKey, c.name, c.source, at, c.heldBack);
}

/** This person's own key, pinned when they first write; a different key already pinned for them is shown as a conflict. */
export function pinOwnKey(db: DB, actorId: string, name: string, publicKey: string, at: string): void {
  pinKey(db, actorId, publicKey, at);
  if (!pinnedKeys(db, actorId).includes(publicKey)) {
    recordKeyConflict(db, { actorId, publicKey, name, source: 'your own identity on this computer', heldBack: 0 }, at);
  }
}
