import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import {
  act,
  focusClaim,
  getSession,
  pauseSession,
  resumeSession,
  startSession,
} from '../../../electron/core/sessions/lifecycle';
import { ABANDONED_AFTER_MS } from '../../../electron/core/sessions/clock';
import { Workspace } from '../../../electron/core/store/workspace';
import type { CoreContext } from '../../../electron/core/context';
import { createTestContext } from '../../helpers/workspace';
import { exchange, person } from '../team/team-helpers';
import { tempDir } from '../../helpers/workspace';

const ARTICLE = [
  'Officials said 157 drones and seven missiles were launched overnight.',
  'The weather was mild in the capital on Tuesday.',
  'Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the ministry said.',
  'Residents gathered in the square.',
  'The new bridge cost $2.1 billion and took 26 months to build, according to the city.',
].join(' ');

const open: { workspace: Workspace }[] = [];
function context(author = 'Ana Checker'): ReturnType<typeof createTestContext> {
  const ctx = createTestContext(author);
  open.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

async function withArticle(ctx: CoreContext, text = ARTICLE, title = 'Overnight attack') {
  const { document } = await call(ctx, 'documents.createFromText', { title, text });
  const { items } = await call(ctx, 'claims.list', { documentId: document.id, limit: 100 });
  return { documentId: document.id, claims: items };
}

describe('session queue', () => {
  it('orders the scope by check-worthiness, then document order, and starts on the first claim', async () => {
    const ctx = context();
    const { documentId, claims } = await withArticle(ctx);
    expect(claims.length).toBeGreaterThanOrEqual(3);
    await withArticle(ctx, 'Prices rose 9 percent in 2022, the statistics office said.', 'Other');
    const session = await call(ctx, 'sessions.start', { scope: { documentIds: [documentId] } });
    expect(session.name).toBe('Overnight attack');
    expect(session.counts).toEqual({
      total: claims.length,
      pending: claims.length,
      done: 0,
      skipped: 0,
      later: 0,
      decidedElsewhere: 0,
    });

    const queue = await call(ctx, 'sessions.queue', { id: session.id });
    const expected = [...claims].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.ordinal - b.ordinal).map((c) => c.id);
    expect(queue.items.map((i) => i.claim.id)).toEqual(expected);
    expect(queue.items.map((i) => i.position)).toEqual(expected.map((_, i) => i));
    expect(session.currentClaimId).toBe(expected[0]);
  });

  it('keeps the membership it started with: a verdict change does not drop a claim from a verdict-scoped queue', async () => {
    const ctx = context();
    const { claims } = await withArticle(ctx);
    await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'sourced' });
    const session = await call(ctx, 'sessions.start', { scope: { verdict: 'unreviewed' } });
    expect(session.counts.total).toBe(claims.length - 1);
    const first = (await call(ctx, 'sessions.queue', { id: session.id })).items[0]!.claim.id;
    await call(ctx, 'claims.setVerdict', { ids: [first], verdict: 'disputed' });
    expect((await call(ctx, 'sessions.get', { id: session.id })).counts.total).toBe(claims.length - 1);
  });

  it('done, skip, needs more time and reopen move the claim and choose the next one', async () => {
    const ctx = context();
    await withArticle(ctx);
    const session = await call(ctx, 'sessions.start', {});
    const order = (await call(ctx, 'sessions.queue', { id: session.id })).items.map((i) => i.claim.id);
    const [a, b, c] = order as [string, string, string];

    let r = await call(ctx, 'sessions.act', { id: session.id, claimId: a, action: 'skip' });
    expect(r.nextClaimId).toBe(b);
    r = await call(ctx, 'sessions.act', { id: session.id, claimId: b, action: 'later' });
    expect(r.nextClaimId).toBe(c);
    const rest = order.slice(3);
    for (const id of [c, ...rest]) {
      await call(ctx, 'claims.setVerdict', { ids: [id], verdict: 'disputed' });
      r = await call(ctx, 'sessions.act', { id: session.id, claimId: id, action: 'done' });
    }
    // Nothing pending is left: the skipped claim comes back; "needs more time" does not.
    expect(r.nextClaimId).toBe(a);
    expect(r.session.counts).toMatchObject({ done: 1 + rest.length, skipped: 1, later: 1, pending: 0 });
    expect(r.session.currentClaimId).toBe(a);

    const done = await call(ctx, 'sessions.queue', { id: session.id, state: 'done' });
    expect(done.items.map((i) => [i.claim.id, i.state])).toEqual([c, ...rest].map((id) => [id, 'done']));
    expect(done.total).toBe(1 + rest.length);

    r = await call(ctx, 'sessions.act', { id: session.id, claimId: b, action: 'reopen' });
    expect(r.nextClaimId).toBe(b);
    expect(r.session.counts.later).toBe(0);

    const summary = await call(ctx, 'sessions.summary', { id: session.id });
    expect(summary.verdicts).toEqual({ sourced: 0, disputed: 1 + rest.length, unverified: 0 });
    expect(summary.openItems.map((o) => o.state)).toContain('skipped');
  });

  it('refuses claims outside the queue and forgets deleted claims', async () => {
    const ctx = context();
    const { documentId, claims } = await withArticle(ctx);
    const other = await withArticle(ctx, 'Exports grew 12 percent last year, the bank said.', 'Trade');
    const session = await call(ctx, 'sessions.start', { scope: { documentIds: [documentId] } });
    await expect(
      call(ctx, 'sessions.act', { id: session.id, claimId: other.claims[0]!.id, action: 'done' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await call(ctx, 'claims.delete', { ids: [claims[0]!.id] });
    expect((await call(ctx, 'sessions.get', { id: session.id })).counts.total).toBe(claims.length - 1);
    await expect(call(ctx, 'sessions.start', { scope: { documentIds: ['nope'] } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts active time and time per claim; pausing stops both', async () => {
    const ctx = context();
    await withArticle(ctx);
    const t0 = Date.parse('2026-03-01T09:00:00Z');
    const s = startSession(ctx, {}, t0);
    const first = s.currentClaimId!;
    act(ctx, s.id, first, 'done', t0 + 40_000);
    const second = getSession(ctx, s.id, t0 + 40_000).currentClaimId!;
    pauseSession(ctx, s.id, t0 + 60_000);
    expect(getSession(ctx, s.id, t0 + 600_000).elapsedMs).toBe(60_000);
    resumeSession(ctx, s.id, t0 + 600_000);
    act(ctx, s.id, second, 'done', t0 + 630_000);
    expect(getSession(ctx, s.id, t0 + 640_000).elapsedMs).toBe(100_000);

    const done = await call(ctx, 'sessions.queue', { id: s.id, state: 'done' });
    const times = Object.fromEntries(done.items.map((i) => [i.claim.id, i.timeMs]));
    // 40 s on the first; 20 s before the pause plus 30 s after it on the second.
    expect(times).toEqual({ [first]: 40_000, [second]: 50_000 });
    const summary = await call(ctx, 'sessions.summary', { id: s.id });
    expect(summary.meanMsPerClaim).toBe(45_000);
    expect(summary.medianMsPerClaim).toBe(45_000);
  });

  it('moving to another claim charges the time to the claim the checker was on', async () => {
    const ctx = context();
    await withArticle(ctx);
    const t0 = Date.parse('2026-03-01T09:00:00Z');
    const s = startSession(ctx, {}, t0);
    const queue = (await call(ctx, 'sessions.queue', { id: s.id })).items.map((i) => i.claim.id);
    focusClaim(ctx, s.id, queue[2]!, t0 + 5_000);
    act(ctx, s.id, queue[2]!, 'done', t0 + 12_000);
    act(ctx, s.id, queue[0]!, 'done', t0 + 20_000);
    const items = (await call(ctx, 'sessions.queue', { id: s.id })).items;
    const time = (id: string) => items.find((i) => i.claim.id === id)!.timeMs;
    expect(time(queue[0]!)).toBe(5_000 + 8_000);
    expect(time(queue[2]!)).toBe(7_000);
  });

  it('a session the app left running is paused where the app was last seen, not counting the time away', async () => {
    const ctx = context();
    await withArticle(ctx);
    const t0 = Date.parse('2026-03-01T09:00:00Z');
    const s = startSession(ctx, {}, t0);
    getSession(ctx, s.id, t0 + 120_000); // the app's sign of life
    const later = getSession(ctx, s.id, t0 + 120_000 + ABANDONED_AFTER_MS + 1);
    expect(later.status).toBe('paused');
    expect(later.elapsedMs).toBe(120_000);
    const activity = await call(ctx, 'activity.list', {});
    expect(activity.items.some((i) => /Pause session .*app was closed/.test(i.action ?? ''))).toBe(true);
  });

  it('one running session per person: starting another pauses the first', async () => {
    const ctx = context();
    await withArticle(ctx);
    const first = await call(ctx, 'sessions.start', { name: 'Morning' });
    const second = await call(ctx, 'sessions.start', { name: 'Afternoon' });
    const all = await call(ctx, 'sessions.list', {});
    expect(Object.fromEntries(all.map((s) => [s.name, s.status]))).toEqual({ Morning: 'paused', Afternoon: 'active' });
    expect(second.status).toBe('active');
    expect(all.filter((x) => x.status === 'active')).toHaveLength(1);
    // Working in the paused one resumes it, and pauses the other: time is never counted twice.
    const r = await call(ctx, 'sessions.act', { id: first.id, claimId: first.currentClaimId!, action: 'skip' });
    expect(r.session.status).toBe('active');
    expect((await call(ctx, 'sessions.get', { id: second.id })).status).toBe('paused');
    await call(ctx, 'sessions.resume', { id: second.id });
    expect((await call(ctx, 'sessions.get', { id: first.id })).status).toBe('paused');
  });

  it('survives a restart: the queue, its states and the current claim are where they were', async () => {
    const ctx = context();
    await withArticle(ctx);
    const s = await call(ctx, 'sessions.start', { name: 'Evening' });
    const r = await call(ctx, 'sessions.act', { id: s.id, claimId: s.currentClaimId!, action: 'done' });
    await call(ctx, 'sessions.pause', { id: s.id });
    ctx.workspace.close();
    open.splice(open.indexOf(ctx), 1);
    const again = createTestContext('Ana Checker', ctx.file);
    // Same identity: the same person reopening their file.
    Object.assign(again, { identity: ctx.identity });
    open.push(again);
    const back = await call(again, 'sessions.get', { id: s.id });
    expect(back.status).toBe('paused');
    expect(back.counts.done).toBe(1);
    expect(back.currentClaimId).toBe(r.nextClaimId);
    const resumed = await call(again, 'sessions.resume', { id: s.id });
    expect(resumed.status).toBe('active');
  });

  it('ending records the summary in the change log; an ended session refuses work', async () => {
    const ctx = context();
    await withArticle(ctx);
    const s = await call(ctx, 'sessions.start', { name: 'Debrief' });
    await call(ctx, 'sessions.act', { id: s.id, claimId: s.currentClaimId!, action: 'done' });
    const ended = await call(ctx, 'sessions.end', { id: s.id });
    expect(ended.status).toBe('ended');
    expect(ended.endedAt).not.toBeNull();
    expect(ended.summary).toMatchObject({ reviewed: 1, pending: s.counts.total - 1 });
    const activity = await call(ctx, 'activity.list', {});
    expect(activity.items.some((i) => (i.action ?? '').startsWith('End session “Debrief”: 1 reviewed'))).toBe(true);
    await expect(call(ctx, 'sessions.act', { id: s.id, claimId: s.currentClaimId!, action: 'reopen' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('has ended'),
    });
  });

  it("a teammate's session arrives by merge, read-only, with its recorded summary", async () => {
    const dir = tempDir();
    const ana = person(dir, 'Ana');
    const ben = person(dir, 'Ben');
    open.push(ana, ben);
    await withArticle(ana);
    const s = await call(ana, 'sessions.start', { name: 'Ana’s shift' });
    await call(ana, 'sessions.act', { id: s.id, claimId: s.currentClaimId!, action: 'done' });
    await call(ana, 'sessions.end', { id: s.id });
    exchange(ana, ben);
    const seen = (await call(ben, 'sessions.list', {})).find((x) => x.id === s.id)!;
    expect(seen).toMatchObject({ mine: false, status: 'ended', ownerName: 'Ana', name: 'Ana’s shift' });
    expect(seen.summary?.reviewed).toBe(1);
    // The queue is Ana's own: Ben's copy has none, and Ben cannot work in her session.
    expect(seen.counts.total).toBe(0);
    const summary = await call(ben, 'sessions.summary', { id: s.id });
    expect(summary.reviewed).toBe(1);
    await expect(call(ben, 'sessions.pause', { id: s.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
