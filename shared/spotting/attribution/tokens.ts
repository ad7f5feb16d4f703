/** Word and punctuation tokens with their positions, for reading speaker phrases. */

export interface Token {
  text: string;
  lower: string;
  start: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A punctuation mark (, ; : quote, bracket, dash). */
  punct: boolean;
}

const TOKEN = /[\p{L}\p{M}\d][\p{L}\p{M}\d'’.&-]*|[,;:"“”«»„()[\]—–•!?]/gu;
/** Abbreviations whose final period belongs to the word. */
const KEEP_PERIOD = /^(?:[A-Z]\.|(?:[A-Z]\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|Gov\.|Sen\.|Rep\.|Gen\.|Lt\.|Col\.|Capt\.|Prof\.|St\.|Jr\.|Sr\.|Inc\.|Corp\.|Co\.)$/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let t = m[0];
    if (t.endsWith('.') && !KEEP_PERIOD.test(t)) t = t.replace(/\.+$/, '');
    if (t.endsWith('-')) t = t.replace(/-+$/, '');
    if (!t) continue;
    const c = t.charAt(0);
    const punct = !/[\p{L}\p{M}\d]/u.test(c);
    out.push({
      text: t.replace(/’/g, "'"),
      lower: t.toLowerCase().replace(/’/g, "'"),
      start: m.index,
      cap: !punct && c !== c.toLowerCase(),
      punct,
    });
  }
  return out;
}

/** "Ukraine's" → "ukraine", "force" → "force". */
export function stripPossessive(lower: string): string {
  return lower.endsWith("'s") ? lower.slice(0, -2) : lower;
}
