/** Domain types shared by the core, the renderer, the CLI and the tests. */

export const VERDICTS = ['sourced', 'disputed', 'unverified'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  sourced: 'Sourced',
  disputed: 'Disputed',
  unverified: 'Unverified',
};

/** A claim nobody has decided on yet: its verdict is null. */
export const NOT_REVIEWED = 'unreviewed' as const;
export const NOT_REVIEWED_LABEL = 'Not reviewed';
/** What a verdict filter can ask for: one decision, or the claims with none yet. */
export const VERDICT_FILTERS = [...VERDICTS, NOT_REVIEWED] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

export function verdictLabel(verdict: Verdict | null): string {
  return verdict ? VERDICT_LABELS[verdict] : NOT_REVIEWED_LABEL;
}

export function verdictFilterLabel(filter: VerdictFilter): string {
  return filter === NOT_REVIEWED ? NOT_REVIEWED_LABEL : VERDICT_LABELS[filter];
}

/**
 * What each state means, in the README's words: the three verdicts are decisions someone made after
 * checking; Not reviewed is no decision at all (Unverified is not "not looked at yet").
 */
export const VERDICT_MEANINGS: Record<VerdictFilter, string> = {
  sourced: 'checked, a source supports it',
  disputed: 'checked, the evidence contradicts it',
  unverified: 'checked, could not verify',
  unreviewed: 'nobody has decided yet',
};

/** "Unverified: checked, could not verify", for tooltips and menus where a checker meets the word. */
export function verdictExplained(filter: VerdictFilter): string {
  return `${verdictFilterLabel(filter)}: ${VERDICT_MEANINGS[filter]}`;
}

/** W3C Web Annotation selectors: position plus quote, so a claim can be re-anchored after edits. */
export interface TextAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface ScoreReason {
  /** Machine-readable kind, e.g. "quantity", "attribution", "hedge". */
  kind: string;
  /** Human-readable explanation shown to the checker. */
  label: string;
  /** Signed contribution to the score. */
  weight: number;
}

export interface DocumentSummary {
  id: string;
  title: string;
  origin: string | null;
  publisher: string | null;
  publishedAt: string | null;
  createdAt: string;
  claimCount: number;
  checkedCount: number;
}

export interface DocumentRecord extends DocumentSummary {
  text: string;
  contentHash: string;
}

export interface Claim {
  id: string;
  documentId: string | null;
  /** Sort key inside its document (text order); manual claims go last. */
  ordinal: number;
  text: string;
  anchor: TextAnchor | null;
  claimant: string | null;
  score: number | null;
  reasons: ScoreReason[];
  /** A person's decision; null while the claim is not reviewed. */
  verdict: Verdict | null;
  rationale: string;
  assignee: string | null;
  tags: string[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  /** A teammate's concurrent verdict or rationale disagrees and nobody has decided yet (team merge). */
  conflicted: boolean;
}

export interface VerdictCounts {
  total: number;
  /** Claims with any decision (sourced, disputed or unverified). */
  reviewed: number;
  unreviewed: number;
  sourced: number;
  disputed: number;
  unverified: number;
}

/** What deleting a document takes with it. */
export interface DeletionImpact {
  documentId: string;
  title: string;
  claims: number;
  /** Claims among them with a verdict a person set. */
  decisions: number;
  sources: number;
  notes: number;
}

export interface HistoryEntry {
  hlc: string;
  at: string;
  author: string;
  actorId: string;
  entity: string;
  entityId: string;
  field: string;
  /** Value before this change, null when the field was unset or the entity new. */
  from: unknown;
  to: unknown;
  action: string | null;
  /** The action (one undo step) that wrote this change together with others; null on changes logged outside one. */
  actionId?: string | null;
  /** A source's title, a note's text or an attachment's name, for entries about a claim's evidence. */
  label?: string | null;
  /** Set when the change arrived by a merge or a folder sync rather than being made here. */
  origin?: ChangeOrigin | null;
  /** The change carries no author signature (written before signing, or merged from an older file): who made it is not verified. */
  unsigned: boolean;
  /** An undo that reopened a settled conflict re-asserted this person's side of it (not the undoer's decision). */
  reopens?: { author: string } | null;
}

/** Where a merged change came from: recorded by this workspace when it merged it (never shared). */
export interface ChangeOrigin {
  kind: 'share' | 'sync';
  /** The share file's or the sync file's name. */
  file: string;
  /** Whose file it was: the person who wrote the share file, or who owns the sync file, when known. */
  from: string | null;
  mergedBy: string;
  mergedAt: string;
}

export interface IdentityInfo {
  author: string | null;
  actorId: string;
  /** `path` is for the core's own callers; a page gets `location`, for people to read (the home folder shown as ~). */
  workspace: { path: string; location: string; name: string; schemaVersion: number };
}

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** The one claim the next undo (redo) concerns, so its notice can name it; null for none or several. */
  undoClaimId: string | null;
  redoClaimId: string | null;
  /** The next undo reaches back past this merge or sync (made before it); null when it does not. */
  undoBeforeMerge: MergeBoundary | null;
}

/**
 * A merge of a share file or a folder sync that brought teammates' changes. Undo never takes it
 * back (the backup taken before it does); an undo of something done before it says so.
 */
export interface MergeBoundary {
  kind: 'share' | 'sync';
  /** The share file's name, or the shared folder's. */
  file: string;
  /** The backup taken just before it, when one was. */
  backupPath: string | null;
}

/** What an undo or redo did (null when there was nothing to do), and the state after it. */
export interface UndoResult extends UndoState {
  did: { label: string; claimId: string | null; beforeMerge: MergeBoundary | null } | null;
}
