/** Reading ../shared/data/claim-retrieval (never copied into the project) for training and evaluation. */
import fs from 'node:fs';
import path from 'node:path';
import {
  parseQrels,
  parseQueries,
  parseVerifiedClaims,
  type RetrievalQuery,
  type VerifiedClaim,
} from '../../../shared/matching/dataset';

export interface RetrievalSplit {
  queries: RetrievalQuery[];
  qrels: Map<string, Set<string>>;
}

export function claimRetrievalAvailable(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'verified_claims.docs.tsv'));
}

export function readVerifiedClaims(dir: string): VerifiedClaim[] {
  return parseVerifiedClaims(fs.readFileSync(path.join(dir, 'verified_claims.docs.tsv'), 'utf8'));
}

export function readSplit(dir: string, split: 'train' | 'dev'): RetrievalSplit {
  const queries = parseQueries(fs.readFileSync(path.join(dir, split, 'tweets.queries.tsv'), 'utf8'));
  const qrels = parseQrels(fs.readFileSync(path.join(dir, split, 'tweet-vclaim-pairs.qrels'), 'utf8'));
  return { queries: queries.filter((q) => qrels.has(q.id)), qrels };
}
