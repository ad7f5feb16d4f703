/**
 * Following a transcript file that grows while it is being written: its part of the contract
 * (spread into `api` in shared/api.ts). Each complete line is captured as it arrives.
 */
import { z } from 'zod';
import { filePath, notFromPage } from './file-path';
import { op } from './operation';

/** Where a follower of a session's transcript file stands. */
export interface FollowStatus {
  /** True while the file is being followed; false once stopped (by the person, an error, the session's end). */
  following: boolean;
  /** The file's name (never its folder: the renderer does not see paths). */
  fileName: string;
  /** Lines with text stored since following began. */
  linesStored: number;
  /** Bytes of the file captured so far, from its start (also what an earlier follow had stored). */
  bytesConsumed: number;
  startedAt: string;
  /** Why following stopped, when it was not asked to: the file was replaced, the session ended… */
  error: string | null;
}

const id = z.string().min(1).max(64);
// Outputs are never bare null (the contract's output types are NonNullable): "none" is `{ status: null }`.
/** Who speaks in unlabelled lines until a line starts with a label such as "HARRIS:". */
const speaker = z.string().trim().max(120);

export const captureFollowApi = {
  /** Follow a transcript file into a capture session, resuming after what was stored from it before. */
  'capture.follow': op<FollowStatus>()(
    z.object({ sessionId: id, path: filePath, speaker: speaker.optional() }).strict(),
    notFromPage,
  ),
  /** Ask the person for the transcript file (the host's open dialog), then follow it; status null when they cancel. */
  'capture.chooseAndFollow': op<{ status: FollowStatus | null }>()(
    z.object({ sessionId: id, speaker: speaker.optional() }).strict(),
  ),
  /** Stop following; lines not yet stored stay in the file for the next follow. */
  'capture.unfollow': op<FollowStatus>()(z.object({ sessionId: id }).strict()),
  /** The follower of this session, running or stopped; status null when none was started since the workspace opened. */
  'capture.followStatus': op<{ status: FollowStatus | null }>()(z.object({ sessionId: id }).strict()),
} as const;
