/** Operations on fact-check libraries (*.claimbench-library) linked to the open workspace. */
import { z } from 'zod';
import { chosenToken, filePath } from './file-path';
import { op, pageOmits } from './operation';
import type { Source } from './evidence';
import type { ChosenFile, ChosenFiles } from './team';

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
  /** For the core's own callers (the CLI); a page names a linked library by `id` and shows `location`. */
  path: string;
  /** Stable for a linked file: what a page sends to import into, unlink or attach from it. */
  id: string;
  name: string;
  /** Where the file is, for people to read (the home folder shown as ~); never accepted back as a path. */
  location: string;
  /** null when the file is missing or cannot be opened; `problem` says why. */
  reviews: number | null;
  problem: string | null;
}

export interface FactCheckMatch {
  /** For the core's own callers; a page gets `libraryId`. */
  libraryPath: string;
  libraryId: string;
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
  /** Words, figures and names both share; `differences`: what differs about the event ("different dates"). */
  why: { terms: string[]; numbers: string[]; names: string[]; differences: string[] };
}

/** What a page gets of a linked library and of a match (`pageOmits` in the contract below). */
export type PageLinkedLibrary = Omit<LinkedLibrary, 'path'>;
export type PageFactCheckMatch = Omit<FactCheckMatch, 'libraryPath'>;

/** A claim's best stored match at or above this confidence shows as "checked before". */
export const STRONG_MATCH = 0.5;
/** Matches under this confidence share a word or two with the claim: listed only when the checker asks for them. */
export const WEAK_MATCH = 0.1;

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
/** A linked library as a page names it (LinkedLibrary.id). */
const libraryId = z.string().regex(/^[0-9a-f]{16}$/, 'is not a linked library id');
const ONE_LIBRARY = 'Give either a library path or a linked library id, not both.';
const ONE_FILE = 'Give either a path or a chosen file, not both.';
const either = (a: string, b: string) => (v: Record<string, unknown>) => (v[a] === undefined) !== (v[b] === undefined);
const chosenOnly = z.object({ chosen: chosenToken }).strict();
const libraryFiles = z.array(z.string().trim().min(1).max(4_096)).min(1).max(1_000);
const csvMapping = z.record(z.string(), z.string().max(200)).optional();
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

/** Create or link a library file: by path for the core's own callers, by a chosen-file token from a page. */
function libraryFileOperation() {
  return pageOmits(
    op<LinkedLibrary>()(
      z
        .object({ path: libraryPath.optional(), chosen: chosenToken.optional() })
        .strict()
        .refine(either('path', 'chosen'), ONE_FILE),
      chosenOnly,
    ),
    ['path'],
  );
}

export const libraryApi = {
  'libraries.list': pageOmits(op<LinkedLibrary[]>()(z.object({}).strict()), ['path']),
  /** Ask the person where to create a library, in the host's dialog; the path stays in the core behind the token. */
  'libraries.chooseNew': op<{ file: ChosenFile | null }>()(z.object({}).strict()),
  /** Ask the person for a library file to link, in the host's dialog; the path stays in the core behind the token. */
  'libraries.chooseExisting': op<{ file: ChosenFile | null }>()(z.object({}).strict()),
  /** Ask the person for feeds, pages or CSV files to import; their paths stay in the core behind one token. */
  'libraries.chooseImportFiles': op<{ files: ChosenFiles | null }>()(z.object({}).strict()),
  'libraries.create': libraryFileOperation(),
  'libraries.link': libraryFileOperation(),
  'libraries.unlink': op<{ unlinked: number }>()(
    z
      .object({ path: libraryPath.optional(), library: libraryId.optional() })
      .strict()
      .refine(either('path', 'library'), ONE_LIBRARY),
    z.object({ library: libraryId }).strict(),
  ),
  /** Into a library file (`path`) or a linked one (`library`), from files by path or chosen in libraries.chooseImportFiles. */
  'libraries.import': op<LibraryImportSummary>()(
    z
      .object({
        path: libraryPath.optional(),
        library: libraryId.optional(),
        files: libraryFiles.optional(),
        chosen: chosenToken.optional(),
        csvMapping,
        /** Watch with libraries.importProgress, stop with libraries.importCancel. */
        jobId: jobId.optional(),
      })
      .strict()
      .refine(either('path', 'library'), ONE_LIBRARY)
      .refine(either('files', 'chosen'), 'Give either files or a chosen set of files, not both.'),
    z.object({ library: libraryId, chosen: chosenToken, csvMapping, jobId: jobId.optional() }).strict(),
  ),
  'libraries.importProgress': op<LibraryImportProgress>()(z.object({ jobId }).strict()),
  'libraries.importCancel': op<{ cancelled: boolean }>()(z.object({ jobId }).strict()),
  /** Top matches for one claim across every linked library, best first. */
  'libraries.matchClaim': pageOmits(
    op<FactCheckMatch[]>()(z.object({ claimId: id, top: z.number().int().min(1).max(20).optional() }).strict()),
    ['libraryPath'],
  ),
  /**
   * Re-match claims (all, or the given ones) and store each one's best match: how many claims were
   * compared, how many resemble a fact-check at all, and how many of those were checked before.
   */
  'libraries.matchClaims': op<{ claims: number; matched: number; strong: number }>()(
    z.object({ claimIds: z.array(id).max(100_000).optional() }).strict(),
  ),
  /** Stored best matches at STRONG_MATCH or above, for the claim list's badges. */
  'libraries.badges': pageOmits(op<Record<string, FactCheckMatch>>()(z.object({ claimIds: z.array(id).max(5_000) }).strict()), [
    'libraryPath',
  ]),
  /** Attach a match as a source of the claim, its stance taken from the rating. */
  'libraries.attachMatch': op<Source>()(
    z
      .object({
        claimId: id,
        libraryPath: libraryPath.optional(),
        library: libraryId.optional(),
        url: z.string().url().max(2_048),
      })
      .strict()
      .refine(either('libraryPath', 'library'), ONE_LIBRARY),
    z.object({ claimId: id, library: libraryId, url: z.string().url().max(2_048) }).strict(),
  ),
} as const;
