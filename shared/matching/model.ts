/** The learned part of matching, trained by scripts/train-matching.ts and shipped as matching-model.json. */
import { z } from 'zod';
import { FEATURE_NAMES } from './features';

export const matchingModelSchema = z.object({
  version: z.literal(1),
  /** FTS5 bm25() column weights: claim reviewed, headline. */
  columnWeights: z.tuple([z.number().positive(), z.number().nonnegative()]),
  /** How many BM25 candidates the reranker sees. */
  candidates: z.number().int().min(1).max(500),
  /** Reranker weights, one per FEATURE_NAMES entry, or null for plain BM25 order. */
  weights: z.array(z.number()).length(FEATURE_NAMES.length).nullable(),
  /** term -> associated term -> strength in [0, 1], learned from training pairs. */
  associations: z.record(z.string(), z.record(z.string(), z.number())),
  /** How many associated terms each query term adds to the BM25 query. */
  expansionsPerTerm: z.number().int().min(0).max(10),
  /** Terms in more than this share of the library are left out of the BM25 query (they cost time, add little). */
  commonTermShare: z.number().min(0).max(1).default(0.08),
  trainedOn: z.string(),
});
export type MatchingModel = z.infer<typeof matchingModelSchema>;

export const PLAIN_BM25_MODEL: MatchingModel = {
  version: 1,
  columnWeights: [1, 1],
  candidates: 30,
  weights: null,
  associations: {},
  expansionsPerTerm: 0,
  commonTermShare: 1,
  trainedOn: 'nothing: plain BM25',
};
