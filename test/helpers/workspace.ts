import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext } from '../../electron/core/context';
import { cliProfileDir, FixedIdentityStore, ProfileIdentityStore } from '../../electron/core/identity/identity';
import type { IdentityStore } from '../../electron/core/context';
import { Workspace } from '../../electron/core/store/workspace';

export function tempDir(prefix = 'claimbench-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real workspace on a real temporary file, with a fixed author. */
export function createTestContext(author = 'Test Checker', file?: string): CoreContext & { dir: string; file: string } {
  return contextFor(new FixedIdentityStore(author), file);
}

/** A workspace opened as the CLI's person of that name (same profile, actor id and key as `claimbench --author`). */
export function createCliPersonContext(author: string, file: string): CoreContext & { dir: string; file: string } {
  return contextFor(new ProfileIdentityStore(cliProfileDir(), author), file);
}

/** The actor id `claimbench --author NAME` uses in this test's CLI profile. */
export function cliActorId(author: string): string {
  return new ProfileIdentityStore(cliProfileDir(), author).get().actorId;
}

function contextFor(identity: IdentityStore, file?: string): CoreContext & { dir: string; file: string } {
  const dir = file ? path.dirname(file) : tempDir();
  const target = file ?? path.join(dir, 'test.claimbench');
  const workspace = Workspace.open(
    target,
    () => {
      const who = identity.get();
      return { actorId: who.actorId, author: who.author ?? '', signingKey: who.signingKey };
    },
    { create: true },
  );
  return { workspace, identity, dir, file: target };
}

/** Rolls migration 17 back: the two narrower claims indexes and the tags trigger that ran for every new claim. */
export const BEFORE_CHEAPER_CLAIM_WRITES = [
  'CREATE INDEX claims_by_document ON claims (document_id, ordinal) WHERE deleted = 0',
  'CREATE INDEX claims_by_verdict ON claims (verdict, document_id, ordinal) WHERE deleted = 0',
  'DROP TRIGGER claim_tags_ai',
  `CREATE TRIGGER claim_tags_ai AFTER INSERT ON claims WHEN new.deleted = 0 BEGIN
     INSERT OR IGNORE INTO claim_tags (tag, claim_id)
       SELECT value, new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END) WHERE type = 'text';
   END`,
].join('; ');

/**
 * Rolls a current file back to the last version before signing (7): drops what the migrations
 * after it add, so opening it again runs exactly those migrations, as for a file the previous app wrote.
 */
export const BEFORE_SIGNING = [
  BEFORE_CHEAPER_CLAIM_WRITES,
  'CREATE INDEX changes_by_action ON changes (action_id)',
  'CREATE INDEX changes_by_field ON changes (entity, entity_id, field, hlc)',
  'CREATE INDEX changes_by_entity ON changes (entity_id, hlc)',
  'DROP INDEX changes_by_entity_field',
  'ALTER TABLE sources DROP COLUMN archive_url',
  'DROP TABLE document_sentences',
  'DROP TABLE document_analysis',
  'ALTER TABLE sources DROP COLUMN accessed_at',
  'DROP TABLE claim_library_matches',
  'DROP TABLE library_links',
  'ALTER TABLE changes DROP COLUMN signature',
  'DROP TABLE actor_keys',
  'DROP TABLE key_conflicts',
  'PRAGMA user_version = 7',
].join('; ');
