/**
 * Match one claim against a library: a BM25 query over the FTS5 index (analysed terms plus learned
 * expansions) picks candidates, and the learned reranker orders them. Every match says why it matched.
 */
import { analyse, stripSocialNoise } from '../../../shared/matching/analyse';
import { compareEvents } from '../../../shared/matching/event';
import {
  characterTrigrams,
  features,
  namesIn,
  type AnalysedCandidate,
  type AnalysedQuery,
  type Associations,
} from '../../../shared/matching/features';
import type { MatchingModel } from '../../../shared/matching/model';
import type { LibraryDB } from './file';
import type { LibraryVerdict } from './verdict';

export interface LibraryMatch {
  reviewId: number;
  url: string;
  score: number;
  /** The share of the fact-check's claim (its idf mass) that the claim being matched contains, 0-1. */
  confidence: number;
  claimReviewed: string;
  headline: string;
  ratingText: string;
  verdict: LibraryVerdict;
  publisher: string;
  datePublished: string | null;
  why: MatchWhy;
}

/**
 * Why a fact-check matched: the words, figures (as the claim writes them, fractions whole) and names both share,
 * and what differs about the event (figures, dates, which way the action went).
 */
export interface MatchWhy {
  terms: string[];
  numbers: string[];
  names: string[];
  differences: string[];
}

/** A fact-check about a different event (other figures, dates or action) is at most a similar one, never "checked before". */
const DIFFERENT_EVENT = 0.4;

/** A fact-check's own columns, as the library's `reviews` table and the workspace's stored matches hold them. */
export interface ReviewColumns {
  claim_reviewed: string;
  headline: string;
  rating_text: string;
  verdict: LibraryVerdict;
  publisher: string;
  date_published: string | null;
}

export function reviewFields(
  r: ReviewColumns,
): Pick<LibraryMatch, 'claimReviewed' | 'headline' | 'ratingText' | 'verdict' | 'publisher' | 'datePublished'> {
  return {
    claimReviewed: r.claim_reviewed,
    headline: r.headline,
    ratingText: r.rating_text,
    verdict: r.verdict,
    publisher: r.publisher,
    datePublished: r.date_published,
  };
}

interface ReviewRow extends ReviewColumns {
  id: number;
  url: string;
  claim_terms: string;
  headline_terms: string;
}

const MAX_QUERY_TERMS = 24;
/**
 * FTS5 scores every row any query term occurs in, so the query stops adding terms (rarest first) once their rows
 * add up to this share of the library, after the first MIN_QUERY_TERMS: the candidates are rescored with every
 * term anyway (fullBm25).
 */
const POSTINGS_SHARE = 0.1;
const MIN_QUERY_TERMS = 6;

function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * How much a claim and a fact-check must share, in the library's rarest words (a word in one fact-check), for full
 * confidence. Chosen on the claim-retrieval training tweets and the GUM news sentences (which no Snopes fact-check
 * covers) as the smallest amount that badges at most 1% of those sentences; see docs/fact-check-library.md.
 */
const SHARED_RARE_WORDS = 2.8;
/**
 * The share of the claim's own key terms (weighted by rarity) a fact-check must hold for full confidence. Chosen on
 * the training tweets as the largest in steps of 0.1 that costs at most 5% of the right badges there.
 */
const CLAIM_SHARE = 0.2;

export class LibraryMatcher {
  private readonly df = new Map<string, number>();
  private readonly associations: Associations;
  private total = -1;
  private readonly dfStatement;
  private readonly rowStatement;
  private readonly candidatesStatement;

  constructor(
    private readonly db: LibraryDB,
    private readonly model: MatchingModel,
  ) {
    this.associations = new Map(Object.entries(model.associations).map(([k, v]) => [k, new Map(Object.entries(v))]));
    this.dfStatement = db.prepare('SELECT doc FROM reviews_vocab WHERE term = ?').pluck();
    this.rowStatement = db.prepare(
      'SELECT id, url, claim_reviewed, headline, rating_text, verdict, publisher, date_published, claim_terms, headline_terms FROM reviews WHERE id = ?',
    );
    const [wc, wh] = model.columnWeights;
    this.candidatesStatement = db.prepare(
      `SELECT rowid AS id, -bm25(reviews_fts, ${wc}, ${wh}) AS bm25 FROM reviews_fts WHERE reviews_fts MATCH ? ORDER BY bm25(reviews_fts, ${wc}, ${wh}) LIMIT ?`,
    );
  }

  /** Forget cached statistics after the library changed. */
  invalidate(): void {
    this.df.clear();
    this.total = -1;
    this.averageLength = -1;
  }

  private reviewCount(): number {
    if (this.total < 0) this.total = (this.db.prepare('SELECT count(*) FROM reviews').pluck().get() as number) ?? 0;
    return this.total;
  }

  private documentFrequency(term: string): number {
    let n = this.df.get(term);
    if (n === undefined) {
      n = (this.dfStatement.get(term) as number | undefined) ?? 0;
      if (this.df.size > 200_000) this.df.clear();
      this.df.set(term, n);
    }
    return n;
  }

  readonly idf = (term: string): number => {
    const n = this.reviewCount();
    const df = this.documentFrequency(term);
    return Math.log((n - df + 0.5) / (df + 0.5) + 1);
  };

  /** The FTS5 MATCH expression for a claim's terms, or null when nothing in it can match. */
  queryExpression(terms: string[]): string | null {
    const n = this.reviewCount();
    const distinct = [...new Set(terms)];
    const expanded = new Set(distinct);
    if (this.model.expansionsPerTerm > 0) {
      for (const t of distinct) {
        const assoc = this.associations.get(t);
        if (!assoc) continue;
        [...assoc.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, this.model.expansionsPerTerm)
          .forEach(([v]) => expanded.add(v));
      }
    }
    let useful = [...expanded].filter((t) => this.documentFrequency(t) > 0);
    const rare = useful.filter((t) => this.documentFrequency(t) <= n * this.model.commonTermShare);
    if (rare.length > 0) useful = rare;
    if (useful.length === 0) return null;
    useful.sort((a, b) => this.documentFrequency(a) - this.documentFrequency(b));
    const budget = n * POSTINGS_SHARE;
    let postings = 0;
    const chosen: string[] = [];
    for (const t of useful.slice(0, MAX_QUERY_TERMS)) {
      postings += this.documentFrequency(t);
      if (chosen.length >= MIN_QUERY_TERMS && postings > budget) break;
      chosen.push(t);
    }
    return chosen.map(ftsPhrase).join(' OR ');
  }

  private averageLength = -1;

  /** Mean analysed length (claim + headline terms) over the library, for BM25's length normalisation. */
  private meanLength(): number {
    if (this.averageLength < 0) {
      const terms = (col: string) => `(length(${col}) - length(replace(${col}, ' ', '')) + (${col} != ''))`;
      const avg = this.db
        .prepare(`SELECT avg(${terms('claim_terms')} + ${terms('headline_terms')}) FROM reviews`)
        .pluck()
        .get() as number | null;
      this.averageLength = avg ?? 1;
    }
    return this.averageLength;
  }

  /**
   * BM25 over every term of the claim, as FTS5 computes it (k1 1.2, b 0.75, column-weighted term counts), for
   * candidates the rarer terms found: full BM25 quality without ranking every row a common word occurs in.
   */
  fullBm25(terms: string[], c: AnalysedCandidate): number {
    const [wc, wh] = this.model.columnWeights;
    const n = this.reviewCount();
    const dl = c.claimTerms.length + c.headlineTerms.length;
    const norm = 1.2 * (1 - 0.75 + (0.75 * dl) / this.meanLength());
    let score = 0;
    for (const t of new Set(terms)) {
      let tf = 0;
      for (const x of c.claimTerms) if (x === t) tf += wc;
      for (const x of c.headlineTerms) if (x === t) tf += wh;
      if (tf === 0) continue;
      const df = this.documentFrequency(t);
      const idf = Math.max(Math.log((n - df + 0.5) / (df + 0.5)), 1e-6);
      score += (idf * tf * 2.2) / (tf + norm);
    }
    return score;
  }

  /** The candidate pool for a claim, ordered by full BM25. */
  private pool(
    text: string,
    limit: number,
  ): { terms: string[]; query: AnalysedQuery; list: { row: ReviewRow; candidate: AnalysedCandidate }[] } | null {
    const terms = analyse(text);
    const expression = this.queryExpression(terms);
    if (!expression) return null;
    const found = this.candidatesStatement.all(expression, limit) as { id: number; bm25: number }[];
    if (found.length === 0) return null;
    const clean = stripSocialNoise(text);
    const query: AnalysedQuery = { terms, names: namesIn(clean), trigrams: characterTrigrams(clean) };
    const list = found.map((f) => {
      const row = this.rowStatement.get(f.id) as ReviewRow;
      const candidate: AnalysedCandidate = {
        claimTerms: row.claim_terms ? row.claim_terms.split(' ') : [],
        headlineTerms: row.headline_terms ? row.headline_terms.split(' ') : [],
        names: namesIn(`${row.claim_reviewed} ${row.headline}`),
        trigrams: characterTrigrams(row.claim_reviewed),
        bm25: 0,
        rank: 0,
      };
      candidate.bm25 = this.fullBm25(terms, candidate);
      return { row, candidate };
    });
    list.sort((a, b) => b.candidate.bm25 - a.candidate.bm25 || a.row.id - b.row.id);
    list.forEach((x, rank) => (x.candidate.rank = rank));
    return { terms, query, list };
  }

  match(text: string, top = 5): LibraryMatch[] {
    const pool = this.pool(text, Math.max(this.model.candidates, top));
    if (!pool) return [];
    const { terms, query, list } = pool;
    const weights = this.model.weights;
    const topBm25 = list[0]!.candidate.bm25;
    const scored = list.map(({ row, candidate }) => {
      let score = candidate.bm25;
      if (weights) {
        const x = features(query, candidate, topBm25, this.idf, this.associations);
        score = x.reduce((s, v, i) => s + v * weights[i]!, 0);
      }
      return { row, candidate, score, rank: candidate.rank };
    });
    scored.sort((a, b) => b.score - a.score || a.rank - b.rank);
    const words = surfaceWords(text);
    return scored
      .slice(0, top)
      .map(({ row, candidate, score }) =>
        toMatch(text, row, candidate, terms, query, score, this.confidence(terms, candidate), words),
      );
  }

  /**
   * How much of the fact-check's claim (weighted by rarity) the claim contains, headline as a fallback; scaled
   * down when what the two share is slight in itself (less than SHARED_RARE_WORDS of the library's rarest words),
   * so a fact-check of one or two words ("Robot") is not "checked before" for every sentence that uses them, and
   * when it is under CLAIM_SHARE of the claim's own key terms.
   */
  confidence(terms: string[], c: AnalysedCandidate): number {
    const q = new Set(terms);
    const inCandidate = new Set([...c.claimTerms, ...c.headlineTerms]);
    let shared = 0;
    let claimWeight = 0;
    for (const t of q) {
      const w = this.idf(t);
      claimWeight += w;
      if (inCandidate.has(t)) shared += w;
    }
    const rarest = Math.log((this.reviewCount() - 0.5) / 1.5 + 1);
    const enough = rarest > 0 ? Math.min(1, shared / (SHARED_RARE_WORDS * rarest)) : 0;
    // (…and when it is a small part of the claim: a long sentence that shares a topic's words is not that check.)
    const ofClaim = claimWeight > 0 ? Math.min(1, shared / claimWeight / CLAIM_SHARE) : 0;
    const share = (list: string[]) => {
      const set = new Set(list);
      let all = 0;
      let hit = 0;
      for (const t of set) {
        const w = this.idf(t);
        all += w;
        if (q.has(t)) hit += w;
      }
      return all > 0 ? hit / all : 0;
    };
    return Math.round(Math.max(share(c.claimTerms), share(c.headlineTerms)) * enough * ofClaim * 1000) / 1000;
  }

  /** Features of every candidate, for training: the candidate ids in full-BM25 order with their feature vectors. */
  candidateFeatures(text: string, limit: number): { id: number; x: number[] }[] {
    const pool = this.pool(text, limit);
    if (!pool) return [];
    const topBm25 = pool.list[0]!.candidate.bm25;
    return pool.list.map(({ row, candidate }) => ({
      id: row.id,
      x: features(pool.query, candidate, topBm25, this.idf, this.associations),
    }));
  }
}

/** Stems back to a word the claim used ("vaccin" -> "vaccines"), so "why it matched" reads as words. */
function surfaceWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of stripSocialNoise(text).split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    const [stem, extra] = analyse(word);
    if (stem && extra === undefined && !out.has(stem)) out.set(stem, word.toLowerCase());
  }
  return out;
}

function toMatch(
  text: string,
  row: ReviewRow,
  c: AnalysedCandidate,
  terms: string[],
  q: AnalysedQuery,
  score: number,
  confidence: number,
  words: Map<string, string>,
): LibraryMatch {
  const doc = new Set([...c.claimTerms, ...c.headlineTerms]);
  const shared = [...new Set(terms)].filter((t) => doc.has(t)).map((t) => words.get(t) ?? t);
  const event = compareEvents(text, row.claim_reviewed);
  const sameEvent = event.differences.length === 0;
  return {
    reviewId: row.id,
    url: row.url,
    score: Math.round(score * 10_000) / 10_000,
    confidence: sameEvent ? confidence : Math.round(confidence * DIFFERENT_EVENT * 1000) / 1000,
    ...reviewFields(row),
    why: {
      terms: shared.filter((t) => !/^\d/.test(t)).slice(0, 12),
      numbers: event.sharedFigures,
      names: [...c.names].filter((n) => q.names.has(n)).slice(0, 8),
      differences: event.differences,
    },
  };
}
