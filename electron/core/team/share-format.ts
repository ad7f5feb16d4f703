/** What marks a SQLite file as a Claimbench share file, and which share formats this version reads. */

/** 'CLMS' (a workspace is 'CLMB'): a share file is never mistaken for a workspace, nor the reverse. */
export const SHARE_APPLICATION_ID = 0x434c4d53;
export const SHARE_FORMAT = 'claimbench-share';
export const SHARE_FORMAT_VERSION = 1;
export const SHARE_EXTENSION = '.claimbench-share';
/** Keys of the `meta` table that belong to one person's copy and never travel in a share file. */
export const LOCAL_META_KEYS = ['team.syncFolder', 'team.lastSyncAt'];
/** Bounds on a teammate's file, so a hostile one cannot exhaust memory. */
export const MAX_SHARE_CHANGES = 5_000_000;
export const MAX_SHARE_BLOB_BYTES = 2 * 1024 * 1024 * 1024;
/**
 * Characters of change text (values, authors, labels, causal links) a share file may carry. Summed
 * by SQLite before a row is read, so a file that would outgrow the reader's heap (share-reader.ts)
 * is refused with a message instead of crashing it.
 */
export const MAX_SHARE_CHANGE_CHARS = 400_000_000;
/** The one table a share file adds to a workspace's schema. */
export const SHARE_META_TABLE_SQL = 'CREATE TABLE share_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT';
