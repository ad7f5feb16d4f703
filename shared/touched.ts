import { z } from 'zod';

/**
 * The change log's entities (shared/entities/registry.ts declares their fields; store/touch-set.ts
 * checks the two name the same kinds). A write to any of them is a logged change.
 */
export const LOGGED_KINDS = [
  'document',
  'claim',
  'setting',
  'source',
  'attachment',
  'checkSession',
  'transcriptChunk',
  'note',
] as const;
export type LoggedKind = (typeof LOGGED_KINDS)[number];

/** The kinds of stored data a write can touch and a read can depend on: the logged ones, then those outside the log. */
export const DATA_KINDS = [
  ...LOGGED_KINDS,
  /** Open verdict/rationale conflicts between teammates. */
  'conflict',
  /** The people whose changes the workspace holds, and their display names. */
  'actor',
  /** Trusted signing keys and key conflicts. */
  'actorKey',
  /** Linked fact-check libraries and their matches. */
  'library',
  /** The person working here (name, signing key). */
  'identity',
  /** The shared folder this workspace syncs with. */
  'syncLink',
] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** At most this many ids per kind travel in an event; past it the list is dropped (the kind still counts). */
export const TOUCHED_IDS_LIMIT = 1000;

/**
 * What one write touched: for each kind, the ids it changed. An empty list means "some of this
 * kind" (no ids for kinds that have none, or more than TOUCHED_IDS_LIMIT of them).
 */
export type Touched = Partial<Record<DataKind, string[]>>;

export const touchedSchema: z.ZodType<Touched> = z.partialRecord(z.enum(DATA_KINDS), z.array(z.string()).max(TOUCHED_IDS_LIMIT));

export function touchedKinds(touched: Touched): DataKind[] {
  return DATA_KINDS.filter((k) => touched[k] !== undefined);
}

export function isEmptyTouched(touched: Touched): boolean {
  return touchedKinds(touched).length === 0;
}
