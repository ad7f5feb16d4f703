import { stemsOf } from '../../../shared/text/stem';

/** Most words a query may have; more only slow the search without narrowing it usefully. */
const MAX_TERMS = 16;

/** The words of some text as the FTS tokenizer sees them (letters, digits and their marks). */
function wordsIn(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
}

/** A stem shorter than this would match as a prefix far too widely ("is*", "на*"). */
const MIN_STEM = 3;

/** One part of a query: a word (searched with its stems) or a "quoted phrase" (searched exactly). */
export type QueryTerm = { phrase: false; word: string; stems: string[] } | { phrase: true; words: string[] };

/**
 * A query as terms: text inside double quotes (straight or curly) is a phrase, every other word a
 * term of its own with the stems of its language (shared/text/stem.ts), so "drones" also finds
 * "drone" and "беспилотника" "беспилотник". An unclosed quote runs to the end of the query.
 */
export function parseQuery(input: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  let count = 0;
  const parts = input.split(/["“”„«»]/);
  parts.forEach((part, i) => {
    const words = wordsIn(part).slice(0, Math.max(0, MAX_TERMS - count));
    count += words.length;
    if (words.length === 0) return;
    if (i % 2 === 1 && words.length > 1) {
      terms.push({ phrase: true, words });
      return;
    }
    for (const word of words) {
      const lower = word.toLowerCase();
      const stems = i % 2 === 1 ? [] : stemsOf(lower).filter((s) => s.length >= MIN_STEM && s !== lower);
      terms.push({ phrase: false, word, stems });
    }
  });
  return terms;
}

/** What a hit highlights: words (and their stems) as prefixes, and each quoted phrase only where it stands whole. */
export interface HighlightTerms {
  prefixes: string[];
  phrases: string[][];
}

export function highlightTerms(input: string): HighlightTerms {
  const terms = parseQuery(input);
  return {
    prefixes: terms.flatMap((t) => (t.phrase ? [] : [t.word, ...t.stems])),
    phrases: terms.flatMap((t) => (t.phrase ? [t.words] : [])),
  };
}

/** One form per word for ranking: its stem when the word begins with it, so "drone" and "drones" weigh alike. */
export function rankWords(input: string): string[] {
  return parseQuery(input).flatMap((t) => {
    if (t.phrase) return t.words;
    const lower = t.word.toLowerCase();
    return [t.stems.find((s) => lower.startsWith(s)) ?? t.word];
  });
}

/**
 * Turn free text into a safe FTS5 MATCH expression: every word becomes a quoted prefix term (with
 * its stems as prefixes too) and all must match; a quoted phrase must appear as written. Operators,
 * column filters and parentheses typed by the user are never passed through, so no input can be a
 * syntax error or an injection. Case and accents are the tokenizer's job (unicode61
 * remove_diacritics 2), so "sao paulo" finds "São Paulo" and "зеленск" finds "Зеленского".
 */
export function toFtsQuery(input: string): string | null {
  return allTerms(input, '*');
}

/**
 * The same query with every word whole, not as a prefix. FTS5 reads a prefix term's every
 * posting before returning the first row, a whole word's only as far as it is read, so this
 * form costs the same for "said" as for a rare name.
 */
export function toWholeWordFtsQuery(input: string): string | null {
  return allTerms(input, '');
}

function allTerms(input: string, suffix: '' | '*'): string | null {
  const terms = parseQuery(input);
  if (terms.length === 0) return null;
  return terms
    .map((t) => {
      if (t.phrase) return `"${t.words.join(' ')}"`;
      const variants = [...new Set([t.word, ...t.stems].flatMap(yoVariants))];
      return variants.length === 1 ? `"${variants[0]}"${suffix}` : `(${variants.map((v) => `"${v}"${suffix}`).join(' OR ')})`;
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
