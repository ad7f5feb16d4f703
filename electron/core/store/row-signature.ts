import { signedParams, type ChangeRow } from './change-row';

/** What the write path needs of a person's key: team/signing.ts builds real Ed25519 ones. */
export interface RowSigningKey {
  /** Base64 of the raw 32-byte public key. */
  readonly publicKey: string;
  sign(data: Buffer): string;
}

const DOMAIN = Buffer.from('claimbench-change-v1\n', 'utf8');
const NULL_FIELD = Buffer.from([0]);

/**
 * The bytes a change row's signature covers: a domain tag, then each signed field in a fixed
 * order as a type byte (0 null, 1 text) and, for text, its UTF-8 length (4 bytes, big-endian)
 * and bytes. Length-prefixing makes the encoding unambiguous, so no two different rows can
 * share bytes (as "a|b" + "c" and "a" + "b|c" would with a separator).
 */
export function rowSigningBytes(row: ChangeRow): Buffer {
  const parts: Buffer[] = [DOMAIN];
  for (const field of signedParams(row)) {
    if (field === null) {
      parts.push(NULL_FIELD);
      continue;
    }
    const bytes = Buffer.from(field, 'utf8');
    const head = Buffer.allocUnsafe(5);
    head[0] = 1;
    head.writeUInt32BE(bytes.length, 1);
    parts.push(head, bytes);
  }
  return Buffer.concat(parts);
}

export function signRow(row: ChangeRow, key: RowSigningKey): string {
  return key.sign(rowSigningBytes(row));
}
