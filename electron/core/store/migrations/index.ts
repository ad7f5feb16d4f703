import type { Migration } from './types';
import { migration001 } from './001-initial';

/** Every migration, in order. Append only: never edit or reorder a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [migration001];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
