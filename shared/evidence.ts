/** Evidence, search and triage types shared by the core, the renderer, the CLI and the tests. */
import type { ChangeOrigin, Verdict } from './domain';

export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  context: 'Context',
};

export interface Source {
  id: string;
  claimId: string;
  /** Always an http(s) URL when present; anything else is refused on the way in. */
  url: string | null;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  /** When the checker read it (ISO date). */
  accessedAt: string | null;
  /** A frozen copy of the page (e.g. a web archive snapshot); http(s) only, like `url`. */
  archiveUrl: string | null;
  excerpt: string;
  stance: Stance;
  attachmentId: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** What the bytes of an attachment are, judged from their content (never from the file name). */
export type AttachmentKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'text' | 'other';

export interface Attachment {
  id: string;
  claimId: string;
  sha256: string;
  /** The name the checker gave it, cleaned of paths, control and bidi characters. */
  name: string;
  mime: string;
  size: number;
  kind: AttachmentKind;
  /** Whether attachments.export will hand it to the system viewer (pdf, images, text). */
  viewable: boolean;
  createdAt: string;
  createdBy: string;
}

export interface Note {
  id: string;
  claimId: string;
  text: string;
  author: string;
  createdAt: string;
  updatedAt: string;
}

export const CLAIM_WARNING_CODES = ['sourced-without-source', 'sourced-but-contradicted', 'disputed-without-evidence'] as const;
export type ClaimWarningCode = (typeof CLAIM_WARNING_CODES)[number];

export interface ClaimWarning {
  code: ClaimWarningCode;
  message: string;
}

/**
 * Warn, never block. A claim marked sourced needs at least one source, and one that supports it
 * when another contradicts it; a disputed claim needs a contradicting source or a written rationale.
 */
export function claimWarnings(claim: {
  verdict: Verdict | null;
  rationale: string;
  sources: readonly { stance: Stance }[];
}): ClaimWarning[] {
  const warnings: ClaimWarning[] = [];
  if (claim.verdict === 'sourced' && claim.sources.length === 0) {
    warnings.push({ code: 'sourced-without-source', message: 'Marked sourced, but no source is attached yet.' });
  }
  if (
    claim.verdict === 'sourced' &&
    claim.sources.some((s) => s.stance === 'contradicts') &&
    !claim.sources.some((s) => s.stance === 'supports')
  ) {
    warnings.push({
      code: 'sourced-but-contradicted',
      message: 'Marked sourced, but a source contradicts the claim and none supports it.',
    });
  }
  if (
    claim.verdict === 'disputed' &&
    !claim.sources.some((s) => s.stance === 'contradicts') &&
    claim.rationale.trim().length === 0
  ) {
    warnings.push({
      code: 'disputed-without-evidence',
      message: 'Marked disputed, but there is neither a contradicting source nor a written rationale.',
    });
  }
  return warnings;
}

export interface ClaimEvidence {
  claimId: string;
  sources: Source[];
  attachments: Attachment[];
  notes: Note[];
  warnings: ClaimWarning[];
}

/**
 * Text with the parts to highlight given as [start, end) UTF-16 offsets: the UI renders plain
 * text nodes and wraps the ranges in <mark>, so no stored text is ever parsed as HTML.
 */
export interface HighlightedText {
  text: string;
  ranges: [number, number][];
}

export const SEARCH_KINDS = ['claim', 'document', 'source', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** Id of the matched claim, document, source or note. */
  entityId: string;
  /** The claim the hit belongs to (null for a document hit). */
  claimId: string | null;
  documentId: string | null;
  /** The claim's text, for showing a source or note hit in context. */
  claimText: string | null;
  /** The column that matched best, e.g. "text", "excerpt", "title". */
  field: string;
  snippet: HighlightedText;
  /** bm25 rank: lower is better. */
  rank: number;
}

export interface SearchResult {
  hits: SearchHit[];
  hasMore: boolean;
}

export const CLAIM_SORTS = ['document', 'score', 'date'] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];

export interface SimilarClaim {
  /** null: this workspace. For the core's own callers; a page gets `inThisWorkspace`. */
  workspacePath: string | null;
  inThisWorkspace: boolean;
  workspaceName: string;
  claimId: string;
  text: string;
  verdict: Verdict | null;
  rationale: string;
  documentTitle: string | null;
  /** Character-trigram Jaccard similarity, 0..1. */
  similarity: number;
  /** From the same document as the claim asked about (listed only when a near-duplicate). */
  sameDocument: boolean;
  /** Words of the asked-about claim this one shares (compared by stem), most telling first. */
  sharedWords: string[];
  /** Figures both claims hold (numbers, years, percentages), as written in the asked-about claim. */
  sharedFigures: string[];
  /** Why it is listed, in words: "Near-duplicate wording" or "Shares 2019, 4,000 and “governor”, “homes”". */
  reason: string;
}

export interface SimilarClaims {
  items: SimilarClaim[];
  /** Other workspaces that could not be searched, and why. */
  skipped: { path: string; reason: string }[];
}

export interface ActivityEntry {
  hlc: string;
  at: string;
  author: string;
  actionId: string | null;
  action: string | null;
  entity: string;
  entityId: string;
  field: string;
  from: unknown;
  to: unknown;
  /** The claim this change concerns (the claim itself, or the claim of a source, note or attachment). */
  claimId: string | null;
  claimText: string | null;
  /** The item is deleted now (itself, or with its claim or document): shown as deleted, not opened. */
  deleted: boolean;
  /**
   * The change in words, as the claim's history says it (shared/timeline.ts), e.g. `Ann marked Disputed`;
   * ends `(since deleted)` when the item is gone. Which claim it concerns is `claimText`.
   */
  summary: string;
  /** The history's second line: what the value was, or the words written, e.g. `was Sourced`. */
  detail: string | null;
  /** No author signature: who made the change is not verified. */
  unsigned: boolean;
  /** The teammate's share or sync file it came in with, when a merge or sync brought it. */
  origin: ChangeOrigin | null;
}

export interface ActivityPage {
  items: ActivityEntry[];
  /** Pass as `before` to get the next (older) page; null at the end. */
  nextBefore: string | null;
}
