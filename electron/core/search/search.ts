import type { SearchHit, SearchKind, SearchResult } from '../../../shared/evidence';
import type { DB } from '../store/open';
import { claimConditions, type ClaimFilters } from './claim-filter';
import { toFtsQuery } from './fts-query';
import { hasMark, MARK_END, MARK_START, toHighlighted } from './highlight';

export interface SearchInput extends ClaimFilters {
  query: string;
  kinds?: SearchKind[];
  offset?: number;
  limit?: number;
}

interface HitRow {
  entity_id: string;
  claim_id: string | null;
  document_id: string | null;
  claim_text: string | null;
  rank: number;
  [snippetColumn: `s${number}`]: string | null;
}

const SNIPPET_TOKENS = 24;

/**
 * One query per kind: the FTS table joined to its live entity rows and to the claim it belongs
 * to, so the claim filters apply to sources and notes too. Columns are weighted in bm25 so a
 * match in a claim's text outranks one in its rationale, and a document title one in its body.
 */
const KINDS: Record<
  SearchKind,
  { fts: string; columns: string[]; weights: number[]; from: string; select: string; claimAlias: boolean }
> = {
  claim: {
    fts: 'claims_fts',
    columns: ['text', 'claimant', 'rationale'],
    weights: [10, 4, 2],
    from: 'claims_fts JOIN claims c ON c.rowid = claims_fts.rowid',
    select: 'c.id AS entity_id, c.id AS claim_id, c.document_id, c.text AS claim_text',
    claimAlias: true,
  },
  source: {
    fts: 'sources_fts',
    columns: ['title', 'publisher', 'excerpt', 'url'],
    weights: [6, 3, 4, 1],
    from: 'sources_fts JOIN sources e ON e.rowid = sources_fts.rowid AND e.deleted = 0 JOIN claims c ON c.id = e.claim_id',
    select: 'e.id AS entity_id, c.id AS claim_id, c.document_id, c.text AS claim_text',
    claimAlias: true,
  },
  note: {
    fts: 'notes_fts',
    columns: ['text'],
    weights: [1],
    from: 'notes_fts JOIN notes e ON e.rowid = notes_fts.rowid AND e.deleted = 0 JOIN claims c ON c.id = e.claim_id',
    select: 'e.id AS entity_id, c.id AS claim_id, c.document_id, c.text AS claim_text',
    claimAlias: true,
  },
  document: {
    fts: 'documents_fts',
    columns: ['title', 'text'],
    weights: [8, 1],
    from: 'documents_fts JOIN documents d ON d.rowid = documents_fts.rowid AND d.deleted = 0',
    select: 'd.id AS entity_id, NULL AS claim_id, d.id AS document_id, NULL AS claim_text',
    claimAlias: false,
  },
};

function hasClaimOnlyFilter(f: ClaimFilters): boolean {
  return !!(f.verdict || f.claimant || f.assignee !== undefined || f.tag || f.noSource);
}

/** Full-text search over claims, documents, sources and notes, best matches first. */
export function search(db: DB, input: SearchInput): SearchResult {
  const fts = toFtsQuery(input.query);
  if (!fts) return { hits: [], hasMore: false };
  const offset = input.offset ?? 0;
  const limit = input.limit ?? 50;
  const wanted = offset + limit + 1;
  const kinds = input.kinds ?? (['claim', 'source', 'note', 'document'] as SearchKind[]);
  const hits: SearchHit[] = [];
  for (const kind of kinds) {
    const spec = KINDS[kind];
    const conditions: string[] = [`${spec.fts} MATCH ?`];
    const params: unknown[] = [fts];
    if (spec.claimAlias) {
      const c = claimConditions({ ...input, query: undefined });
      conditions.push(...c.parts);
      params.push(...c.params);
    } else {
      if (hasClaimOnlyFilter(input)) continue;
      if (input.documentId) {
        conditions.push('d.id = ?');
        params.push(input.documentId);
      }
    }
    const snippets = spec.columns
      .map((_, i) => `snippet(${spec.fts}, ${i}, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS}) AS s${i}`)
      .join(', ');
    const sql = `SELECT ${spec.select}, bm25(${spec.fts}, ${spec.weights.join(', ')}) AS rank, ${snippets}
      FROM ${spec.from} WHERE ${conditions.join(' AND ')} ORDER BY rank LIMIT ?`;
    for (const r of db.prepare(sql).all(...params, wanted) as HitRow[]) {
      const column = spec.columns.findIndex((_, i) => hasMark(r[`s${i}`]));
      const best = column === -1 ? 0 : column;
      hits.push({
        kind,
        entityId: r.entity_id,
        claimId: r.claim_id,
        documentId: r.document_id,
        claimText: r.claim_text,
        field: spec.columns[best]!,
        snippet: toHighlighted(r[`s${best}`] ?? ''),
        rank: r.rank,
      });
    }
  }
  hits.sort((a, b) => a.rank - b.rank || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
  return { hits: hits.slice(offset, offset + limit), hasMore: hits.length > offset + limit };
}
