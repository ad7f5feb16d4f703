import { sniffKind, storeBlob } from '../evidence/attachments';
import { applyChanges, type Applied, type ApplyOptions } from '../store/apply-changes';
import type { ChangeRow } from '../store/change-row';
import type { DB } from '../store/open';

export interface BlobRow {
  sha256: string;
  size: number;
  bytes: Buffer;
}

/**
 * A teammate's change rows with the attachment bytes they refer to: the bytes are stored, then the
 * rows go through the store's one apply path. Must run inside the caller's transaction.
 */
export function applyChangeRows(
  db: DB,
  rows: Iterable<ChangeRow>,
  blobs: Iterable<BlobRow> = [],
  options: ApplyOptions = {},
): Applied {
  // The kind decides whether the bytes may be opened, so it is sniffed here, never taken from the sender.
  for (const b of blobs) storeBlob(db, b.sha256, b.bytes, sniffKind(b.bytes));
  return applyChanges(db, rows, options);
}
