import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import {
  act,
  endSession,
  getSession,
  listSessions,
  pauseSession,
  pauseSessionsLeftRunning,
  resumeSession,
  startSession,
} from '../../../electron/core/sessions/lifecycle';
import type { CoreContext } from '../../../electron/core/context';
import { FileIdentityStore } from '../../../electron/core/identity/identity';
import { AppSession } from '../../../electron/shell/app-session';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { exchange, person } from '../team/team-helpers';

/**
 * Active time is counted once and paused time never, whatever the order of pause, reopening the
 * file (a new core on the same file), resume, end, a crash while running or a merge. Every
 * operation takes the clock as an argument: the figures are exact.
 */
const ARTICLE = [
  'Officials said 157 drones and seven missiles were launched overnight.',
  'Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the ministry said.',
  'The new bridge cost $2.1 billion and took 26 months to build, according to the city.',
  'Prices rose 9 percent in 2022, the statistics office said.',
  'Exports grew 12 percent last year, the ministry said.',
  'Crime fell 8 percent in 2023, police said.',
].join(' ');

const T0 = Date.parse('2026-03-01T03:19:00Z');
const at = (seconds: number) => T0 + seconds * 1000;

type Ctx = CoreContext & { file: string };
const open: Ctx[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

async function withSession(): Promise<{ ctx: Ctx; id: string }> {
  const ctx = createTestContext('Ana Checker');
  open.push(ctx);
  await call(ctx, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
  return { ctx, id: startSession(ctx, {}, at(0)).id };
}

/** The same person's file opened again by a new core (a reload of the app, a restart). */
function reopen(ctx: Ctx): Ctx {
  ctx.workspace.close();
  open.splice(open.indexOf(ctx), 1);
  const again = Object.assign(createTestContext('Ana Checker', ctx.file), { identity: ctx.identity });
  open.push(again);
  return again;
}

function markNext(ctx: CoreContext, id: string, seconds: number, action: 'done' | 'skip' | 'later' = 'done'): void {
  const current = getSession(ctx, id, at(seconds)).currentClaimId!;
  act(ctx, id, current, action, at(seconds));
}

describe('active time of a checking session', () => {
  it('pause, reopen, resume from the list, end: 5 s before the pause and 2 s after the resume make 7 s', async () => {
    const session = await withSession();
    let ctx = session.ctx;
    const id = session.id;
    markNext(ctx, id, 1);
    markNext(ctx, id, 2);
    markNext(ctx, id, 3);
    expect(pauseSession(ctx, id, at(5)).elapsedMs).toBe(5_000);
    ctx = reopen(ctx);
    expect(listSessions(ctx, at(20)).find((s) => s.id === id)).toMatchObject({ status: 'paused', elapsedMs: 5_000 });
    expect(resumeSession(ctx, id, at(26)).elapsedMs).toBe(5_000);
    markNext(ctx, id, 27, 'skip');
    markNext(ctx, id, 27.5, 'later');
    const ended = endSession(ctx, id, at(28));
    expect(ended.elapsedMs).toBe(7_000);
    expect(ended.summary?.durationMs).toBe(7_000);
    ctx = reopen(ctx);
    expect(listSessions(ctx, at(600)).find((s) => s.id === id)?.elapsedMs).toBe(7_000);
  });

  it('ending a paused session adds nothing for the pause, and a second end or pause changes nothing', async () => {
    const session = await withSession();
    let ctx = session.ctx;
    const id = session.id;
    pauseSession(ctx, id, at(4));
    ctx = reopen(ctx);
    expect(endSession(ctx, id, at(40)).elapsedMs).toBe(4_000);
    expect(() => pauseSession(ctx, id, at(50))).toThrow(/has ended/);
    expect(getSession(ctx, id, at(90)).elapsedMs).toBe(4_000);
  });

  it('pausing twice or resuming twice counts each stretch once', async () => {
    const { ctx, id } = await withSession();
    pauseSession(ctx, id, at(5));
    pauseSession(ctx, id, at(9));
    resumeSession(ctx, id, at(20));
    resumeSession(ctx, id, at(24));
    expect(endSession(ctx, id, at(30)).elapsedMs).toBe(15_000);
  });

  it('a crash while running: the app opened again pauses the session at its last sign of life', async () => {
    const session = await withSession();
    let ctx = session.ctx;
    const id = session.id;
    markNext(ctx, id, 3);
    getSession(ctx, id, at(5)); // the app's last sign of life, then it is killed (no pause)
    ctx = reopen(ctx);
    expect(pauseSessionsLeftRunning(ctx)).toBe(1);
    expect(getSession(ctx, id, at(26))).toMatchObject({ status: 'paused', elapsedMs: 5_000 });
    markNext(ctx, id, 26); // working resumes it
    const ended = endSession(ctx, id, at(28));
    expect(ended.elapsedMs).toBe(7_000);
    // The time per claim leaves out the crash too: 3 s on the first, 2 s on the one open when it crashed.
    const done = await call(ctx, 'sessions.queue', { id, state: 'done' });
    expect(done.items.map((i) => i.timeMs)).toEqual([3_000, 2_000]);
    const activity = await call(ctx, 'activity.list', {});
    expect(activity.items.some((i) => i.action === `Pause session “${ended.name}” (the app was closed)`)).toBe(true);
  });

  it('the app opening the workspace (AppSession) pauses a session a killed app left running', async () => {
    const userDataDir = tempDir();
    const identity = new FileIdentityStore(path.join(userDataDir, 'identity.json'));
    identity.setAuthor('Ana Checker');
    const file = path.join(tempDir(), 'desk.claimbench');
    const first = Object.assign(createTestContext('Ana Checker', file), { identity });
    await call(first, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
    const now = Date.now();
    const s = startSession(first, {}, now - 60_000);
    getSession(first, s.id, now - 30_000);
    first.workspace.close(); // killed: nothing paused it

    const app = new AppSession({ userDataDir, identity });
    expect(app.open(file).ok).toBe(true);
    try {
      const back = await call(app.context(), 'sessions.get', { id: s.id });
      expect(back.status).toBe('paused');
      expect(back.elapsedMs).toBe(30_000);
    } finally {
      app.close();
    }
  });

  it("a teammate's copy merged back does not bring back a running stretch already paused", async () => {
    const dir = tempDir();
    const ana = person(dir, 'Ana');
    const ben = person(dir, 'Ben');
    open.push(ana, ben);
    await call(ana, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
    const { id } = startSession(ana, {}, at(0));
    exchange(ana, ben); // Ben's copy: running since 03:19:00
    pauseSession(ana, id, at(5));
    exchange(ben, ana);
    expect(getSession(ana, id, at(20))).toMatchObject({ status: 'paused', elapsedMs: 5_000 });
    resumeSession(ana, id, at(26));
    exchange(ana, ben);
    exchange(ben, ana);
    expect(endSession(ana, id, at(28)).elapsedMs).toBe(7_000);
    exchange(ana, ben);
    const seen = (await call(ben, 'sessions.list', {})).find((s) => s.id === id)!;
    expect(seen).toMatchObject({ status: 'ended', elapsedMs: 7_000 });
    expect(seen.summary?.durationMs).toBe(7_000);
  });
});
