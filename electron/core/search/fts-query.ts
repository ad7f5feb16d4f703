/** Most words a query may have; more only slow the search without narrowing it usefully. */
const MAX_TERMS = 16;

/** The words of a user's query as the FTS tokenizer sees them (letters, digits and their marks). */
export function queryWords(input: string): string[] {
  return (input.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? []).slice(0, MAX_TERMS);
}

/**
 * Turn free text into a safe FTS5 MATCH expression: every word becomes a quoted prefix term and
 * all must match. Operators, quotes, column filters and parentheses typed by the user are never
 * passed through, so no input can be a syntax error or an injection. Case and accents are the
 * tokenizer's job (unicode61 remove_diacritics 2), so "sao paulo" finds "São Paulo" and
 * "зеленск" finds "Зеленского".
 */
export function toFtsQuery(input: string): string | null {
  return allWords(input, '*');
}

/**
 * The same query with every word whole, not as a prefix. FTS5 reads a prefix term's every
 * posting before returning the first row, a whole word's only as far as it is read, so this
 * form costs the same for "said" as for a rare name.
 */
export function toWholeWordFtsQuery(input: string): string | null {
  return allWords(input, '');
}

function allWords(input: string, suffix: '' | '*'): string | null {
  const words = queryWords(input);
  if (words.length === 0) return null;
  return words
    .map((w) => {
      const variants = yoVariants(w);
      return variants.length === 1 ? `"${w}"${suffix}` : `(${variants.map((v) => `"${v}"${suffix}`).join(' OR ')})`;
    })
    .join(' AND ');
}

const MAX_YO_POSITIONS = 3;

/**
 * Russian writers often type е for ё, and unicode61 does not fold one into the other, so a word
 * with е/ё at up to three places is searched in every spelling ("остается" finds "остаётся").
 */
export function yoVariants(word: string): string[] {
  const positions = [...word].flatMap((ch, i) => (/[еёЕЁ]/.test(ch) ? [i] : []));
  if (positions.length === 0 || positions.length > MAX_YO_POSITIONS) return [word];
  const chars = [...word.toLowerCase()];
  const out: string[] = [];
  for (let mask = 0; mask < 1 << positions.length; mask++) {
    const v = [...chars];
    positions.forEach((p, bit) => (v[p] = mask & (1 << bit) ? 'ё' : 'е'));
    out.push(v.join(''));
  }
  return out;
}

/** Any of the words, whole-word: for "more like this" lookups. */
export function toAnyWordQuery(words: readonly string[]): string | null {
  if (words.length === 0) return null;
  return words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ');
}
