import { shorten } from '../../shared/text/shorten';

const QUOTE_LENGTH = 48;

/** “157 drones were shot down…”: a claim's opening words, to name it in a notice. */
export function quoteClaim(text: string): string {
  return `“${shorten(text, QUOTE_LENGTH)}”`;
}
