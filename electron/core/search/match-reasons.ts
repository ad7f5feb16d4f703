/**
 * Why two claims were found alike, in words a checker can judge at a glance: the figures both
 * hold and the telling words they share (compared by stem, so "drones" meets "drone").
 */
import { stemsOf } from '../../../shared/text/stem';

/** Common words that say nothing about what a claim is about (English, Russian, Ukrainian). */
const STOPWORDS = new Set(
  (
    'the a an and or of to in on at for from by with as is are was were be been has have had it its this that these those ' +
    'not but than then there their they he she his her we our you your said says will would could should may might ' +
    'about after before over under more most less into out up down also just very which who what when where while ' +
    'и в во на не что с со по к ко из у за о об от до для как а но это этот эта эти был была были было же ли бы ' +
    'он она они оно его её их мы вы я так то все всё при уже или еще ещё і й та що як це той ця ці був була були'
  ).split(/\s+/),
);

const WORD = /[\p{L}][\p{L}\p{M}'’]*/gu;
/** At most this many shared words are named in a reason. */
const REASON_WORDS = 4;
/** 4,000 · 4 000 · 12.5 · 2019 · 40%: digits with their group and decimal separators. */
const FIGURE = /\d{1,3}(?:[\u00a0\u202f]\d{3})+%?|\d+(?:[.,]\d+)*%?/g;

export interface MatchWhy {
  sharedWords: string[];
  sharedFigures: string[];
}

function figureKey(figure: string): string {
  // "4,000", "4 000" and "4000" are one figure; a decimal comma or point stays.
  const compact = figure.replace(/[\u00a0\u202f ]/g, '');
  return /^\d{1,3}(?:[.,]\d{3})+%?$/.test(compact) ? compact.replace(/[.,]/g, '') : compact.replace(',', '.');
}

function figures(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(FIGURE)) {
    const written = m[0].trim();
    const key = figureKey(written);
    if (!out.has(key)) out.set(key, written);
  }
  return out;
}

function wordKeys(word: string): string[] {
  const lower = word.toLowerCase().replace(/[’']/g, '');
  const stems = stemsOf(lower);
  return stems.length > 0 ? stems : [lower];
}

/** The salient words of `text` as stem → the word as written there (first occurrence). */
function salient(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    const word = m[0];
    if (word.length < 3 || STOPWORDS.has(word.toLowerCase())) continue;
    for (const key of wordKeys(word)) if (!out.has(key)) out.set(key, word);
  }
  return out;
}

/** The figures and words `asked` shares with `other`, as written in `asked`; longer (rarer) words first. */
export function explainMatch(asked: string, other: string): MatchWhy {
  const otherFigures = figures(other);
  const sharedFigures = [...figures(asked)].filter(([key]) => otherFigures.has(key)).map(([, written]) => written);
  const otherWords = salient(other);
  const sharedWords = [...new Set([...salient(asked)].filter(([key]) => otherWords.has(key)).map(([, written]) => written))].sort(
    (a, b) => b.length - a.length || a.localeCompare(b),
  );
  return { sharedWords, sharedFigures };
}

/**
 * One line: "Shares 4,000, 2023 and “governor”, “homes”, “Ohio”", prefixed for a claim of the same
 * document with "Near-duplicate in the same document (72% alike) · ".
 */
export function describeMatch(why: MatchWhy, similarity: number, sameDocument: boolean): string {
  const parts: string[] = [];
  if (why.sharedFigures.length > 0) parts.push(why.sharedFigures.join(', '));
  const words = why.sharedWords.slice(0, REASON_WORDS).map((w) => `“${w}”`);
  if (words.length > 0)
    parts.push(
      words.join(', ') + (why.sharedWords.length > REASON_WORDS ? ` and ${why.sharedWords.length - REASON_WORDS} more` : ''),
    );
  const shares = parts.length > 0 ? `Shares ${parts.join(' and ')}` : 'Similar wording';
  if (sameDocument) return `Near-duplicate in the same document (${Math.round(similarity * 100)}% alike) · ${shares}`;
  return shares;
}
