import type { Migration } from './types';
import { migration001 } from './001-initial';
import { migration002 } from './002-evidence';
import { migration003 } from './003-team';
import { migration004 } from './004-list-counts';
import { migration005 } from './005-sessions';
import { migration006 } from './006-not-reviewed';
import { migration007 } from './007-merge-origins';
import { migration008 } from './008-signed-changes';
import { migration009 } from './009-fact-check-libraries';
import { migration010 } from './010-document-sentences';
import { migration011 } from './011-source-origins';
import { migration012 } from './012-one-entity-index';
import { migration013 } from './013-no-action-index';
import { migration014 } from './014-mostly-true-matches';
import { migration015 } from './015-rematch-fact-checks';
import { migration016 } from './016-rematch-event-checks';
import { migration017 } from './017-cheaper-claim-writes';

/** Every migration, in order. Append only: never edit or reorder a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
