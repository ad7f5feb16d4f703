/**
 * What makes a fact-check a good match for a claim beyond its BM25 score: how much of the fact-check's own
 * (rare) vocabulary the claim covers, shared word pairs, names and numbers, negation agreement, learned
 * associations between words, and character-level similarity for spelling variants. The reranker weighs these
 * with weights learned from the training pairs (scripts/train-matching.ts).
 */
import { NEGATIONS } from './analyse';

export const FEATURE_NAMES = [
  'bm25Relative',
  'bm25Log',
  'reciprocalRank',
  'queryCoverage',
  'claimCoverage',
  'headlineCoverage',
  'sharedBigrams',
  'sharedNumbers',
  'unmatchedNumbers',
  'negationMismatch',
  'associations',
  'sharedNames',
  'charSimilarity',
  'bias',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface AnalysedQuery {
  terms: string[];
  names: Set<string>;
  trigrams: Map<string, number>;
}

export interface AnalysedCandidate {
  claimTerms: string[];
  headlineTerms: string[];
  names: Set<string>;
  trigrams: Map<string, number>;
  bm25: number;
  rank: number;
}

export type Idf = (term: string) => number;
export type Associations = ReadonlyMap<string, ReadonlyMap<string, number>>;

const isNumber = (t: string) => /^\d/.test(t);

function idfSum(terms: Iterable<string>, idf: Idf): number {
  let s = 0;
  for (const t of terms) s += idf(t);
  return s;
}

function bigrams(terms: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < terms.length; i++) out.add(`${terms[i - 1]} ${terms[i]}`);
  return out;
}

export function characterTrigrams(text: string): Map<string, number> {
  const clean = ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
  const out = new Map<string, number>();
  for (let i = 0; i + 3 <= clean.length; i++) {
    const g = clean.slice(i, i + 3);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Capitalised words not at a sentence start, lower-cased: the people, places and organisations a claim names. */
export function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?<![.!?]\s|^)\b(\p{Lu}[\p{Ll}\p{Lu}'’-]+)/gu))
    out.add(m[1]!.toLowerCase().replace(/[’']s$/, ''));
  return out;
}

export function features(
  query: AnalysedQuery,
  candidate: AnalysedCandidate,
  topBm25: number,
  idf: Idf,
  associations: Associations,
): number[] {
  const q = new Set(query.terms);
  const claim = new Set(candidate.claimTerms);
  const headline = new Set(candidate.headlineTerms);
  const doc = new Set([...claim, ...headline]);
  const shared = [...q].filter((t) => doc.has(t));
  const qIdf = idfSum(q, idf) || 1;
  const qb = bigrams(query.terms);
  const db = new Set([...bigrams(candidate.claimTerms), ...bigrams(candidate.headlineTerms)]);
  let sharedBigrams = 0;
  for (const b of qb) if (db.has(b)) sharedBigrams++;
  const docNumbers = [...doc].filter(isNumber);
  const sharedNumbers = docNumbers.filter((n) => q.has(n)).length;
  const qNeg = [...q].some((t) => NEGATIONS.has(t));
  const dNeg = [...claim].some((t) => NEGATIONS.has(t));
  let assoc = 0;
  for (const v of doc) {
    if (q.has(v)) continue;
    let best = 0;
    for (const t of q) {
      const a = associations.get(t)?.get(v);
      if (a !== undefined && a > best) best = a;
    }
    assoc += best * idf(v);
  }
  let sharedNames = 0;
  for (const n of candidate.names) if (query.names.has(n)) sharedNames++;
  return [
    topBm25 > 0 ? candidate.bm25 / topBm25 : 0,
    Math.log1p(candidate.bm25),
    1 / (1 + candidate.rank),
    idfSum(shared, idf) / qIdf,
    claim.size
      ? idfSum(
          [...claim].filter((t) => q.has(t)),
          idf,
        ) / (idfSum(claim, idf) || 1)
      : 0,
    headline.size
      ? idfSum(
          [...headline].filter((t) => q.has(t)),
          idf,
        ) / (idfSum(headline, idf) || 1)
      : 0,
    Math.log1p(sharedBigrams),
    Math.log1p(sharedNumbers),
    docNumbers.length - sharedNumbers > 0 ? 1 : 0,
    qNeg !== dNeg ? 1 : 0,
    assoc / (idfSum(doc, idf) || 1),
    Math.log1p(sharedNames),
    Math.max(cosine(query.trigrams, candidate.trigrams), 0),
    1,
  ];
}
