/**
 * Terminal escape sequences and control characters in text. Imported and merged text can carry them
 * (colours, cursor moves, OSC window titles and hyperlinks, clipboard writes): they are removed where
 * text enters and where it is shown or exported (shared/text/invisible.ts).
 */

/** ESC-introduced sequences: CSI, OSC/DCS/SOS/PM/APC strings (to BEL or ST) and two-byte escapes. */
// eslint-disable-next-line no-control-regex -- escape sequences are exactly what is removed
const ESCAPE_SEQUENCES = /\x1B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1B]*(?:\x07|\x1B\\)?|[ -/]*[0-~]?)/g;

/** C0 controls other than tab and line feed, and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const C0_CONTROLS = /[\x00-\x08\x0B-\x1F\x7F]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const HAS_CONTROL = /[\x00-\x08\x0B-\x1F\x7F]/;

/** The text without escape sequences and C0 controls (tab and line feed stay). */
export function withoutControlSequences(text: string): string {
  if (!HAS_CONTROL.test(text)) return text;
  return text.replace(ESCAPE_SEQUENCES, '').replace(C0_CONTROLS, '');
}
