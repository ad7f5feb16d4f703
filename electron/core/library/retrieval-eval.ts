/** Loading the claim-retrieval fact-checks into a library and scoring a model on a split (training and eval). */
import fs from 'node:fs';
import type { RetrievalSplit } from './claim-retrieval-data';
import { verifiedClaimIdFromUrl, verifiedClaimUrl, type VerifiedClaim } from '../../../shared/matching/dataset';
import { rankingScores, type RankingScores } from '../../../shared/matching/metrics';
import { PLAIN_BM25_MODEL, type MatchingModel } from '../../../shared/matching/model';
import { STRONG_MATCH } from '../../../shared/library-api';
import { FactCheckLibrary } from './library';
import type { LibraryMatch } from './match';

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

export interface BadgeScores {
  /** Share of the claims whose best match is strong enough for the "checked before" badge. */
  badged: number;
  /** Share of those badges that name a fact-check of the claim. */
  right: number;
}

/** The claim list's badge for a text: its best-ranked match, when that is strong enough (library/links.ts). */
function withBadges<T>(libFile: string, model: MatchingModel, use: (badge: (text: string) => LibraryMatch | null) => T): T {
  const lib = FactCheckLibrary.open(libFile, { model });
  try {
    return use((text) => {
      const best = lib.match(text, 1)[0];
      return best && best.confidence >= STRONG_MATCH ? best : null;
    });
  } finally {
    lib.close();
  }
}

/** The "checked before" badge as the claim list shows it, on a split's claims. */
export function badgeScores(libFile: string, model: MatchingModel, split: RetrievalSplit): BadgeScores {
  return withBadges(libFile, model, (badge) => {
    let badged = 0;
    let right = 0;
    for (const q of split.queries) {
      const best = badge(q.text);
      if (!best) continue;
      badged++;
      if (split.qrels.get(q.id)?.has(verifiedClaimIdFromUrl(best.url))) right++;
    }
    return { badged: badged / Math.max(1, split.queries.length), right: right / Math.max(1, badged) };
  });
}

/** How many of these sentences, which no fact-check in the library covers, would wrongly show the badge. */
export function falseBadges(libFile: string, model: MatchingModel, uncovered: readonly string[]): number {
  return withBadges(libFile, model, (badge) => uncovered.filter((s) => badge(s) !== null).length);
}

export const formatBadges = (b: BadgeScores): string =>
  `${(b.badged * 100).toFixed(1)}% of the claims badged, ${(b.right * 100).toFixed(1)}% of those badges name their fact-check`;

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
