import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- The change log: every write, field by field. The source of truth for history and merge;
    -- the entity tables below are its materialised current state.
    CREATE TABLE changes (
      hlc TEXT PRIMARY KEY,
      entity TEXT NOT NULL,
      entity_id TEXT NOT NULL,
      field TEXT NOT NULL,
      value TEXT,
      actor_id TEXT NOT NULL,
      author TEXT NOT NULL,
      action_id TEXT,
      action_label TEXT
    ) STRICT;
    CREATE INDEX changes_by_field ON changes (entity, entity_id, field, hlc);
    CREATE INDEX changes_by_action ON changes (action_id);

    CREATE TABLE actors (
      actor_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      first_seen TEXT NOT NULL
    ) STRICT;

    CREATE TABLE documents (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      origin TEXT,
      publisher TEXT,
      published_at TEXT,
      text TEXT NOT NULL DEFAULT '',
      content_hash TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX documents_by_hash ON documents (content_hash) WHERE deleted = 0;

    CREATE TABLE claims (
      id TEXT PRIMARY KEY,
      document_id TEXT,
      ordinal REAL NOT NULL DEFAULT 0,
      text TEXT NOT NULL DEFAULT '',
      anchor TEXT,
      claimant TEXT,
      score REAL,
      reasons TEXT NOT NULL DEFAULT '[]',
      verdict TEXT NOT NULL DEFAULT 'unverified' CHECK (verdict IN ('sourced', 'disputed', 'unverified')),
      rationale TEXT NOT NULL DEFAULT '',
      assignee TEXT,
      tags TEXT NOT NULL DEFAULT '[]',
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX claims_by_document ON claims (document_id, ordinal) WHERE deleted = 0;
    CREATE INDEX claims_by_verdict ON claims (verdict, document_id, ordinal) WHERE deleted = 0;

    -- Workspace-level settings (threshold, report options...), recorded like any change.
    CREATE TABLE settings (
      id TEXT PRIMARY KEY,
      value TEXT,
      created_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      deleted INTEGER NOT NULL DEFAULT 0
    ) STRICT;
  `,
};
