/**
 * Following a transcript file that grows while it is written: real files appended to while the
 * follower tails them, a real workspace, the real dispatcher.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FollowStatus } from '../../../shared/capture-follow-api';
import type { OpenPurpose } from '../../../shared/host-api';
import { followerStopped, MAX_FOLLOW_BYTES, runningFollowers, stopFollowers } from '../../../electron/core/capture/follow';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import type { HostServices } from '../../../electron/core/host';
import { FileIdentityStore } from '../../../electron/core/identity/identity';
import type { Workspace } from '../../../electron/core/store/workspace';
import { AppSession } from '../../../electron/shell/app-session';
import { debateSentences, labelledLines, seeded, sleep } from '../../helpers/capture';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { exchange, person } from '../team/team-helpers';
import { withoutShared } from '../../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const open: { workspace: Workspace }[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) {
    stopFollowers(c.workspace);
    c.workspace.close();
  }
});

function context(author = 'Cam Checker') {
  const ctx = createTestContext(author);
  open.push(ctx);
  return ctx;
}

/** Polls until `check` holds (the follower works on its own time); fails with the last value after `ms`. */
async function until<T>(read: () => T | Promise<T>, check: (v: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await sleep(40);
    value = await read();
  }
  return value;
}

interface StoredChunk {
  speaker: string | null;
  text: string;
}

function chunks(ctx: CoreContext, documentId: string): StoredChunk[] {
  return ctx.workspace.db
    .prepare('SELECT speaker, text FROM transcript_chunks WHERE document_id = ? AND deleted = 0 ORDER BY seq')
    .all(documentId) as StoredChunk[];
}

/** What a refused call must leave alone: the change log, the transcript chunks, the consumed offsets. */
function storeFingerprint(ctx: CoreContext): string {
  const db = ctx.workspace.db;
  return JSON.stringify([
    db.prepare('SELECT count(*) AS n, max(hlc) AS h FROM changes').get(),
    db.prepare('SELECT count(*) AS n FROM transcript_chunks').get(),
    db.prepare('SELECT * FROM capture_inputs ORDER BY session_id, source').all(),
  ]);
}

async function captureSession(ctx: CoreContext) {
  const s = await call(ctx, 'sessions.start', { name: 'Debate night', capture: { title: 'Debate, 10 September' } });
  return { id: s.id, documentId: s.captureDocumentId! };
}

function transcript(lines: string[] = []): string {
  const file = path.join(tempDir('claimbench-follow-'), 'debate.txt');
  fs.writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
  return file;
}

const status = async (ctx: CoreContext, sessionId: string): Promise<FollowStatus> =>
  (await call(ctx, 'capture.followStatus', { sessionId })).status!;

describe('following a transcript file', () => {
  it('stores lines as they are appended, switches speaker on labels, and waits for a half-written line', async () => {
    const ctx = context();
    const s = await captureSession(ctx);
    const file = transcript(['Good evening and welcome to the first presidential debate.']);
    const started = await call(ctx, 'capture.follow', { sessionId: s.id, path: file, speaker: 'MODERATOR' });
    expect(started).toMatchObject({ following: true, fileName: 'debate.txt', bytesConsumed: 0, error: null });

    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 1,
    );
    fs.appendFileSync(file, 'HARRIS: We created 800,000 manufacturing jobs in the last four years.\n');
    const two = await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 2,
    );
    expect(two).toEqual([
      { speaker: 'MODERATOR', text: 'Good evening and welcome to the first presidential debate.' },
      { speaker: 'Harris', text: 'We created 800,000 manufacturing jobs in the last four years.' },
    ]);
    // The check-worthy line became a claim in the queue, with its speaker.
    const queue = await until(
      () => call(ctx, 'sessions.queue', { id: s.id }),
      (q) => q.total >= 1,
    );
    expect(queue.items.map((i) => i.claim.text)).toContain('We created 800,000 manufacturing jobs in the last four years.');
    expect(queue.items.find((i) => i.claim.text.startsWith('We created'))?.speaker).toBe('Harris');

    // Half a line: nothing is stored until its newline arrives.
    const before = fs.statSync(file).size;
    fs.appendFileSync(file, 'And unemployment fell to');
    await sleep(700);
    expect(chunks(ctx, s.documentId)).toHaveLength(2);
    expect((await status(ctx, s.id)).bytesConsumed).toBe(before);
    fs.appendFileSync(file, ' 3.4 percent, the lowest in fifty years.\n');
    const three = await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 3,
    );
    expect(three[2]).toEqual({ speaker: 'Harris', text: 'And unemployment fell to 3.4 percent, the lowest in fifty years.' });
    expect(await status(ctx, s.id)).toMatchObject({
      following: true,
      linesStored: 3,
      bytesConsumed: fs.statSync(file).size,
      error: null,
    });
  });

  it.skipIf(noShared)('stops on unfollow, and following again resumes exactly after the last stored line', async () => {
    const ctx = context();
    const s = await captureSession(ctx);
    const lines = labelledLines(debateSentences(), 40, seeded(8), 'MODERATOR');
    const file = transcript(lines.slice(0, 10).map((l) => l.line));
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file, speaker: 'MODERATOR' });
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 10,
    );
    fs.appendFileSync(
      file,
      lines
        .slice(10, 15)
        .map((l) => `${l.line}\n`)
        .join(''),
    );
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 15,
    );

    const stopped = await call(ctx, 'capture.unfollow', { sessionId: s.id });
    expect(stopped).toMatchObject({ following: false, linesStored: 15, error: null });
    await followerStopped(ctx.workspace, s.id);
    fs.appendFileSync(
      file,
      lines
        .slice(15, 25)
        .map((l) => `${l.line}\n`)
        .join(''),
    );
    await sleep(600);
    expect(chunks(ctx, s.documentId)).toHaveLength(15);

    const again = await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    expect(again.bytesConsumed).toBe(
      Buffer.byteLength(
        lines
          .slice(0, 15)
          .map((l) => `${l.line}\n`)
          .join(''),
      ),
    );
    fs.appendFileSync(
      file,
      lines
        .slice(25)
        .map((l) => `${l.line}\n`)
        .join(''),
    );
    const all = await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length >= lines.length,
      8_000,
    );
    // Every line once, in order, with the speaker its label (or the one before) gave it.
    expect(all).toEqual(lines.map((l) => ({ speaker: l.speaker, text: l.text })));
    expect(await status(ctx, s.id)).toMatchObject({ following: true, linesStored: lines.length - 15 });
    // Following the same file again while it is followed keeps the one follower.
    expect((await call(ctx, 'capture.follow', { sessionId: s.id, path: file })).startedAt).toBe(again.startedAt);
  });

  it('a truncated file stops following with an error and stores nothing from what replaced it', async () => {
    const ctx = context();
    const s = await captureSession(ctx);
    const file = transcript(['MODERATOR: Welcome back to the debate.', 'TRUMP: Our economy was the greatest in history.']);
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 2,
    );
    const fingerprint = storeFingerprint(ctx);

    fs.truncateSync(file, 0);
    const failed = await until(
      () => status(ctx, s.id),
      (st) => !st.following,
    );
    expect(failed.error).toMatch(/debate\.txt was truncated/);
    fs.appendFileSync(file, 'HARRIS: Something new.\n');
    await sleep(500);
    expect(storeFingerprint(ctx)).toBe(fingerprint);
    // Following it again is refused: the file is shorter than what was already captured from it.
    await expect(call(ctx, 'capture.follow', { sessionId: s.id, path: file })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('shorter than what was already captured'),
    });
    expect(storeFingerprint(ctx)).toBe(fingerprint);
  });

  it('a file replaced by another (renamed over it) stops following with an error', async () => {
    const ctx = context();
    const s = await captureSession(ctx);
    const file = transcript(['MODERATOR: Welcome back to the debate.']);
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 1,
    );
    const fingerprint = storeFingerprint(ctx);
    const replacement = path.join(path.dirname(file), 'new.txt');
    fs.writeFileSync(replacement, 'MODERATOR: Welcome back to the debate.\nHARRIS: A different transcript altogether.\n');
    fs.renameSync(replacement, file);
    const failed = await until(
      () => status(ctx, s.id),
      (st) => !st.following,
    );
    expect(failed.error).toMatch(/replaced by another file/);
    expect(storeFingerprint(ctx)).toBe(fingerprint);
  });

  it('refuses bad paths, a session without capture, an ended one and a teammate’s, leaving the store untouched', async () => {
    const dir = tempDir();
    const ana = person(dir, 'Ana');
    const ben = person(dir, 'Ben');
    open.push(ana, ben);
    const s = await captureSession(ben);
    const plain = await call(ben, 'sessions.start', { name: 'Articles' });
    const ended = await captureSession(ben);
    await call(ben, 'sessions.end', { id: ended.id });
    const anas = await captureSession(ana);
    exchange(ana, ben);
    const folder = tempDir();
    const binary = path.join(folder, 'recording.txt');
    fs.writeFileSync(binary, Buffer.from([0x48, 0x49, 0x00, 0x01, 0x0a]));
    const huge = path.join(folder, 'huge.txt');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, MAX_FOLLOW_BYTES + 1); // sparse: nothing is written
    const good = transcript(['HARRIS: We created 800,000 jobs.']);
    const fingerprint = storeFingerprint(ben);

    const refused: [unknown, string, RegExp][] = [
      [{ sessionId: s.id, path: path.join(folder, 'missing.txt') }, 'NOT_FOUND', /missing\.txt does not exist/],
      [{ sessionId: s.id, path: folder }, 'VALIDATION', /is a folder/],
      [{ sessionId: s.id, path: binary }, 'VALIDATION', /not a text file/],
      [{ sessionId: s.id, path: huge }, 'VALIDATION', /too large to follow/],
      [{ sessionId: s.id, path: 'a\u0000b' }, 'VALIDATION', /NUL/],
      [{ sessionId: s.id, path: '' }, 'VALIDATION', /.+/],
      [{ sessionId: plain.id, path: good }, 'VALIDATION', /has no live capture/],
      [{ sessionId: ended.id, path: good }, 'VALIDATION', /has ended/],
      [{ sessionId: anas.id, path: good }, 'FORBIDDEN', /Ana’s session/],
      [{ sessionId: 'no-such-session', path: good }, 'NOT_FOUND', /No checking session/],
    ];
    for (const [input, code, message] of refused) {
      await expect(call(ben, 'capture.follow', input), JSON.stringify(input)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    }
    // No host (the CLI, a script): the file chooser is refused like the other host operations.
    await expect(call(ben, 'capture.chooseAndFollow', { sessionId: s.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(call(ben, 'capture.unfollow', { sessionId: s.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await call(ben, 'capture.followStatus', { sessionId: s.id })).toEqual({ status: null });
    await sleep(300);
    expect(storeFingerprint(ben)).toBe(fingerprint);
  });

  it('asks the host for a transcript file; a cancelled dialog follows nothing', async () => {
    const ctx = context();
    const s = await captureSession(ctx);
    const file = transcript(['HARRIS: We created 800,000 manufacturing jobs in the last four years.']);
    const asked: OpenPurpose[] = [];
    let answer: string[] | null = null;
    const host: HostServices = {
      chooseOpen: async (purpose) => {
        asked.push(purpose);
        return answer;
      },
      chooseSave: async () => null,
    };
    const withHost = { ...ctx, host };
    expect(await call(withHost, 'capture.chooseAndFollow', { sessionId: s.id })).toEqual({ status: null });
    answer = [file];
    const chosen = await call(withHost, 'capture.chooseAndFollow', { sessionId: s.id, speaker: 'MODERATOR' });
    expect(chosen.status).toMatchObject({ following: true, fileName: 'debate.txt' });
    expect(asked).toEqual(['transcript', 'transcript']);
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 1,
    );
    // The follower belongs to the workspace, whichever context started it.
    expect((await status(ctx, s.id)).linesStored).toBe(1);
    // A session without capture is refused before the person is asked for a file.
    const plain = await call(ctx, 'sessions.start', { name: 'Articles' });
    await expect(call(withHost, 'capture.chooseAndFollow', { sessionId: plain.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(asked).toHaveLength(2);
  });

  it('stops when the session is paused or ended, without resuming it', async () => {
    const ctx = context();
    const s = await captureSession(ctx);
    const file = transcript(['MODERATOR: Welcome back to the debate.']);
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 1,
    );
    await call(ctx, 'sessions.pause', { id: s.id });
    const paused = await until(
      () => status(ctx, s.id),
      (st) => !st.following,
    );
    expect(paused.error).toMatch(/was paused/);
    fs.appendFileSync(file, 'HARRIS: We created 800,000 manufacturing jobs.\n');
    await sleep(400);
    expect((await call(ctx, 'sessions.get', { id: s.id })).status).toBe('paused');
    expect(chunks(ctx, s.documentId)).toHaveLength(1);

    // Following again resumes the session and catches up with what waited in the file.
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    expect((await call(ctx, 'sessions.get', { id: s.id })).status).toBe('active');
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 2,
    );
    await call(ctx, 'sessions.end', { id: s.id });
    const ended = await until(
      () => status(ctx, s.id),
      (st) => !st.following,
    );
    expect(ended.error).toMatch(/ended/);
  });

  it('closing the workspace stops the follower; lines written after are left for the next follow', async () => {
    const ctx = createTestContext('Cam Checker');
    const s = await captureSession(ctx);
    const file = transcript(['MODERATOR: Welcome back to the debate.']);
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 1,
    );
    // Closed directly (not through the app): the follower notices by itself.
    ctx.workspace.close();
    fs.appendFileSync(file, 'HARRIS: We created 800,000 manufacturing jobs.\n');
    await Promise.race([
      followerStopped(ctx.workspace, s.id),
      sleep(3_000).then(() => {
        throw new Error('the follower kept running after its workspace closed');
      }),
    ]);

    const reopened = createTestContext('Cam Checker', ctx.file);
    open.push(reopened);
    expect(chunks(reopened, s.documentId)).toHaveLength(1);
    await call(reopened, 'capture.follow', { sessionId: s.id, path: file });
    const both = await until(
      () => chunks(reopened, s.documentId),
      (c) => c.length === 2,
    );
    expect(both[1]).toEqual({ speaker: 'Harris', text: 'We created 800,000 manufacturing jobs.' });
  });

  it('the app closing its workspace stops every follower before the file closes', async () => {
    const userDataDir = tempDir();
    const identity = new FileIdentityStore(path.join(userDataDir, 'identity.json'));
    identity.setAuthor('Ana Checker');
    const app = new AppSession({ userDataDir, identity });
    app.openInitial();
    const ctx = app.context();
    const workspace = ctx.workspace;
    const s = await captureSession(ctx);
    const file = transcript(['MODERATOR: Welcome back to the debate.']);
    await call(ctx, 'capture.follow', { sessionId: s.id, path: file });
    await until(
      () => chunks(ctx, s.documentId),
      (c) => c.length === 1,
    );
    expect(runningFollowers(workspace)).toBe(1);
    app.close();
    // Stopped at once, not at the follower's next look at the file.
    expect(runningFollowers(workspace)).toBe(0);
    await followerStopped(workspace, s.id);
    fs.appendFileSync(file, 'HARRIS: We created 800,000 manufacturing jobs.\n');
    app.openInitial();
    const again = app.context();
    await sleep(400);
    expect(chunks(again, s.documentId)).toHaveLength(1);
    expect(await call(again, 'capture.followStatus', { sessionId: s.id })).toEqual({ status: null });
    app.close();
  });
});
