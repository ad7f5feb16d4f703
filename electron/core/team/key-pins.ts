import type { KeyConflictInfo, KeyTrust, PinnedKey } from '../../../shared/team';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';
import { prepared } from '../store/statements';
import { pinnedKeys } from '../store/actor-keys';
import { isPublicKey, keyFingerprint } from './signing';

/** First use of an actor: every key the file carried that verified one of their changes (only if none is pinned yet). */
export function pinFirstKeys(db: DB, actorId: string, keys: readonly string[], at: string): void {
  if (pinnedKeys(db, actorId).length > 0) return;
  for (const k of keys) addTrustedKey(db, actorId, k, at);
}

/** A person's decision: trust this key for the actor as well. */
function addTrustedKey(db: DB, actorId: string, publicKey: string, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO actor_keys (actor_id, public_key, pinned_at) VALUES (?, ?, ?)').run(actorId, publicKey, at);
}

interface ConflictRow {
  actor_id: string;
  public_key: string;
  name: string;
  source: string;
  seen_at: string;
  held_back: number;
  pinned: string;
}

function toConflict(r: ConflictRow): KeyConflictInfo {
  return {
    actorId: r.actor_id,
    name: r.name,
    pinnedKey: r.pinned,
    pinnedFingerprint: keyFingerprint(r.pinned),
    offeredKey: r.public_key,
    offeredFingerprint: keyFingerprint(r.public_key),
    source: r.source,
    seenAt: r.seen_at,
    heldBack: r.held_back,
  };
}

export function listKeyConflicts(db: DB): KeyConflictInfo[] {
  const rows = prepared(
    db,
    `SELECT k.actor_id, k.public_key, k.name, k.source, k.seen_at, k.held_back,
         (SELECT p.public_key FROM actor_keys p WHERE p.actor_id = k.actor_id ORDER BY p.pinned_at, p.public_key LIMIT 1) AS pinned
       FROM key_conflicts k
       WHERE EXISTS (SELECT 1 FROM actor_keys p WHERE p.actor_id = k.actor_id)
         AND NOT EXISTS (SELECT 1 FROM actor_keys p WHERE p.actor_id = k.actor_id AND p.public_key = k.public_key)
       ORDER BY k.name, k.actor_id, k.public_key`,
  ).all() as ConflictRow[];
  return rows.map(toConflict);
}

export function keyTrust(db: DB): KeyTrust {
  const pinned = prepared(
    db,
    `SELECT k.actor_id AS actorId, coalesce(a.name, '') AS name, k.public_key AS publicKey, k.pinned_at AS pinnedAt,
         a.first_seen AS firstSeen,
         (SELECT m.file FROM merge_origins m WHERE m.merged_at >= k.pinned_at ORDER BY m.merged_at, m.id LIMIT 1) AS pinnedFrom
       FROM actor_keys k LEFT JOIN actors a ON a.actor_id = k.actor_id ORDER BY name, k.actor_id, k.pinned_at`,
  ).all() as Omit<PinnedKey, 'fingerprint'>[];
  return {
    pinned: pinned.map((p) => ({ ...p, fingerprint: keyFingerprint(p.publicKey) })),
    conflicts: listKeyConflicts(db),
  };
}

/**
 * A person settles a key conflict. Trusting the offered key adds it to the actor's trusted keys (the
 * earlier ones stay, so changes signed with them still verify), and the held-back changes merge on
 * the next merge or sync; keeping the pinned keys dismisses the conflict (the same file raises it
 * again if merged again). Local trust state: not a change, not undoable, not shared.
 */
export function resolveKeyConflict(
  db: DB,
  actorId: string,
  decision: 'trust-offered' | 'keep-pinned',
  offeredKey: string | undefined,
  at: string,
): KeyTrust {
  db.transaction(() => {
    const open = listKeyConflicts(db).filter((c) => c.actorId === actorId);
    const pinned = pinnedKeys(db, actorId);
    if (open.length === 0 && decision === 'trust-offered' && offeredKey && pinned.length > 0 && !pinned.includes(offeredKey)) {
      // From a merge preview: the conflict is not on record yet (a preview writes nothing).
      if (!isPublicKey(offeredKey)) throw new ClaimbenchError('VALIDATION', 'That is not an Ed25519 public key.');
      addTrustedKey(db, actorId, offeredKey, at);
      return;
    }
    if (open.length === 0) throw new ClaimbenchError('NOT_FOUND', `No key conflict is open for actor ${actorId}.`);
    if (decision === 'trust-offered') {
      const chosen = offeredKey ? open.find((c) => c.offeredKey === offeredKey) : open.length === 1 ? open[0] : undefined;
      if (!chosen) {
        throw new ClaimbenchError(
          'VALIDATION',
          offeredKey
            ? `${open[0]!.name} has no conflicting key ${keyFingerprint(offeredKey)}.`
            : `${open[0]!.name} has ${open.length} conflicting keys: say which one to trust.`,
        );
      }
      addTrustedKey(db, actorId, chosen.offeredKey, at);
    }
    prepared(db, 'DELETE FROM key_conflicts WHERE actor_id = ?').run(actorId);
  })();
  return keyTrust(db);
}
