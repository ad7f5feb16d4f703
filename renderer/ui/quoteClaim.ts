const QUOTE_LENGTH = 48;

/** “157 drones were shot down…”: a claim's opening words, to name it in a notice. */
export function quoteClaim(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > QUOTE_LENGTH ? `${flat.slice(0, QUOTE_LENGTH).replace(/\s+\S*$/, '')}…` : flat;
  return `“${cut}”`;
}
