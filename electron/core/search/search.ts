import type { SearchHit, SearchKind, SearchResult } from '../../../shared/evidence';
import type { DB } from '../store/open';
import { claimConditions, type ClaimFilters } from './claim-filter';
import { highlightTerms, rankWords, toFtsQuery, toWholeWordFtsQuery, type HighlightTerms } from './fts-query';
import { foldWord, highlight, matchCounts } from './highlight';
import { prepared } from '../store/statements';

export interface SearchInput extends ClaimFilters {
  query: string;
  kinds?: SearchKind[];
  offset?: number;
  limit?: number;
}

/**
 * How many matches of one kind are ranked. A query matching more (a very common word at a
 * million claims) is ranked within its first RANK_WINDOW matches in index (insertion) order:
 * reading further costs time for every match, however few hits are shown.
 */
export const RANK_WINDOW = 500;

/** Documents are long: fewer are read for ranking, and only their start. */
const DOCUMENT_WINDOW = 100;
interface KindSpec {
  fts: string;
  table: string;
  /** Columns searched, most important first; the first one with a match is the hit's field. */
  columns: string[];
  weights: number[];
  /** The searched columns as read for ranking, named as in `columns`. */
  rankSelect: string;
  /** What to read back for the snippet, when not the whole columns. */
  snippetColumns?: string;
  from: string;
  select: string;
  claimFilters: boolean;
}

/**
 * One query per kind: the FTS table joined to its live entity rows and to the claim it belongs
 * to, so the claim filters apply to sources and notes too. Columns are weighted in bm25 so a
 * match in a claim's text outranks one in its rationale, and a document title one in its body.
 */
const KINDS: Record<SearchKind, KindSpec> = {
  claim: {
    fts: 'claims_fts',
    table: 'claims',
    columns: ['text', 'claimant', 'rationale'],
    weights: [10, 4, 2],
    rankSelect: 'c.text, c.claimant, c.rationale',
    from: 'claims_fts JOIN claims c ON c.rowid = claims_fts.rowid',
    select: 'c.rowid AS row, c.id AS entity_id, c.id AS claim_id, c.document_id',
    claimFilters: true,
  },
  source: {
    fts: 'sources_fts',
    table: 'sources',
    columns: ['title', 'excerpt', 'publisher', 'url'],
    weights: [6, 3, 4, 1],
    rankSelect: 'e.title, e.excerpt, e.publisher, e.url',
    from: 'sources_fts JOIN sources e ON e.rowid = sources_fts.rowid AND e.deleted = 0 JOIN claims c ON c.id = e.claim_id',
    select: 'e.rowid AS row, e.id AS entity_id, c.id AS claim_id, c.document_id',
    claimFilters: true,
  },
  note: {
    fts: 'notes_fts',
    table: 'notes',
    columns: ['text'],
    weights: [1],
    rankSelect: 'e.text',
    from: 'notes_fts JOIN notes e ON e.rowid = notes_fts.rowid AND e.deleted = 0 JOIN claims c ON c.id = e.claim_id',
    select: 'e.rowid AS row, e.id AS entity_id, c.id AS claim_id, c.document_id',
    claimFilters: true,
  },
  document: {
    fts: 'documents_fts',
    table: 'documents',
    columns: ['title', 'text'],
    weights: [8, 1],
    rankSelect: 'd.title, substr(d.text, 1, 2000) AS text',
    // A snippet comes from the start of a long document: reading megabytes per hit is not worth it.
    snippetColumns: 'title, substr(text, 1, 20000) AS text',
    from: 'documents_fts JOIN documents d ON d.rowid = documents_fts.rowid AND d.deleted = 0',
    select: 'd.rowid AS row, d.id AS entity_id, NULL AS claim_id, d.id AS document_id',
    claimFilters: false,
  },
};

/**
 * Where a kind's matches come from. A live transcript keeps its text in its chunks (migration 5),
 * so document hits come from the documents' index and from the transcripts' chunk index.
 */
type Source = SearchKind | 'transcript';

const TRANSCRIPT: KindSpec = {
  fts: 'transcript_fts',
  table: 'transcript_chunks',
  columns: ['text'],
  weights: [1],
  rankSelect: 'tc.text',
  from: 'transcript_fts JOIN transcript_chunks tc ON tc.rowid = transcript_fts.rowid AND tc.deleted = 0 JOIN documents d ON d.id = tc.document_id AND d.deleted = 0',
  select: 'tc.rowid AS row, d.id AS entity_id, NULL AS claim_id, d.id AS document_id',
  claimFilters: false,
};

const SOURCES: Record<Source, KindSpec> = { ...KINDS, transcript: TRANSCRIPT };
const SOURCES_OF: Record<SearchKind, Source[]> = {
  claim: ['claim'],
  source: ['source'],
  note: ['note'],
  document: ['document', 'transcript'],
};

interface Candidate {
  kind: SearchKind;
  source: Source;
  row: number;
  entity_id: string;
  claim_id: string | null;
  document_id: string | null;
  rank: number;
}

type CandidateRow = Omit<Candidate, 'kind' | 'source' | 'rank'> & Record<string, unknown>;

function hasClaimOnlyFilter(f: ClaimFilters): boolean {
  return !!(f.verdict || f.claimant || f.assignee !== undefined || f.tag || f.noSource);
}

/**
 * The first `limit` matches of one kind in rowid order, with the text to rank them by.
 * FTS5 streams a whole word's postings forwards and stops at the LIMIT, so a common word costs
 * no more than a rare one (backwards, with a rowid bound or for a prefix it loads them all).
 */
function matches(db: DB, source: Source, match: string, input: SearchInput, limit: number): CandidateRow[] {
  const spec = SOURCES[source];
  const conditions: string[] = [`${spec.fts} MATCH ?`];
  const params: unknown[] = [match];
  if (spec.claimFilters) {
    const c = claimConditions({ ...input, query: undefined });
    conditions.push(...c.parts);
    params.push(...c.params);
  } else if (input.documentId) {
    conditions.push('d.id = ?');
    params.push(input.documentId);
  }
  const sql = `SELECT ${spec.select}, ${spec.rankSelect}
    FROM ${spec.from} WHERE ${conditions.join(' AND ')} ORDER BY ${spec.fts}.rowid LIMIT ?`;
  return prepared(db, sql).all(...params, limit) as CandidateRow[];
}

const K1 = 1.2;
const B = 0.75;
/** Words in a typical field; longer fields weigh each match less (BM25's length norm). */
const TYPICAL_LENGTH = 20;
/** Whole-word matches all rank before prefix-only ones; scores stay far below this. */
const PREFIX_ONLY_PENALTY = 100_000;

/**
 * BM25's term-frequency part over the weighted columns, computed here from the row's text.
 * FTS5's bm25() also weighs words by rarity, which makes it count every row holding each word
 * (a third of a million for "said"); in an all-words query every candidate holds every word,
 * so rarity would only weigh the words against each other. Lower is better, as with bm25().
 */
function relevance(spec: KindSpec, row: CandidateRow, folded: readonly string[]): number {
  let score = 0;
  spec.columns.forEach((col, i) => {
    const text = row[col];
    if (typeof text !== 'string' || !text) return;
    const { counts, length } = matchCounts(text, folded);
    const norm = K1 * (1 - B + (B * length) / TYPICAL_LENGTH);
    for (const tf of counts) score += (spec.weights[i]! * tf * (K1 + 1)) / (tf + norm);
  });
  return -score;
}

/**
 * Up to `wanted` matches of one kind, best first. Whole-word matches are found first, cheaply;
 * only when they are too few does the prefix query run (a word still being typed, or "зеленск"
 * for "Зеленского"), and its extra matches rank after the whole-word ones.
 */
function candidates(db: DB, kind: SearchKind, input: SearchInput, wanted: number, folded: string[]): Candidate[] {
  const found = SOURCES_OF[kind].flatMap((source) => sourceCandidates(db, kind, source, input, wanted, folded));
  if (SOURCES_OF[kind].length === 1) return found;
  // A transcript matches in many chunks: one hit per document, its best.
  const best = new Map<string, Candidate>();
  for (const c of found.sort((a, b) => a.rank - b.rank || a.row - b.row)) {
    if (!best.has(c.entity_id)) best.set(c.entity_id, c);
  }
  return [...best.values()].slice(0, wanted);
}

function sourceCandidates(
  db: DB,
  kind: SearchKind,
  source: Source,
  input: SearchInput,
  wanted: number,
  folded: string[],
): Candidate[] {
  const spec = SOURCES[source];
  const window = Math.max(kind === 'document' ? DOCUMENT_WINDOW : RANK_WINDOW, wanted);
  const whole = toWholeWordFtsQuery(input.query)!;
  const found = matches(db, source, whole, input, window).map((r) => ({ r, penalty: 0 }));
  if (found.length < wanted) {
    const seen = new Set(found.map((f) => f.r.row));
    for (const r of matches(db, source, toFtsQuery(input.query)!, input, window + found.length)) {
      if (!seen.has(r.row)) found.push({ r, penalty: PREFIX_ONLY_PENALTY });
    }
  }
  return found
    .map(({ r, penalty }) => ({
      kind,
      source,
      row: r.row,
      entity_id: r.entity_id,
      claim_id: r.claim_id,
      document_id: r.document_id,
      rank: relevance(spec, r, folded) + penalty,
    }))
    .sort((a, b) => a.rank - b.rank || a.row - b.row)
    .slice(0, wanted);
}

function toHit(db: DB, c: Candidate, words: HighlightTerms): SearchHit {
  const spec = SOURCES[c.source];
  const values = prepared(db, `SELECT ${spec.snippetColumns ?? spec.columns.join(', ')} FROM ${spec.table} WHERE rowid = ?`).get(
    c.row,
  ) as Record<string, string | null>;
  let field = spec.columns.find((col) => values[col]) ?? spec.columns[0]!;
  let snippet = highlight(values[field] ?? '', words);
  for (const col of spec.columns) {
    const h = values[col] ? highlight(values[col], words) : null;
    if (h?.matched) {
      field = col;
      snippet = h;
      break;
    }
  }
  const claimText =
    c.kind === 'claim'
      ? (values.text ?? null)
      : c.claim_id
        ? ((prepared(db, 'SELECT text FROM claims WHERE id = ?').pluck().get(c.claim_id) as string | undefined) ?? null)
        : null;
  return {
    kind: c.kind,
    entityId: c.entity_id,
    claimId: c.claim_id,
    documentId: c.document_id,
    claimText,
    field,
    snippet: { text: snippet.text, ranges: snippet.ranges },
    rank: c.rank,
  };
}

/** Full-text search over claims, documents, sources and notes, best matches first. */
export function search(db: DB, input: SearchInput): SearchResult {
  const match = toFtsQuery(input.query);
  if (!match) return { hits: [], hasMore: false };
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const wanted = offset + limit + 1;
  const kinds = input.kinds ?? (['claim', 'source', 'note', 'document'] as SearchKind[]);
  const words = highlightTerms(input.query);
  const folded = rankWords(input.query).map(foldWord);
  const all: Candidate[] = [];
  for (const kind of kinds) {
    if (!KINDS[kind].claimFilters && hasClaimOnlyFilter(input)) continue;
    all.push(...candidates(db, kind, input, wanted, folded));
  }
  all.sort((a, b) => a.rank - b.rank || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return {
    hits: all.slice(offset, offset + limit).map((c) => toHit(db, c, words)),
    hasMore: all.length > offset + limit,
  };
}
