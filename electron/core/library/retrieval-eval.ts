/** Loading the claim-retrieval fact-checks into a library and scoring a model on a split (training and eval). */
import fs from 'node:fs';
import type { RetrievalSplit } from './claim-retrieval-data';
import { verifiedClaimIdFromUrl, verifiedClaimUrl, type VerifiedClaim } from '../../../shared/matching/dataset';
import { rankingScores, type RankingScores } from '../../../shared/matching/metrics';
import { PLAIN_BM25_MODEL, type MatchingModel } from '../../../shared/matching/model';
import { FactCheckLibrary } from './library';

export function buildRetrievalLibrary(file: string, claims: VerifiedClaim[]): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const lib = FactCheckLibrary.open(file, { create: true, model: PLAIN_BM25_MODEL });
  lib.writeBatch(
    claims.map((c) => ({
      url: verifiedClaimUrl(c.id),
      claimReviewed: c.claim,
      headline: c.title,
      ratingText: '',
      verdict: 'unrated' as const,
      publisher: 'Snopes',
      datePublished: null,
      language: 'en',
      claimant: '',
    })),
    new Date().toISOString(),
  );
  lib.close();
}

export function removeLibraryFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

export function evaluateModel(
  libFile: string,
  model: MatchingModel,
  split: RetrievalSplit,
  ids: Set<string> | null = null,
): RankingScores {
  const lib = FactCheckLibrary.open(libFile, { model });
  const ranked: string[][] = [];
  const relevant: Set<string>[] = [];
  try {
    for (const q of split.queries) {
      if (ids && !ids.has(q.id)) continue;
      ranked.push(lib.match(q.text, 20).map((m) => verifiedClaimIdFromUrl(m.url)));
      relevant.push(split.qrels.get(q.id)!);
    }
  } finally {
    lib.close();
  }
  return rankingScores(ranked, relevant);
}

export const formatScores = (s: RankingScores): string =>
  `MAP@5 ${s.map5.toFixed(4)}  MRR ${s.mrr.toFixed(4)}  recall@1 ${s.recall1.toFixed(4)}  recall@5 ${s.recall5.toFixed(4)}  (${s.queries} claims)`;

/** The fact-checks as a schema.org DataFeed, each item a ClaimReview as publishers ship them. */
export function dataFeedFor(claims: VerifiedClaim[]): unknown {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    dataFeedElement: claims.map((c) => ({
      '@type': 'DataFeedItem',
      item: [
        {
          '@type': 'ClaimReview',
          url: verifiedClaimUrl(c.id),
          claimReviewed: c.claim,
          name: c.title,
          headline: c.title,
          author: { '@type': 'Organization', name: 'Snopes' },
          reviewRating: { '@type': 'Rating', alternateName: 'False' },
        },
      ],
    })),
  };
}
