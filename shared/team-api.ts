/** The team operations' part of the contract (spread into `api` in shared/api.ts). */
import { z } from 'zod';
import { stripDisguisingChars } from './text/invisible';
import { op } from './operation';
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
/** An absolute or relative file-system path chosen by the person (a save/open dialog in the app). */
const filePath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL character');
const empty = z.object({}).strict();
const sha256Hex = z.string().regex(/^[0-9a-fA-F]{64}$/, 'is not a SHA-256 content hash (64 hex digits)');
/** A share file: a path (CLI, tests), or the token of a file chosen in the app's dialog (team.chooseShareFile). */
const shareFile = {
  path: filePath.optional(),
  chosen: z
    .string()
    .regex(/^[0-9a-f]{32}$/, 'is not a chosen-file token')
    .optional(),
};
const oneShareFile = (o: { path?: string; chosen?: string }) => (o.path === undefined) !== (o.chosen === undefined);
const ONE_SHARE_FILE = 'Give either the path of a share file or a chosen file, not both.';

export const teamApi = {
  'team.identity': op<TeamIdentity>()(empty),
  'team.share': op<ShareResult>()(
    z.object({ target: filePath, documentIds: z.array(id).min(1).max(10_000).optional() }).strict(),
  ),
  /** Ask the person for a share file in the host's dialog; the path stays in the core behind the token. */
  'team.chooseShareFile': op<{ file: ChosenFile | null }>()(empty),
  /** What merging would do, and the file's content hash to hand back to team.merge. */
  'team.mergePreview': op<MergePreview>()(z.object(shareFile).strict().refine(oneShareFile, ONE_SHARE_FILE)),
  /** Merge exactly the content that was previewed: refused when the file's content hash is not `expectHash`. */
  'team.merge': op<MergeResult>()(
    z
      .object({ ...shareFile, expectHash: sha256Hex })
      .strict()
      .refine(oneShareFile, ONE_SHARE_FILE),
  ),
  'conflicts.list': op<ConflictInfo[]>()(z.object({ claimId: id.optional() }).strict()),
  'conflicts.resolve': op<Claim>()(
    z.object({ claimId: id, verdict: z.enum(VERDICTS), rationale: z.string().overwrite(stripDisguisingChars).max(200_000).optional() }).strict(),
  ),
  /** Keep one person's side of a conflicted claim: their value of each conflicted field, nothing else. */
  'conflicts.keep': op<Claim>()(z.object({ claimId: id, actorId: id }).strict()),
  'team.sync.link': op<SyncStatus>()(z.object({ folder: filePath }).strict()),
  'team.sync.unlink': op<SyncStatus>()(empty),
  'team.sync.status': op<SyncStatus>()(empty),
  'team.sync.now': op<SyncResult>()(empty),
  'team.keys.list': op<KeyTrust>()(empty),
  /** Settle a key conflict: trust the offered key from now on, or keep the pinned one. */
  'team.keys.resolve': op<KeyTrust>()(
    z
      .object({
        actorId: z.string().regex(/^[0-9a-f]{16,32}$/),
        decision: z.enum(['trust-offered', 'keep-pinned']),
        offeredKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/).optional(),
      })
      .strict(),
  ),
} as const;
