import { v7 } from 'uuid';

/**
 * A new document's id. Time-ordered (UUID version 7, increasing even within one millisecond), so the claim
 * list's document order, which sorts by this id to use its index, lists documents in the order they were
 * imported, as the sidebar does.
 */
export function newDocumentId(): string {
  return v7();
}
