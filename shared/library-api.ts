/** Operations on fact-check libraries (*.claimbench-library) linked to the open workspace. */
import { z } from 'zod';
import { filePath } from './file-path';
import { op } from './operation';
import type { Source } from './evidence';

export const LIBRARY_VERDICTS = ['false', 'misleading', 'mixed', 'true', 'unproven', 'unrated'] as const;
export type LibraryVerdictName = (typeof LIBRARY_VERDICTS)[number];

/** Shown beside the rating so a reader sees what the normalised verdict means. */
export const LIBRARY_VERDICT_LABELS: Record<LibraryVerdictName, string> = {
  false: 'False',
  misleading: 'Misleading',
  mixed: 'Mixed',
  true: 'True',
  unproven: 'Unproven',
  unrated: 'Not rated',
};

export interface LinkedLibrary {
  path: string;
  name: string;
  /** null when the file is missing or cannot be opened; `problem` says why. */
  reviews: number | null;
  problem: string | null;
}

export interface FactCheckMatch {
  libraryPath: string;
  url: string;
  score: number;
  /** 0-1: how much of the fact-check's own key terms the claim shares; the badge needs STRONG_MATCH. */
  confidence: number;
  claimReviewed: string;
  headline: string;
  ratingText: string;
  verdict: LibraryVerdictName;
  publisher: string;
  datePublished: string | null;
  why: { terms: string[]; numbers: string[]; names: string[] };
}

/** A claim's best stored match at or above this confidence shows as "checked before". */
export const STRONG_MATCH = 0.5;

export interface LibraryImportSummary {
  files: number;
  found: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped: { file: string; position: string; reason: string }[];
}

const libraryPath = filePath
  .trim()
  .refine((p) => p.toLowerCase().endsWith('.claimbench-library'), 'A fact-check library file ends in .claimbench-library');
const id = z.string().min(1).max(64);
const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export interface LibraryImportProgress {
  jobId: string;
  state: 'running' | 'done' | 'cancelled' | 'failed' | 'unknown';
  file: string;
  filesDone: number;
  filesTotal: number;
  itemsDone: number;
  itemsTotal: number;
}

export const libraryApi = {
  'libraries.list': op<LinkedLibrary[]>()(z.object({}).strict()),
  'libraries.create': op<LinkedLibrary>()(z.object({ path: libraryPath }).strict()),
  'libraries.link': op<LinkedLibrary>()(z.object({ path: libraryPath }).strict()),
  'libraries.unlink': op<{ unlinked: number }>()(z.object({ path: libraryPath }).strict()),
  'libraries.import': op<LibraryImportSummary>()(
    z
      .object({
        path: libraryPath,
        files: z.array(z.string().trim().min(1).max(4_096)).min(1).max(1_000),
        csvMapping: z.record(z.string(), z.string().max(200)).optional(),
        /** Watch with libraries.importProgress, stop with libraries.importCancel. */
        jobId: jobId.optional(),
      })
      .strict(),
  ),
  'libraries.importProgress': op<LibraryImportProgress>()(z.object({ jobId }).strict()),
  'libraries.importCancel': op<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
  /** Top matches for one claim across every linked library, best first. */
  'libraries.matchClaim': op<FactCheckMatch[]>()(
    z.object({ claimId: id, top: z.number().int().min(1).max(20).optional() }).strict(),
  ),
  /** Re-match claims (all, or the given ones) and store each one's best match. */
  'libraries.matchClaims': op<{ matched: number; strong: number }>()(
    z.object({ claimIds: z.array(id).max(100_000).optional() }).strict(),
  ),
  /** Stored best matches at STRONG_MATCH or above, for the claim list's badges. */
  'libraries.badges': op<Record<string, FactCheckMatch>>()(z.object({ claimIds: z.array(id).max(5_000) }).strict()),
  /** Attach a match as a source of the claim, its stance taken from the rating. */
  'libraries.attachMatch': op<Source>()(z.object({ claimId: id, libraryPath, url: z.string().url().max(2_048) }).strict()),
} as const;
