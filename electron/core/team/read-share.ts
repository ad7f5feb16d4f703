import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError, type ErrorCode } from '../../../shared/result';
import { APPLICATION_ID } from '../store/open';
import { SCHEMA_VERSION } from '../store/migrations/index';
import { checkSchema, SchemaMismatch, workspaceSchema } from '../store/schema-check';
import type { BlobRow } from './apply';
import { CHANGE_COLUMNS, ContentHasher, type ChangeRow } from '../store/change-row';
import {
  MAX_SHARE_BLOB_BYTES,
  MAX_SHARE_CHANGE_CHARS,
  MAX_SHARE_CHANGES,
  SHARE_APPLICATION_ID,
  SHARE_FORMAT,
  SHARE_FORMAT_VERSION,
  SHARE_META_TABLE_SQL,
} from './share-format';
import { ChangeRejected, validateChangeRow } from './validate-change';
import { openDatabase } from '../store/sqlite';
import { isPublicKey } from './signing';
import { z } from 'zod';

export interface ShareContents {
  file: string;
  createdBy: string | null;
  createdAt: string | null;
  /** The content hash recomputed from the rows and blobs read (equal to the one the file records). */
  contentHash: string;
  rows: ChangeRow[];
  blobs: BlobRow[];
  /** The public keys of the authors the file carries (none in files from before signing). */
  keys: Map<string, string[]>;
}

const SQLITE_HEADER = 'SQLite format 3\0';

class Refused extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The header records the page size and page count; a shorter file lost its end in transit. */
function checkHeader(file: string, size: number): void {
  const fd = fs.openSync(file, 'r');
  const header = Buffer.alloc(100);
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (size < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    throw new Refused('UNSUPPORTED_FORMAT', 'it is not a Claimbench share file');
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const pageCountValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  if (pageSize < 512 || size % pageSize !== 0 || (pageCountValid && pages * pageSize > size)) {
    throw new Refused('CORRUPT', 'it is truncated or damaged (the file is shorter than its own header says)');
  }
}

/**
 * What the file says it is, read from its header pragmas and sqlite_schema only. Runs before any
 * query on its data (quick_check included): a view or trigger of its own could spin, fill memory or
 * the disk.
 */
function checkDeclarations(db: Database.Database): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) {
    throw new Refused(
      'UNSUPPORTED_FORMAT',
      'it is a workspace, not a share file; make a share file from it with File > Share… in the app, or on the command line: claimbench share WORKSPACE -o FILE',
    );
  }
  if (appId !== SHARE_APPLICATION_ID) throw new Refused('UNSUPPORTED_FORMAT', 'it is not a Claimbench share file');
  const schema = db.pragma('user_version', { simple: true }) as number;
  if (schema > SCHEMA_VERSION) {
    throw new Refused('NEWER_VERSION', 'it was written by a newer version of Claimbench; update Claimbench to merge it');
  }
  try {
    checkSchema(db, workspaceSchema(schema, [SHARE_META_TABLE_SQL]));
  } catch (e) {
    if (e instanceof SchemaMismatch) throw new Refused('UNSUPPORTED_FORMAT', e.message);
    throw e;
  }
}

function readMeta(db: Database.Database): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM share_meta').all() as { key: unknown; value: unknown }[];
  const meta = new Map<string, string>();
  for (const r of rows) if (typeof r.key === 'string' && typeof r.value === 'string') meta.set(r.key, r.value);
  if (meta.get('format') !== SHARE_FORMAT) throw new Refused('UNSUPPORTED_FORMAT', 'it is not a Claimbench share file');
  const version = Number(meta.get('version'));
  if (!Number.isInteger(version) || version < 1) throw new Refused('CORRUPT', 'its format version is missing');
  if (version > SHARE_FORMAT_VERSION) {
    throw new Refused(
      'NEWER_VERSION',
      `it was written by a newer version of Claimbench (share format ${version}); update Claimbench to merge it`,
    );
  }
  if (!/^[0-9a-f]{64}$/.test(meta.get('content_hash') ?? '')) throw new Refused('CORRUPT', 'its content hash is missing');
  return meta;
}

function readBlobs(db: Database.Database, hasher: ContentHasher): BlobRow[] {
  const blobs: BlobRow[] = [];
  let total = 0;
  const all = db.prepare('SELECT sha256, size, bytes FROM blobs ORDER BY sha256').iterate() as IterableIterator<{
    sha256: unknown;
    size: unknown;
    bytes: unknown;
  }>;
  for (const b of all) {
    if (typeof b.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(b.sha256) || !Buffer.isBuffer(b.bytes)) {
      throw new Refused('VALIDATION', 'an attachment in it is malformed');
    }
    total += b.bytes.length;
    if (total > MAX_SHARE_BLOB_BYTES) throw new Refused('VALIDATION', 'its attachments are too large');
    if (b.size !== b.bytes.length || createHash('sha256').update(b.bytes).digest('hex') !== b.sha256) {
      throw new Refused('CORRUPT', `the bytes of attachment ${b.sha256.slice(0, 12)}… do not match their address`);
    }
    hasher.addBlob(b.sha256, b.size);
    blobs.push({ sha256: b.sha256, size: b.size, bytes: b.bytes });
  }
  return blobs;
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** A share file from before signing has no signature column: its rows read as unsigned. */
function changeColumnsOf(db: Database.Database): string {
  const columns = (db.prepare("SELECT name FROM pragma_table_info('changes')").pluck().all() as string[]).includes('signature');
  return columns ? CHANGE_COLUMNS : CHANGE_COLUMNS.replace('signature', 'NULL AS signature');
}

const keyRow = z.object({ actor_id: z.string().regex(/^[0-9a-f]{16,32}$/), public_key: z.string().refine(isPublicKey) });

/** The pinned keys the sender's workspace carried: the keys of the authors in the file. */
function readAuthorKeys(db: Database.Database): Map<string, string[]> {
  const keys = new Map<string, string[]>();
  if (!hasTable(db, 'actor_keys')) return keys;
  for (const raw of db.prepare('SELECT actor_id, public_key FROM actor_keys LIMIT 100000').iterate()) {
    const r = keyRow.safeParse(raw);
    if (!r.success) throw new Refused('VALIDATION', 'a public key in it is malformed');
    keys.set(r.data.actor_id, [...(keys.get(r.data.actor_id) ?? []), r.data.public_key]);
  }
  return keys;
}

export interface ShareLimits {
  changeChars: number;
}

function readContents(db: Database.Database, file: string, limits: ShareLimits): ShareContents {
  const meta = readMeta(db);
  const count = db.prepare('SELECT count(*) FROM changes').pluck().get() as number;
  if (count > MAX_SHARE_CHANGES) throw new Refused('VALIDATION', `it holds too many changes (${count})`);
  const chars = db
    .prepare(
      'SELECT coalesce(sum(length(value) + length(author) + coalesce(length(action_label), 0) + length(supersedes)), 0) FROM changes',
    )
    .pluck()
    .get() as number;
  if (chars > limits.changeChars) {
    throw new Refused('VALIDATION', `its changes are too large to read (${Math.ceil(chars / 1_000_000)} million characters)`);
  }
  const hasher = new ContentHasher();
  const rows: ChangeRow[] = [];
  const now = Date.now();
  let previous = '';
  for (const raw of db.prepare(`SELECT ${changeColumnsOf(db)} FROM changes ORDER BY hlc`).iterate()) {
    const row = validateChangeRow(raw, now);
    if (row.hlc === previous) throw new Refused('VALIDATION', `two changes share the clock timestamp ${row.hlc}`);
    previous = row.hlc;
    hasher.addChange(row);
    rows.push(row);
  }
  const blobs = readBlobs(db, hasher);
  const contentHash = hasher.digest();
  if (contentHash !== meta.get('content_hash')) {
    throw new Refused('CORRUPT', 'its content does not match its content hash (it was altered or damaged after it was written)');
  }
  return {
    file,
    createdBy: meta.get('created_by') ?? null,
    createdAt: meta.get('created_at') ?? null,
    contentHash,
    rows,
    blobs,
    keys: readAuthorKeys(db),
  };
}

/**
 * Read and check a teammate's share file completely before anything touches the workspace:
 * opened read-only, its header, application id, format version, every change row (zod), every
 * attachment's bytes against its address, and the content hash over all of it.
 */
export function readShareFile(
  file: string,
  nativeBinding?: string,
  limits: ShareLimits = { changeChars: MAX_SHARE_CHANGE_CHARS },
): ShareContents {
  const absolute = path.resolve(file);
  const name = path.basename(absolute);
  let db: Database.Database | undefined;
  try {
    if (!fs.existsSync(absolute)) throw new Refused('NOT_FOUND', 'it does not exist');
    const stat = fs.statSync(absolute);
    if (!stat.isFile()) throw new Refused('UNSUPPORTED_FORMAT', 'it is not a file');
    checkHeader(absolute, stat.size);
    db = openDatabase(absolute, { readonly: true, fileMustExist: true, nativeBinding });
    checkDeclarations(db);
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Refused('CORRUPT', `it is damaged (${String(check).slice(0, 200)})`);
    return readContents(db, absolute, limits);
  } catch (e) {
    const refusal = (code: ErrorCode, why: string) =>
      new ClaimbenchError(code, `${name} was refused: ${why}. Nothing was changed.`);
    if (e instanceof Refused) throw refusal(e.code, e.message);
    if (e instanceof ChangeRejected) throw refusal('VALIDATION', e.message);
    const msg = e instanceof Error ? e.message : String(e);
    if (/no such (table|column)/i.test(msg)) throw refusal('UNSUPPORTED_FORMAT', 'it is not a Claimbench share file');
    if (/not a database|malformed|corrupt|disk image/i.test(msg)) throw refusal('CORRUPT', 'it is truncated or damaged');
    throw refusal('IO', `it could not be read (${msg.slice(0, 200)})`);
  } finally {
    db?.close();
  }
}
