/**
 * Whether a claim and a fact-check are about the same event, not only the same topic: the figures they state,
 * the years they name and which way the action went ("raised" against "maintained"). Shared words say two
 * sentences are alike; these say whether a checker can reuse the fact-check's rating.
 */
import { analyse, stripSocialNoise, withoutTweetSignature } from './analyse';

/** A figure as written: a fraction ("1/4") stays whole, "25,000" and "1.5" stay one number. */
const FIGURE = /\d+\s*\/\s*\d+|\d[\d,.]*\d|\d/g;
const MONTH =
  '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?';
/** Days of a month ("11 November", "November 11", "24th"), clock times and ordinals: when, not how many. */
const NOT_A_FIGURE = new RegExp(
  `\\b${MONTH}\\s+\\d{1,2}\\b(?!\\s*/)|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}|\\b\\d{1,2}:\\d\\d\\b|\\b\\d+(?:st|nd|rd|th)\\b`,
  'gi',
);
const YEAR = /^(?:1[89]|20)\d\d$/;

export interface Figures {
  /** Normalised figure -> how the text wrote it. */
  numbers: Map<string, string>;
  years: Map<string, string>;
}

export function figuresIn(text: string): Figures {
  const numbers = new Map<string, string>();
  const years = new Map<string, string>();
  const said = stripSocialNoise(withoutTweetSignature(text)).replace(NOT_A_FIGURE, (m) => m.replace(/\d/g, ' '));
  for (const m of said.matchAll(FIGURE)) {
    const written = m[0].replace(/\s+/g, '');
    const key = written.includes('/') ? written : (analyse(written)[0] ?? written);
    const into = YEAR.test(written) ? years : numbers;
    if (!into.has(key)) into.set(key, written);
  }
  return { numbers, years };
}

type Direction = 'up' | 'down' | 'unchanged';

/** Verbs that say which way something moved, in their common forms. */
const DIRECTIONS: readonly [Direction, RegExp][] = [
  [
    'up',
    /\b(?:rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|hik(?:e|es|ed|ing)|r(?:o|i)se|rises|rising|risen|boost(?:s|ed|ing)?|soar(?:s|ed|ing)?|jump(?:s|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing))\b/gi,
  ],
  [
    'down',
    /\b(?:cut(?:s|ting)?|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|f(?:e|a)ll|falls|falling|fallen|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|slash(?:es|ed|ing)?|halv(?:e|es|ed|ing))\b/gi,
  ],
  // "held" alone is often "a vote was held": holding and keeping count only when what follows says steady.
  [
    'unchanged',
    /\b(?:maintain(?:s|ed|ing)?|unchanged|froze|frozen|freez(?:e|es|ing)|(?:kept|keep(?:s|ing)?|held|hold(?:s|ing)?|stayed|stay(?:s|ing)?|remain(?:s|ed|ing)?|left)(?: [\w'’-]+){0,6}? (?:unchanged|steady|flat|constant))\b/gi,
  ],
];

function actions(text: string): Map<Direction, string> {
  const out = new Map<Direction, string>();
  for (const [direction, verbs] of DIRECTIONS) {
    const found = text.match(verbs);
    if (found) out.set(direction, found[0].toLowerCase());
  }
  return out;
}

function disjoint(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const k of a.keys()) if (b.has(k)) return false;
  return true;
}

/** Neither side's figures are all in the other's: "157 drones" against "90 drones", not "25,000" against "over 25,000 members". */
function figuresDiffer(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const within = (x: Map<string, string>, y: Map<string, string>) => [...x.keys()].every((k) => y.has(k));
  return !within(a, b) && !within(b, a);
}

export interface EventComparison {
  /** Figures both state, as the claim writes them (years included). */
  sharedFigures: string[];
  /** What differs, in words for a checker: "different figures", "different dates", "different action (maintain, not raised)". */
  differences: string[];
}

export function compareEvents(claim: string, factCheck: string): EventComparison {
  const a = figuresIn(claim);
  const b = figuresIn(factCheck);
  const sharedFigures = [...a.numbers, ...a.years].filter(([k]) => b.numbers.has(k) || b.years.has(k)).map(([, w]) => w);
  const differences: string[] = [];
  if (figuresDiffer(a.numbers, b.numbers)) differences.push('different figures');
  if (disjoint(a.years, b.years)) differences.push('different dates');
  const ours = actions(claim);
  const theirs = actions(factCheck);
  if (ours.size > 0 && theirs.size > 0 && ![...ours.keys()].some((d) => theirs.has(d))) {
    differences.push(`different action (${[...ours.values()][0]}, not ${[...theirs.values()][0]})`);
  }
  return { sharedFigures, differences };
}
