/** The team operations' part of the contract (spread into `api` in shared/api.ts). */
import { z } from 'zod';
import { chosenToken, filePath } from './file-path';
import { stripDisguisingChars } from './text/invisible';
import { op, pageOmits } from './operation';
import type { Claim } from './domain';
import { VERDICTS } from './domain';
import type {
  ChosenFile,
  ConflictInfo,
  KeyTrust,
  MergePreview,
  MergeResult,
  ShareResult,
  SyncResult,
  SyncStatus,
  TeamIdentity,
} from './team';

const id = z.string().min(1).max(64);
const empty = z.object({}).strict();
const sha256Hex = z.string().regex(/^[0-9a-fA-F]{64}$/, 'is not a SHA-256 content hash (64 hex digits)');
/**
 * A file or folder: a path from the core's own callers (the CLI, tests), or the token of one the
 * person chose in the app's dialog (team.chooseShareFile, team.chooseShareTarget, team.chooseSyncFolder).
 * A page may send only the token: paths chosen through host dialogs stay in the core.
 */
const pathOrChosen = <K extends string>(key: K) =>
  z.object({ [key]: filePath.optional(), chosen: chosenToken.optional() } as { [P in K]: z.ZodOptional<typeof filePath> } & {
    chosen: z.ZodOptional<typeof chosenToken>;
  });
const oneOf = (key: string) => (o: Record<string, unknown>) => (o[key] === undefined) !== (o.chosen === undefined);
const ONE_FILE = 'Give either a path or a chosen file, not both.';
const chosenOnly = z.object({ chosen: chosenToken });
/** What a page does not get of a sync status: it reads `location`, `ownFileName` and each peer's `fileName`. */
const SYNC_PATHS = ['folder', 'ownFile', 'file'] as const;
const documentIds = z.array(id).min(1).max(10_000).optional();

export const teamApi = {
  'team.identity': op<TeamIdentity>()(empty),
  /** A page gets the result without `path`: it names the file by the name team.chooseShareTarget gave it. */
  'team.share': pageOmits(
    op<ShareResult>()(
      pathOrChosen('target').extend({ documentIds }).strict().refine(oneOf('target'), ONE_FILE),
      chosenOnly.extend({ documentIds }).strict(),
    ),
    ['path'],
  ),
  /** Ask the person where to write a share file, in the host's dialog; the path stays in the core behind the token. */
  'team.chooseShareTarget': op<{ file: ChosenFile | null }>()(z.object({ defaultName: z.string().min(1).max(255) }).strict()),
  /** Ask the person for a share file in the host's dialog; the path stays in the core behind the token. */
  'team.chooseShareFile': op<{ file: ChosenFile | null }>()(empty),
  /** What merging would do, and the file's content hash to hand back to team.merge. */
  'team.mergePreview': op<MergePreview>()(pathOrChosen('path').strict().refine(oneOf('path'), ONE_FILE), chosenOnly.strict()),
  /** Merge exactly the content that was previewed: refused when the file's content hash is not `expectHash`. */
  'team.merge': pageOmits(
    op<MergeResult>()(
      pathOrChosen('path').extend({ expectHash: sha256Hex }).strict().refine(oneOf('path'), ONE_FILE),
      chosenOnly.extend({ expectHash: sha256Hex }).strict(),
    ),
    ['backupPath'],
  ),
  'conflicts.list': op<ConflictInfo[]>()(z.object({ claimId: id.optional() }).strict()),
  'conflicts.resolve': op<Claim>()(
    z
      .object({
        claimId: id,
        verdict: z.enum(VERDICTS),
        rationale: z.string().overwrite(stripDisguisingChars).max(200_000).optional(),
      })
      .strict(),
  ),
  /** Keep one person's side of a conflicted claim: their value of each conflicted field, nothing else. */
  'conflicts.keep': op<Claim>()(z.object({ claimId: id, actorId: id }).strict()),
  /** Ask the person for the shared folder in the host's dialog; the path stays in the core behind the token. */
  'team.chooseSyncFolder': op<{ folder: ChosenFile | null }>()(empty),
  /** Whether the host can choose a folder at all: why not (the browser host), or null. */
  'team.syncFolderChoice': op<{ unavailable: string | null }>()(empty),
  'team.sync.link': pageOmits(
    op<SyncStatus>()(pathOrChosen('folder').strict().refine(oneOf('folder'), ONE_FILE), chosenOnly.strict()),
    SYNC_PATHS,
  ),
  'team.sync.unlink': pageOmits(op<SyncStatus>()(empty), SYNC_PATHS),
  'team.sync.status': pageOmits(op<SyncStatus>()(empty), SYNC_PATHS),
  'team.sync.now': pageOmits(op<SyncResult>()(empty), SYNC_PATHS),
  'team.keys.list': op<KeyTrust>()(empty),
  /** Settle a key conflict: trust the offered key from now on, or keep the pinned one. */
  'team.keys.resolve': op<KeyTrust>()(
    z
      .object({
        actorId: z.string().regex(/^[0-9a-f]{16,32}$/),
        decision: z.enum(['trust-offered', 'keep-pinned']),
        offeredKey: z
          .string()
          .regex(/^[A-Za-z0-9+/]{43}=$/)
          .optional(),
      })
      .strict(),
  ),
} as const;
