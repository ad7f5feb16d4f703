/**
 * The one place words are stemmed: Porter 2 for English, Snowball for Russian and Ukrainian (from
 * @orama/stemmers). Matching (shared/matching/analyse.ts) and full-text search
 * (electron/core/search/fts-query.ts) both use it, so "drones" meets "drone" the same way in both.
 */
import { stemmer as englishStem } from '@orama/stemmers/english';
import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stemmer as ukrainianStem } from '@orama/stemmers/ukrainian';

export type StemLanguage = 'en' | 'ru' | 'uk';

/** Stemming is slow next to a lookup and words repeat, so each stemmer remembers its recent answers. */
function remembered(stem: (word: string) => string): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let s = cache.get(word);
    if (s === undefined) {
      if (cache.size >= 200_000) cache.clear();
      s = stem(word);
      cache.set(word, s);
    }
    return s;
  };
}

export const STEMMERS: Record<StemLanguage, (word: string) => string> = {
  en: remembered(englishStem),
  ru: remembered(russianStem),
  uk: remembered(ukrainianStem),
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /^[\p{Script=Latin}\p{M}]+$/u;
const UKRAINIAN_ONLY = /[іїєґ]/;
const RUSSIAN_ONLY = /[ыэъё]/;

/**
 * The stems of one lower-case word in every language its letters allow: a Cyrillic word with no
 * letter peculiar to Russian or Ukrainian gets both stems. Digits and mixed scripts are not stemmed.
 */
export function stemsOf(word: string): string[] {
  if (LATIN.test(word)) return [STEMMERS.en(word)];
  if (!CYRILLIC.test(word) || /\d/.test(word)) return [];
  const languages: StemLanguage[] = UKRAINIAN_ONLY.test(word) ? ['uk'] : RUSSIAN_ONLY.test(word) ? ['ru'] : ['ru', 'uk'];
  return [...new Set(languages.map((l) => STEMMERS[l](word)))];
}
