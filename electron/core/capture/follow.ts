/**
 * Following a transcript file into a capture session while it is being written (like `tail -f`).
 * One follower per session of an open workspace. Each complete line is stored as it arrives,
 * together with how far into the file it reached, so following again resumes exactly after the
 * last stored line. The loop never throws: why it stopped goes into its status.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FollowStatus } from '../../../shared/capture-follow-api';
import { ClaimbenchError, isClaimbenchError } from '../../../shared/result';
import type { CoreContext } from '../context';
import { inWorkableSession, ownOpenSession } from '../sessions/lifecycle';
import { findSessionRow, loadSessionRow, type SessionRow } from '../sessions/rows';
import type { Workspace } from '../store/workspace';
import { appendChunk, consumedBytes } from './append';
import { fileBytes, LineSplitter, type TranscriptLine } from './transcript-lines';

/** A transcript of a very long event is a few megabytes; anything this large is not one. */
export const MAX_FOLLOW_BYTES = 200 * 1024 * 1024;
/** The longest line stored as one chunk (the limit of capture.append). */
const MAX_LINE_CHARS = 200_000;
/** Lines stored per transaction when catching up with a file that already holds many. */
const LINES_PER_COMMIT = 25;
/** How much of the file's start is looked at to tell text from binary data. */
const SNIFF_BYTES = 64 * 1024;

const followers = new WeakMap<Workspace, Map<string, Follower>>();

function registry(workspace: Workspace): Map<string, Follower> {
  let map = followers.get(workspace);
  if (!map) {
    map = new Map();
    followers.set(workspace, map);
  }
  return map;
}

function messageOf(e: unknown): string {
  if (isClaimbenchError(e)) return e.message;
  return `Following stopped: ${e instanceof Error ? e.message : String(e)}`;
}

class Follower {
  readonly status: FollowStatus;
  /** Resolves once the loop has ended and the file is closed. */
  readonly done: Promise<void>;
  private readonly controller = new AbortController();
  private readonly identity: { dev: number; ino: number };
  /** The speaker of unlabelled lines until the first line is stored; later lines continue the last speaker. */
  private speaker: string | undefined;

  constructor(
    private readonly ctx: CoreContext,
    private readonly sessionId: string,
    readonly source: string,
    from: number,
    speaker: string | undefined,
    now: number,
  ) {
    const stat = fs.statSync(source);
    this.identity = { dev: stat.dev, ino: stat.ino };
    this.speaker = speaker || undefined;
    this.status = {
      following: true,
      fileName: path.basename(source),
      linesStored: 0,
      bytesConsumed: from,
      startedAt: new Date(now).toISOString(),
      error: null,
    };
    this.done = this.run(from);
  }

  /** Stop now: after this returns, nothing more is stored. */
  stop(error: string | null = null): void {
    if (this.status.following) {
      this.status.following = false;
      this.status.error = error;
    }
    this.controller.abort();
  }

  private get stopped(): boolean {
    return this.controller.signal.aborted || !this.status.following;
  }

  private async run(from: number): Promise<void> {
    try {
      const splitter = new LineSplitter(from);
      const bytes = fileBytes(this.source, from, true, this.controller.signal, () => this.checkBeforeWait());
      for await (const chunk of bytes) {
        if (this.stopped || !this.stillWritable()) break;
        const lines = splitter.push(chunk);
        if (lines.length === 0 && splitter.pendingLength() > MAX_LINE_CHARS * 4) throw this.lineTooLong();
        // A long catch-up is stored a batch at a time, so it does not hold up everything else the process serves.
        for (let i = 0; i < lines.length && !this.stopped && this.stillWritable(); i += LINES_PER_COMMIT) {
          this.store(lines.slice(i, i + LINES_PER_COMMIT));
          await nextTurn();
        }
        if (lines.length === 0) await nextTurn();
      }
    } catch (e) {
      // The renderer is never shown paths: the reader's messages name the file by its name.
      this.stop(messageOf(e).split(this.source).join(this.status.fileName));
    } finally {
      this.status.following = false;
    }
  }

  /** False (and stopped) once the workspace was closed under the follower. */
  private stillWritable(): boolean {
    if (this.ctx.workspace.db.open) return true;
    this.stop('The workspace was closed.');
    return false;
  }

  private lineTooLong(): ClaimbenchError {
    return new ClaimbenchError(
      'VALIDATION',
      `${this.status.fileName} has a line longer than ${MAX_LINE_CHARS.toLocaleString('en')} characters: it does not look like a transcript.`,
    );
  }

  /** While waiting for more: stop when the workspace closed, the session stopped, or the file was replaced. */
  private checkBeforeWait(): void {
    if (!this.stillWritable()) return;
    const why = this.sessionStopReason(findSessionRow(this.ctx.workspace.db, this.sessionId));
    if (why) {
      this.stop(why);
      return;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(this.source);
    } catch {
      throw new ClaimbenchError('VALIDATION', `${this.status.fileName} was moved or deleted while it was being followed.`);
    }
    if (stat.ino !== this.identity.ino || stat.dev !== this.identity.dev) {
      throw new ClaimbenchError(
        'VALIDATION',
        `${this.status.fileName} was replaced by another file while it was being followed. Follow it again to start on the new file.`,
      );
    }
  }

  private sessionStopReason(row: SessionRow | null): string | null {
    if (!row) return 'The session no longer exists.';
    if (row.status === 'ended') return `The session “${row.name}” ended.`;
    // Storing a line would resume it: a paused session stays paused, and the rest waits in the file.
    if (row.status === 'paused') {
      return `The session “${row.name}” was paused. Follow the file again to go on from line ${this.status.linesStored + 1} of this follow.`;
    }
    return null;
  }

  /** The lines of one read, stored in one transaction, each with how far into the file it reached. */
  private store(lines: TranscriptLine[]): void {
    const db = this.ctx.workspace.db;
    const why = this.sessionStopReason(findSessionRow(db, this.sessionId));
    if (why) {
      this.stop(why);
      return;
    }
    let stored = 0;
    let speaker = this.speaker;
    const now = Date.now();
    inWorkableSession(this.ctx, this.sessionId, now, (row) => {
      for (const line of lines) {
        if (line.text.length > MAX_LINE_CHARS) throw this.lineTooLong();
        const hasText = line.text.trim() !== '';
        appendChunk(
          this.ctx,
          row,
          { text: line.text, speaker: hasText ? speaker : undefined, consumed: { source: this.source, bytes: line.end } },
          now,
        );
        if (hasText) {
          speaker = undefined;
          stored++;
        }
      }
    });
    this.speaker = speaker;
    this.status.linesStored += stored;
    this.status.bytesConsumed = lines[lines.length - 1]!.end;
  }
}

/** The session a file may be followed into: this person's, not ended, with live capture. */
function captureSession(ctx: CoreContext, sessionId: string, now: number): SessionRow {
  const row = ownOpenSession(ctx, sessionId, now);
  if (!row.capture_document_id) {
    throw new ClaimbenchError(
      'VALIDATION',
      `The session “${row.name}” has no live capture. Start a capture session to follow a transcript file.`,
    );
  }
  return row;
}

/** The real path of a readable text file of reasonable size; refused without reading anything else. */
function transcriptFile(requested: string): { source: string; size: number } {
  const name = path.basename(requested) || requested;
  let source: string;
  let stat: fs.Stats;
  try {
    source = fs.realpathSync(path.resolve(requested));
    stat = fs.statSync(source);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ClaimbenchError(
      'NOT_FOUND',
      code === 'ENOENT' ? `${name} does not exist.` : `${name} cannot be read (${code ?? 'error'}).`,
    );
  }
  if (stat.isDirectory()) throw new ClaimbenchError('VALIDATION', `${name} is a folder, not a transcript file.`);
  if (!stat.isFile()) throw new ClaimbenchError('VALIDATION', `${name} is not a regular file.`);
  if (stat.size > MAX_FOLLOW_BYTES) {
    throw new ClaimbenchError(
      'VALIDATION',
      `${name} is too large to follow (${Math.round(stat.size / 1048576)} MB; the limit is ${MAX_FOLLOW_BYTES / 1048576} MB).`,
    );
  }
  let head: Buffer;
  try {
    const fd = fs.openSync(source, 'r');
    try {
      head = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw new ClaimbenchError('IO', `${name} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (head.includes(0)) throw new ClaimbenchError('VALIDATION', `${name} is not a text file.`);
  return { source, size: stat.size };
}

/**
 * Follow `file` into the session's live capture, from where an earlier follow of the same file
 * stopped. Following another file stops the one followed before.
 */
export function followFile(
  ctx: CoreContext,
  input: { sessionId: string; path: string; speaker?: string },
  now = Date.now(),
): FollowStatus {
  captureSession(ctx, input.sessionId, now);
  const { source, size } = transcriptFile(input.path);
  const from = consumedBytes(ctx, input.sessionId, source);
  if (size < from) {
    throw new ClaimbenchError(
      'VALIDATION',
      `${path.basename(source)} is shorter than what was already captured from it (${from.toLocaleString('en')} bytes): it is not the same transcript any more.`,
    );
  }
  const map = registry(ctx.workspace);
  const running = map.get(input.sessionId);
  if (running?.status.following && running.source === source) return { ...running.status };
  running?.stop();
  // Following is working in the session: a paused one resumes, like on any other action.
  inWorkableSession(ctx, input.sessionId, now, () => undefined);
  const follower = new Follower(ctx, input.sessionId, source, from, input.speaker, now);
  map.set(input.sessionId, follower);
  return { ...follower.status };
}

/** The host's open dialog, then followFile; null when the person cancels. */
export async function chooseAndFollow(
  ctx: CoreContext,
  input: { sessionId: string; speaker?: string },
): Promise<FollowStatus | null> {
  if (!ctx.host) throw new ClaimbenchError('FORBIDDEN', 'File dialogs are only available in the app.');
  // Refuse before asking for a file the session could not take.
  captureSession(ctx, input.sessionId, Date.now());
  const paths = await ctx.host.chooseOpen('transcript', false);
  const chosen = paths?.[0];
  if (!chosen) return null;
  return followFile(ctx, { ...input, path: chosen });
}

export function unfollow(ctx: CoreContext, sessionId: string): FollowStatus {
  loadSessionRow(ctx.workspace.db, sessionId);
  const follower = followers.get(ctx.workspace)?.get(sessionId);
  if (!follower) throw new ClaimbenchError('NOT_FOUND', 'This session is not following a transcript file.');
  follower.stop();
  return { ...follower.status };
}

export function followStatus(ctx: CoreContext, sessionId: string): FollowStatus | null {
  loadSessionRow(ctx.workspace.db, sessionId);
  const follower = followers.get(ctx.workspace)?.get(sessionId);
  return follower ? { ...follower.status } : null;
}

/** Resolves once the session's follower (if any) has ended its loop and closed the file. */
export function followerStopped(workspace: Workspace, sessionId: string): Promise<void> {
  return followers.get(workspace)?.get(sessionId)?.done ?? Promise.resolve();
}

/** How many of the workspace's followers are following now. */
export function runningFollowers(workspace: Workspace): number {
  return [...(followers.get(workspace)?.values() ?? [])].filter((f) => f.status.following).length;
}

/** Stop every follower of a workspace that is about to close; nothing is stored after this returns. */
export function stopFollowers(workspace: Workspace): void {
  for (const follower of followers.get(workspace)?.values() ?? []) follower.stop();
}
