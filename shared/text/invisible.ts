/**
 * Invisible formatting characters: where Claimbench removes them and where it makes them visible.
 *
 * One rule, applied in two places:
 * - At ingest (imported document text, and text a person types into a claim, claimant, note,
 *   rationale or source), the characters that can only disguise text are removed: bidi embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width/invisible characters
 *   (U+200B, U+2060–U+2064, U+FEFF, U+180E). Zero-width joiners (U+200C/U+200D, needed by Persian,
 *   Indic scripts and emoji) and the plain direction marks (U+200E/U+200F/U+061C) are kept.
 * - When text is shown on a terminal or exported, anything of that kind that still arrives (from a
 *   teammate's file, an older workspace) is shown as a visible `\uXXXX` escape instead of acting.
 */

/** Removed at ingest. */
export const DISGUISING_CHARS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u180E]/g;

export function stripDisguisingChars(text: string): string {
  return text.replace(DISGUISING_CHARS, '');
}

/** Made visible on display and export (the ingest set plus C1 controls, which terminals may obey). */
const REVEALED = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u180E]/g;

export function revealInvisibleChars(text: string): string {
  return text.replace(REVEALED, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
