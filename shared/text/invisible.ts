/**
 * Invisible formatting characters: where Claimbench removes them and where it makes them visible.
 *
 * One rule, applied in two places:
 * - At ingest (imported document text, and text a person types into a claim, claimant, note,
 *   rationale or source), what can only disguise text or act on whatever shows it is removed: terminal
 *   escape sequences and C0 controls other than tab and line feed (shared/text/control-sequences.ts), bidi embeddings,
 *   overrides and isolates (U+202A–U+202E, U+2066–U+2069) and zero-width/invisible characters
 *   (U+200B, U+2060–U+2064, U+FEFF, U+180E). Zero-width joiners (U+200C/U+200D, needed by Persian,
 *   Indic scripts and emoji) and the plain direction marks (U+200E/U+200F/U+061C) are kept.
 * - When text is shown on a terminal or exported, anything of that kind that still arrives (from a
 *   teammate's file, an older workspace) is dropped (escape sequences, C0 controls) or shown as a visible
 *   `\uXXXX` escape (the rest) instead of acting.
 */
import { withoutControlSequences } from './control-sequences';

/** Removed at ingest. */
export const DISGUISING_CHARS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u180E]/g;

export function stripDisguisingChars(text: string): string {
  return withoutControlSequences(text).replace(DISGUISING_CHARS, '');
}

/** Made visible on display and export (the ingest set plus C1 controls, which terminals may obey). */
const REVEALED = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060-\u2064\uFEFF\u180E]/g;

/** Text as it may be shown or exported: escape sequences and C0 controls dropped, the other invisibles revealed. */
export function revealInvisibleChars(text: string): string {
  return withoutControlSequences(text).replace(
    REVEALED,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
