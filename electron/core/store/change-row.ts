import { createHash } from 'node:crypto';

/** One row of the `changes` table exactly as stored: the unit a merge exchanges. */
export interface ChangeRow {
  hlc: string;
  entity: string;
  entity_id: string;
  field: string;
  value: string | null;
  actor_id: string;
  author: string;
  action_id: string | null;
  action_label: string | null;
  supersedes: string;
  /** The author's Ed25519 signature over the row (base64); null on rows from before signing. */
  signature: string | null;
}

/** The fields a signature covers, in the order they are signed, hashed and stored: every column but the signature. */
const SIGNED_FIELDS = [
  'hlc',
  'entity',
  'entity_id',
  'field',
  'value',
  'actor_id',
  'author',
  'action_id',
  'action_label',
  'supersedes',
] as const;

export const CHANGE_COLUMNS = [...SIGNED_FIELDS, 'signature'].join(', ');
export const CHANGE_PLACEHOLDERS = CHANGE_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');

/** The fields a signature covers: everything but the signature itself. */
export function signedParams(r: ChangeRow): (string | null)[] {
  return SIGNED_FIELDS.map((f) => r[f]);
}

export function changeParams(r: ChangeRow): unknown[] {
  return [...signedParams(r), r.signature];
}

/**
 * A change's canonical text: what the content hash covers and what identical changes share. An
 * unsigned row keeps the text it had before signatures existed, so old share files still match
 * their content hash; a signed row adds its signature, so stripping or swapping it is a different change.
 */
export function canonicalChange(r: ChangeRow): string {
  return JSON.stringify(r.signature === null ? signedParams(r) : changeParams(r));
}

/** Equal canonical text (canonicalChange), compared field by field without building the texts. */
export function sameChange(a: ChangeRow, b: ChangeRow): boolean {
  if ((a.signature === null) !== (b.signature === null)) return false;
  for (const f of SIGNED_FIELDS) if ((a[f] ?? null) !== (b[f] ?? null)) return false;
  return a.signature === null || (a.signature ?? null) === (b.signature ?? null);
}

/**
 * SHA-256 over the change rows in HLC order and the attachment blob addresses in order. The
 * reader recomputes it from what it actually read, so a flipped byte or a dropped row shows.
 */
export class ContentHasher {
  private readonly hash = createHash('sha256');
  private lastHlc = '';

  addChange(r: ChangeRow): void {
    if (r.hlc <= this.lastHlc) throw new Error('changes must be hashed in strictly increasing HLC order');
    this.lastHlc = r.hlc;
    this.hash.update('change\n').update(canonicalChange(r)).update('\n');
  }

  addBlob(sha256: string, size: number): void {
    this.hash.update(`blob ${sha256} ${size}\n`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
