/** The team operations' part of the contract (spread into `api` in shared/api.ts). */
import { z } from 'zod';
import { op } from './operation';
import type { Claim } from './domain';
import { VERDICTS } from './domain';
import type { ConflictInfo, MergePreview, MergeResult, ShareResult, SyncResult, SyncStatus, TeamIdentity } from './team';


const id = z.string().min(1).max(64);
/** An absolute or relative file-system path chosen by the person (a save/open dialog in the app). */
const filePath = z
  .string()
  .min(1)
  .max(4_096)
  .refine((p) => !p.includes('\u0000'), 'contains a NUL character');
const empty = z.object({}).strict();

export const teamApi = {
  'team.identity': op<TeamIdentity>()(empty),
  'team.share': op<ShareResult>()(
    z.object({ target: filePath, documentIds: z.array(id).min(1).max(10_000).optional() }).strict(),
  ),
  'team.mergePreview': op<MergePreview>()(z.object({ path: filePath }).strict()),
  'team.merge': op<MergeResult>()(z.object({ path: filePath }).strict()),
  'conflicts.list': op<ConflictInfo[]>()(z.object({ claimId: id.optional() }).strict()),
  'conflicts.resolve': op<Claim>()(
    z.object({ claimId: id, verdict: z.enum(VERDICTS), rationale: z.string().max(200_000).optional() }).strict(),
  ),
  'team.sync.link': op<SyncStatus>()(z.object({ folder: filePath }).strict()),
  'team.sync.unlink': op<SyncStatus>()(empty),
  'team.sync.status': op<SyncStatus>()(empty),
  'team.sync.now': op<SyncResult>()(empty),
} as const;
