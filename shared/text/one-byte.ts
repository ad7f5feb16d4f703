/**
 * Sentences as strings V8 can store one byte per character. A slice of a document is stored like the document, and a
 * news article almost always holds some character past U+00FF (a curly quote, a dash): every slice of it is then
 * stored two bytes per character, whatever it holds. Lower-casing, hashing and matching such strings costs several
 * times as much (lower-casing goes through ICU), and each sentence is read dozens of times by the scoring and the
 * attribution, so a sentence that fits in one byte per character is copied once into a string that does.
 */

/** Whether some character of the text is past U+00FF (the text cannot be stored one byte per character). */
export function hasWideChar(text: string): boolean {
  return WIDE_CHAR.test(text);
}

const WIDE_CHAR = /[\u0100-\uffff]/;

/**
 * The same text, copied so that V8 stores it one byte per character, when the text it was cut from holds wide
 * characters and this piece does not; otherwise the text itself.
 */
export function narrowed(piece: string, sourceHasWideChars: boolean): string {
  if (!sourceHasWideChars || hasWideChar(piece)) return piece;
  // (V8's JSON parser builds a one-byte string for a value that fits: the cheapest such copy in plain JavaScript.)
  return JSON.parse(JSON.stringify(piece)) as string;
}
