import type { SearchHit, SearchKind, SearchResult } from '../../../shared/evidence';
import type { DB } from '../store/open';
import { claimConditions, type ClaimFilters } from './claim-filter';
import { queryWords, toFtsQuery } from './fts-query';
import { highlight } from './highlight';
import { prepared } from './statements';

export interface SearchInput extends ClaimFilters {
  query: string;
  kinds?: SearchKind[];
  offset?: number;
  limit?: number;
}

/**
 * How many matches of one kind are ranked by relevance (bm25). A query matching more (a very
 * common word at a million claims) is ranked within its first RANK_WINDOW matches in index
 * (insertion) order: reading further costs time for every match, however few hits are shown.
 */
export const RANK_WINDOW = 500;

interface KindSpec {
  fts: string;
  table: string;
  /** Columns searched, most important first; the first one with a match is the hit's field. */
  columns: string[];
  weights: number[];
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
    from: 'claims_fts JOIN claims c ON c.rowid = claims_fts.rowid',
    select: 'c.rowid AS row, c.id AS entity_id, c.id AS claim_id, c.document_id',
    claimFilters: true,
  },
  source: {
    fts: 'sources_fts',
    table: 'sources',
    columns: ['title', 'excerpt', 'publisher', 'url'],
    weights: [6, 3, 4, 1],
    from: 'sources_fts JOIN sources e ON e.rowid = sources_fts.rowid AND e.deleted = 0 JOIN claims c ON c.id = e.claim_id',
    select: 'e.rowid AS row, e.id AS entity_id, c.id AS claim_id, c.document_id',
    claimFilters: true,
  },
  note: {
    fts: 'notes_fts',
    table: 'notes',
    columns: ['text'],
    weights: [1],
    from: 'notes_fts JOIN notes e ON e.rowid = notes_fts.rowid AND e.deleted = 0 JOIN claims c ON c.id = e.claim_id',
    select: 'e.rowid AS row, e.id AS entity_id, c.id AS claim_id, c.document_id',
    claimFilters: true,
  },
  document: {
    fts: 'documents_fts',
    table: 'documents',
    columns: ['title', 'text'],
    weights: [8, 1],
    // A snippet comes from the start of a long document: reading megabytes per hit is not worth it.
    snippetColumns: 'title, substr(text, 1, 20000) AS text',
    from: 'documents_fts JOIN documents d ON d.rowid = documents_fts.rowid AND d.deleted = 0',
    select: 'd.rowid AS row, d.id AS entity_id, NULL AS claim_id, d.id AS document_id',
    claimFilters: false,
  },
};

interface Candidate {
  kind: SearchKind;
  row: number;
  entity_id: string;
  claim_id: string | null;
  document_id: string | null;
  rank: number;
}

function hasClaimOnlyFilter(f: ClaimFilters): boolean {
  return !!(f.verdict || f.claimant || f.assignee !== undefined || f.tag || f.noSource);
}

function candidates(db: DB, kind: SearchKind, match: string, input: SearchInput, wanted: number): Candidate[] {
  const spec = KINDS[kind];
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
  // Matches are read in rowid order and the scan stops at the window, so a common word costs
  // no more than a rare one; the window is then ranked here. FTS5 streams a posting list
  // forwards only (backwards, or with a rowid bound, it loads the whole list first).
  const sql = `SELECT ${spec.select}, bm25(${spec.fts}, ${spec.weights.join(', ')}) AS rank
    FROM ${spec.from} WHERE ${conditions.join(' AND ')} ORDER BY ${spec.fts}.rowid LIMIT ?`;
  const rows = prepared(db, sql).all(...params, Math.max(RANK_WINDOW, wanted)) as Omit<Candidate, 'kind'>[];
  return rows
    .sort((a, b) => a.rank - b.rank)
    .slice(0, wanted)
    .map((r) => ({ ...r, kind }));
}

function toHit(db: DB, c: Candidate, words: string[]): SearchHit {
  const spec = KINDS[c.kind];
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
  const all: Candidate[] = [];
  for (const kind of kinds) {
    if (!KINDS[kind].claimFilters && hasClaimOnlyFilter(input)) continue;
    all.push(...candidates(db, kind, match, input, wanted));
  }
  all.sort((a, b) => a.rank - b.rank || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  const words = queryWords(input.query);
  return {
    hits: all.slice(offset, offset + limit).map((c) => toHit(db, c, words)),
    hasMore: all.length > offset + limit,
  };
}
