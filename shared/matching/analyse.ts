/**
 * One analyser for both sides of matching (library items when indexed, claims when matched), so a tweet and a
 * fact-check's claim meet on the same tokens: social-media noise removed, numbers normalised, stop words
 * dropped except negations, each word stemmed in its language (Porter 2 for English, Snowball for Russian and
 * Ukrainian).
 */
import { STEMMERS } from '../text/stem';
import { joinDigitGroups, normaliseNumberTokens } from './numbers';

export type MatchLanguage = 'en' | 'ru' | 'uk';

/** Negations stay: "vaccines do not cause autism" must not look like its opposite claim with a stop word less. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'without', 'не', 'ні', 'нет', 'ни', 'без']);

const STOP_WORDS = new Set(
  (
    'a an the and or but if of at by for with about against between into through during before after above below to from ' +
    'up down in out on off over under again further then once here there when where why how all any both each few more most ' +
    'other some such only own same so than too very s t can will just don should now is am are was were be been being have has ' +
    'had having do does did doing i me my myself we our ours ourselves you your yours yourself yourselves he him his himself ' +
    'she her hers herself it its itself they them their theirs themselves what which who whom this that these those would ' +
    'could ll re ve d m o y as until while because also via get got say says said rt amp '
  )
    .trim()
    .split(/\s+/),
);
const STOP_WORDS_CYRILLIC = new Set(
  'и в во на с со к ко о об от до по за из у же ли бы что как это то так а но или да то есть был была были быть і й та на що як це той це ж чи би був була були бути для по при'.split(
    ' ',
  ),
);

const UKRAINIAN_LETTERS = /[іїєґ]/i;
const CYRILLIC = /\p{Script=Cyrillic}/u;

export function detectLanguage(text: string): MatchLanguage {
  if (!CYRILLIC.test(text)) return 'en';
  return UKRAINIAN_LETTERS.test(text) ? 'uk' : 'ru';
}

/** "@SpeakerPelosi" and "#BoycottOliveGarden" carry names and words: split them at case changes. */
function splitCamel(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2');
}

const TWEET_SIGNATURE = /\s[\u2014\u2013]\s*([^\u2014\n]{0,80}?)\s*\(@\w+\)\s*(\w+) \d{1,2}, (\d{4})\W*$/u;

/** A tweet without its signature ("— Name (@handle) January 6, 2020"): when it was posted is not what it says. */
export function withoutTweetSignature(text: string): string {
  return text.replace(TWEET_SIGNATURE, ' ');
}

/**
 * Tweets carry a signature ("— Name (@handle) January 6, 2020"), links, picture links, @mentions and
 * CamelCase hashtags. Links go; the signature keeps its name and month and year (fact-checks often say "In
 * January 2020, …"); mentions and hashtags become their words.
 */
export function stripSocialNoise(text: string): string {
  return text
    .replace(/https?:\/\/\S+/gi, ' ')
    .replace(/pic\.twitter\.com\/\w+/gi, ' ')
    .replace(/\bwww\.\S+/gi, ' ')
    .replace(TWEET_SIGNATURE, ' $1 $2 $3 ')
    .replace(/(^|[^\w])[@#](\w+)/g, (_m, before: string, tag: string) => `${before} ${splitCamel(tag)} `);
}

const WORD = /[\p{L}\p{N}]+(?:[.'’][\p{L}\p{N}]+)*/gu;

export interface AnalyseOptions {
  language?: MatchLanguage;
}

/** Words as the index sees them: lower case, accents removed, numbers normalised, stemmed, stop words dropped. */
export function analyse(text: string, options: AnalyseOptions = {}): string[] {
  const language = options.language ?? detectLanguage(text);
  const cleaned = joinDigitGroups(stripSocialNoise(text))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, (c) => (c === '\u0306' || c === '\u0308' ? c : ''))
    .normalize('NFC')
    .toLowerCase();
  const words: string[] = [];
  for (const m of cleaned.matchAll(WORD)) {
    let w = m[0].replace(/[’']s$/, '').replace(/[’']/g, '');
    if (!/^\d+(\.\d+)?[a-z]*$/.test(w)) w = w.replace(/\./g, '');
    if (
      w.endsWith("n't") ||
      (w.endsWith('nt') &&
        [
          'dont',
          'doesnt',
          'didnt',
          'isnt',
          'arent',
          'wasnt',
          'werent',
          'cant',
          'wont',
          'havent',
          'hasnt',
          'shouldnt',
          'wouldnt',
          'couldnt',
        ].includes(w))
    ) {
      words.push('not');
      continue;
    }
    if (w) words.push(w);
  }
  const stem = STEMMERS[language];
  const out: string[] = [];
  for (const w of normaliseNumberTokens(words)) {
    if (NEGATIONS.has(w)) {
      out.push(language === 'en' ? 'not' : 'не');
      continue;
    }
    if (STOP_WORDS.has(w) || STOP_WORDS_CYRILLIC.has(w)) continue;
    if (/^\d/.test(w)) {
      out.push(w);
      continue;
    }
    if (w.length < 2) continue;
    const s = CYRILLIC.test(w) ? (language === 'en' ? STEMMERS.ru : stem)(w) : STEMMERS.en(w);
    if (s) out.push(s);
  }
  return out;
}
