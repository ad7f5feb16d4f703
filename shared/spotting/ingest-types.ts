/** Data the ingest operations return (see the `ingest.*`, `spotting.*` and claim-span entries of shared/api.ts). */
import type { Claim, DocumentSummary, ScoreReason } from '../domain';

/** What happened to one imported file. */
export interface ImportOutcome {
  name: string;
  /** `duplicate`: the same content was already in the workspace, so nothing was stored (see `duplicateOf`). */
  status: 'imported' | 'duplicate' | 'failed' | 'cancelled';
  /** The stored document; null unless imported. */
  document: DocumentSummary | null;
  claimCount: number;
  sentenceCount: number;
  /** The document already holding the same content: the reason for a skip, or, when imported anyway, its twin. */
  duplicateOf: string | null;
  format: string | null;
  encoding: string | null;
  /** What the person should know about the imported text (much of it could not be read), or null. */
  warning: string | null;
  error: { code: string; message: string } | null;
}

export interface BatchStatus {
  jobId: string;
  state: 'running' | 'done' | 'cancelled';
  total: number;
  /** Files finished (any outcome). */
  completed: number;
  /** Name of the file being parsed, if any. */
  current: string | null;
  /** 0..1 over the whole batch, for a progress bar. */
  progress: number;
  outcomes: ImportOutcome[];
}

/** One sentence of a document for the document view. */
export interface DocumentSentence {
  start: number;
  end: number;
  text: string;
  score: number;
  reasons: ScoreReason[];
  claimant: string | null;
  checkWorthy: boolean;
  /** The live claim anchored exactly on this sentence, if any. */
  claimId: string | null;
}

export interface ReplaceTextResult {
  document: DocumentSummary;
  /** Claims whose highlight was found again in the new text. */
  reanchored: number;
  /** Claims that could not be placed; they keep their text but lose their highlight. */
  orphans: Claim[];
}
