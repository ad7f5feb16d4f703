/**
 * Text made safe for a terminal. Imported and merged text can carry escape sequences (colours,
 * cursor moves, OSC window titles and hyperlinks, even OSC 52 clipboard writes); printed raw they
 * would act on the person's terminal. Every CLI line passes through here.
 */
import { revealInvisibleChars } from '../../shared/text/invisible';

/** ESC-introduced sequences: CSI, OSC/DCS/SOS/PM/APC strings (to BEL or ST) and two-byte escapes. */
// eslint-disable-next-line no-control-regex -- escape sequences are exactly what is removed
const ESCAPE_SEQUENCES = /\x1B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\x07\x1B]*(?:\x07|\x1B\\)?|[ -/]*[0-~]?)/g;

/** C0 controls other than tab and line feed, and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const C0_CONTROLS = /[\x00-\x08\x0B-\x1F\x7F]/g;

export function forTerminal(text: string): string {
  return revealInvisibleChars(text.replace(ESCAPE_SEQUENCES, '').replace(C0_CONTROLS, ''));
}
