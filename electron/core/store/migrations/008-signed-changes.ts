import type { Migration } from './types';

/**
 * Signed authorship.
 *
 * `changes.signature` is the author's Ed25519 signature over the row (see team/row-signature.ts);
 * NULL on every row written before this version, which history shows as "unsigned".
 *
 * `actor_keys` holds the public keys this workspace trusts for each actor: the first seen (trust on
 * first use, like SSH's known_hosts), plus any a person later chose to trust, so rows signed with an
 * earlier key still verify. It travels inside share files, so a teammate receives the keys of the
 * authors whose rows the file carries. `key_conflicts` records an untrusted key offered for a pinned
 * actor: their rows signed with it are held back until a person trusts the new key or keeps the old
 * ones. It is local to this workspace and never shared.
 */
export const migration008: Migration = {
  version: 8,
  name: 'signed-changes',
  up: `
    ALTER TABLE changes ADD COLUMN signature TEXT;

    CREATE TABLE actor_keys (
      actor_id TEXT NOT NULL,
      public_key TEXT NOT NULL,
      pinned_at TEXT NOT NULL,
      PRIMARY KEY (actor_id, public_key)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE key_conflicts (
      actor_id TEXT NOT NULL,
      public_key TEXT NOT NULL,
      name TEXT NOT NULL,
      source TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      held_back INTEGER NOT NULL,
      PRIMARY KEY (actor_id, public_key)
    ) STRICT;
  `,
};
