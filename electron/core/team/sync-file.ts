import { createHash } from 'node:crypto';
import type { BlobRow } from './apply';
import type { ChangeRow } from '../store/change-row';
import { z } from 'zod';
import { isPublicKey } from './signing';
import { ChangeRejected, validateChangeRow } from './validate-change';

/**
 * One person's append-only change file in a shared folder: a header line, then one JSON line per
 * change, attachment blob or author key, each with a checksum, so a line a sync tool mangled is
 * noticed. Version 2 added key lines (`k`): the public key of each author whose changes follow,
 * written before that author's first change in the file, so every file can be verified on its own.
 */
export const SYNC_FORMAT = 'claimbench-changes';
export const SYNC_FORMAT_VERSION = 2;
export const SYNC_SUFFIX = '.changes.jsonl';
const MAX_LINE = 80_000_000;
const MAX_KEYS_PER_PERSON = 16;

interface BlobLine {
  sha256: string;
  size: number;
  base64: string;
}

export interface ParsedSyncFile {
  actorId: string | null;
  rows: ChangeRow[];
  blobs: BlobRow[];
  /** Author public keys the file carries, by actor id (absent before version 2). */
  keys?: Map<string, string[]>;
  problem: string | null;
}

const keyLineShape = z.object({
  actorId: z.string().regex(/^[0-9a-f]{16,32}$/),
  publicKey: z.string().refine(isPublicKey, 'is not an Ed25519 public key'),
});

function checksum(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function headerLine(actorId: string): string {
  return `${JSON.stringify({ format: SYNC_FORMAT, version: SYNC_FORMAT_VERSION, actorId })}\n`;
}

export function changeLine(row: ChangeRow): string {
  const body = JSON.stringify(row);
  return `${JSON.stringify({ s: checksum(body), c: body })}\n`;
}

export function keyLine(actorId: string, publicKey: string): string {
  const body = JSON.stringify({ actorId, publicKey } satisfies z.infer<typeof keyLineShape>);
  return `${JSON.stringify({ s: checksum(body), k: body })}\n`;
}

function parseKey(body: string, keys: Map<string, string[]>): void {
  const k = keyLineShape.safeParse(JSON.parse(body));
  if (!k.success) throw new ChangeRejected('a key line is malformed');
  const earlier = keys.get(k.data.actorId) ?? [];
  if (earlier.length >= MAX_KEYS_PER_PERSON) throw new ChangeRejected('it carries too many keys for one person');
  if (!earlier.includes(k.data.publicKey)) keys.set(k.data.actorId, [...earlier, k.data.publicKey]);
}

export function blobLine(blob: BlobRow): string {
  const body = JSON.stringify({ sha256: blob.sha256, size: blob.size, base64: blob.bytes.toString('base64') } satisfies BlobLine);
  return `${JSON.stringify({ s: checksum(body), b: body })}\n`;
}

function parseBlob(body: string): BlobRow {
  const b = JSON.parse(body) as Partial<BlobLine>;
  if (typeof b.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(b.sha256) || typeof b.base64 !== 'string') {
    throw new ChangeRejected('an attachment line is malformed');
  }
  const bytes = Buffer.from(b.base64, 'base64');
  if (bytes.length !== b.size || createHash('sha256').update(bytes).digest('hex') !== b.sha256) {
    throw new ChangeRejected(`the bytes of attachment ${b.sha256.slice(0, 12)}… do not match their address`);
  }
  return { sha256: b.sha256, size: bytes.length, bytes };
}

/**
 * Parse a change file. A last line without its newline is a write still in progress (or cut by the
 * sync tool) and is left for next time; any other bad line makes the whole file unusable until it
 * is repaired, so a damaged file never half-merges.
 */
export function parseSyncFile(text: string): ParsedSyncFile {
  const lines = text.split('\n');
  lines.pop(); // the unterminated tail: empty when the file ends with a newline
  const empty = (problem: string): ParsedSyncFile => ({ actorId: null, rows: [], blobs: [], problem });
  if (lines.length === 0) return { actorId: null, rows: [], blobs: [], problem: null };
  let actorId: string;
  try {
    const header = JSON.parse(lines[0]!) as { format?: unknown; version?: unknown; actorId?: unknown };
    if (header.format !== SYNC_FORMAT) return empty('it is not a Claimbench change file');
    if (typeof header.version !== 'number' || header.version > SYNC_FORMAT_VERSION) {
      return empty('it was written by a newer version of Claimbench');
    }
    if (typeof header.actorId !== 'string' || !/^[0-9a-f]{16,32}$/.test(header.actorId)) return empty('its header is malformed');
    actorId = header.actorId;
  } catch {
    return empty('its header is malformed');
  }
  const rows: ChangeRow[] = [];
  const blobs: BlobRow[] = [];
  const keys = new Map<string, string[]>();
  const now = Date.now();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    try {
      if (line.length > MAX_LINE) throw new ChangeRejected('a line is too long');
      const wrapped = JSON.parse(line) as { s?: unknown; c?: unknown; b?: unknown; k?: unknown };
      const body =
        typeof wrapped.c === 'string'
          ? wrapped.c
          : typeof wrapped.b === 'string'
            ? wrapped.b
            : typeof wrapped.k === 'string'
              ? wrapped.k
              : null;
      if (body === null || wrapped.s !== checksum(body)) throw new ChangeRejected('a line fails its checksum');
      if (typeof wrapped.c === 'string') rows.push(validateChangeRow(JSON.parse(body), now));
      else if (typeof wrapped.k === 'string') parseKey(body, keys);
      else blobs.push(parseBlob(body));
    } catch (e) {
      const why = e instanceof ChangeRejected ? e.message : 'a line is not valid JSON';
      return { actorId, rows: [], blobs: [], problem: `line ${i + 1}: ${why}` };
    }
  }
  return { actorId, rows, blobs, keys, problem: null };
}
