import type { ScoreReason, TextAnchor } from '../domain';
import { attributeSentences, type Attribution } from '../spotting/claimant';
import { defaultSpotter } from '../spotting/index';
import { makeAnchor } from './anchor';
import { leadingMetadata, nonProseKind } from './news-structure';
import { segmentSentences, type Sentence } from './segment';
import { collapseWhitespace } from './whitespace';

/** A sentence proposed as a claim, with where it sits and why it was proposed. */
export interface Candidate {
  text: string;
  anchor: TextAnchor;
  score: number | null;
  reasons: ScoreReason[];
  claimant: string | null;
}

/** One sentence of a document with its check-worthiness. */
export interface ScoredSentence extends Candidate {
  score: number;
  /** Whether the score reaches the threshold used. */
  checkWorthy: boolean;
}

/** The locale to segment with: Cyrillic-majority text reads as Russian, otherwise English. */
export function guessLocale(text: string): string {
  const sample = text.slice(0, 5000);
  const cyr = (sample.match(/[\u0400-\u04FF]/g) ?? []).length;
  const lat = (sample.match(/[A-Za-z]/g) ?? []).length;
  return cyr > lat ? 'ru' : 'en';
}

/** The prose sentences of a document: leading metadata lines ("date 2025-09-05 …", "title: …") are left out. */
export function proseSentences(text: string): Sentence[] {
  const { bodyStart } = leadingMetadata(text);
  const body = text.slice(bodyStart);
  return segmentSentences(body, guessLocale(body)).map((s) => ({ ...s, start: s.start + bodyStart, end: s.end + bodyStart }));
}

/** Every sentence of the text, scored, with its claimant; the app's one analysis pipeline. */
export function analyzeText(text: string, threshold = defaultSpotter().threshold): ScoredSentence[] {
  const sentences = proseSentences(text);
  const attributions = attributeSentences(sentences.map((s) => s.text));
  const spotter = defaultSpotter();
  return sentences.map((s, i) => {
    const { score, reasons } = inContext(spotter.score(s.text), s.text, attributions[i]!);
    return {
      text: collapseWhitespace(s.text),
      anchor: makeAnchor(text, s.start, s.end),
      score,
      reasons,
      claimant: attributions[i]!.claimant,
      checkWorthy: score >= threshold,
    };
  });
}

const FIGURE = /\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent|half|twice|double|single digits)\b|(?:тысяч|миллион|миллиард|процент|десят|сотн)/i;
/** Sentences that report that nothing was said: not a claim to check. */
const NO_STATEMENT =
  /\b(?:could not|cannot|can't|would not|did not|declined to|refused to)\s+(?:disclose|comment|confirm|say|be reached|verify|independently verify|immediately verify|provide)|\bno (?:comment|immediate comment)\b|\bdid not (?:immediately )?respond\b|\b(?:it was|it is|it remains) (?:not (?:immediately )?(?:clear|known)|unclear)\b|\bcould not be (?:independently |immediately )?(?:verified|confirmed|reached)\b|(?:не удалось|отказал(?:ся|ась|ись) от комментариев|не уточняется|не раскрыва)/i;

/**
 * A sentence's score in its document: captions, credits and bylines are not claims; a figure stated by
 * a named source (or inside a quotation with a known speaker) counts for more; a sentence reporting that
 * something could not be disclosed or confirmed counts for less. Each adjustment is a shown reason.
 */
function inContext(base: { score: number; reasons: ScoreReason[] }, sentence: string, who: Attribution) {
  const kind = nonProseKind(sentence);
  if (kind) {
    const label = { caption: 'photo caption: not a claim', credit: 'photo credit: not a claim', byline: 'byline: not a claim', metadata: 'metadata: not a claim', footnote: 'footnote: not a claim' }[kind];
    return { score: Math.min(base.score, 0.01), reasons: [{ kind, label, weight: -5 }, ...base.reasons] };
  }
  let logit = Math.log(Math.max(1e-6, base.score) / Math.max(1e-6, 1 - base.score));
  const reasons = [...base.reasons];
  if (who.claimant && FIGURE.test(sentence)) {
    const weight = who.viaQuote ? 1 : 0.6;
    logit += weight;
    reasons.push({ kind: 'sourced_figure', label: who.viaQuote ? 'a figure inside a quotation with a known speaker' : 'a figure stated by a named source', weight });
  }
  if (NO_STATEMENT.test(sentence)) {
    logit -= 2.5;
    reasons.push({ kind: 'no_statement', label: 'reports that nothing was said or confirmed', weight: -2.5 });
  }
  if (reasons.length === base.reasons.length) return base;
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return { score: Math.round((1 / (1 + Math.exp(-logit))) * 10000) / 10000, reasons };
}

/** The sentences whose check-worthiness reaches the threshold (the shipped model's by default). */
export function findCandidates(text: string, threshold?: number): Candidate[] {
  return analyzeText(text, threshold).filter((s) => s.checkWorthy);
}
