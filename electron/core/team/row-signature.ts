import type { ChangeRow } from '../store/change-row';
import { rowSigningBytes } from '../store/row-signature';
import { verifySignature } from './signing';

export function rowSignatureMatches(row: ChangeRow, publicKey: string): boolean {
  return row.signature !== null && verifySignature(rowSigningBytes(row), row.signature, publicKey);
}
