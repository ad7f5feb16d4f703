import type { ScoreReason, TextAnchor } from '../domain';
import { resolveClaimants } from '../spotting/claimant';
import { defaultSpotter } from '../spotting/index';
import { makeAnchor } from './anchor';
import { segmentSentences } from './segment';
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

/** Every sentence of the text, scored, with its claimant; the app's one analysis pipeline. */
export function analyzeText(text: string, threshold = defaultSpotter().threshold): ScoredSentence[] {
  const sentences = segmentSentences(text, guessLocale(text));
  const claimants = resolveClaimants(sentences.map((s) => s.text));
  const spotter = defaultSpotter();
  return sentences.map((s, i) => {
    const { score, reasons } = spotter.score(s.text);
    return {
      text: collapseWhitespace(s.text),
      anchor: makeAnchor(text, s.start, s.end),
      score,
      reasons,
      claimant: claimants[i] ?? null,
      checkWorthy: score >= threshold,
    };
  });
}

/** The sentences whose check-worthiness reaches the threshold (the shipped model's by default). */
export function findCandidates(text: string, threshold?: number): Candidate[] {
  return analyzeText(text, threshold).filter((s) => s.checkWorthy);
}
