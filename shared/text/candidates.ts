import type { ScoreReason, TextAnchor } from '../domain';
import { makeAnchor } from './anchor';
import { segmentSentences } from './segment';

/** A sentence proposed as a claim, with where it sits and why it was proposed. */
export interface Candidate {
  text: string;
  anchor: TextAnchor;
  score: number | null;
  reasons: ScoreReason[];
  claimant: string | null;
}

/** Every sentence of the text becomes a candidate claim. */
export function findCandidates(text: string): Candidate[] {
  return segmentSentences(text).map((s) => ({
    text: s.text,
    anchor: makeAnchor(text, s.start, s.end),
    score: null,
    reasons: [],
    claimant: null,
  }));
}
