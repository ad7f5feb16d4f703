/**
 * Text made safe for a terminal. Imported and merged text can carry escape sequences (colours,
 * cursor moves, OSC window titles and hyperlinks, even OSC 52 clipboard writes); printed raw they
 * would act on the person's terminal. Every CLI line passes through here.
 */
import { revealInvisibleChars } from '../../shared/text/invisible';

export function forTerminal(text: string): string {
  return revealInvisibleChars(text);
}
