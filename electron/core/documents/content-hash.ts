import { createHash } from 'node:crypto';

/** SHA-256 of a document's text with line endings and outer whitespace normalised: the same article imported twice matches. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim(), 'utf8').digest('hex');
}
