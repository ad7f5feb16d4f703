import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import { runClaimbench } from '../../helpers/cli';
import { createTestContext, tempDir } from '../../helpers/workspace';

const ARTICLE = [
  'Officials said 157 drones and seven missiles were launched overnight.',
  'Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the ministry said.',
  'The new bridge cost $2.1 billion and took 26 months to build, according to the city.',
  'Exports grew by 12 percent in 2023, the statistics office reported.',
].join(' ');

const open: CoreContext[] = [];
function context(file?: string): CoreContext {
  const ctx = createTestContext('Ana Checker', file);
  open.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

async function article(ctx: CoreContext) {
  const { document } = await call(ctx, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
  const { items } = await call(ctx, 'claims.list', { documentId: document.id, limit: 100 });
  expect(items.length).toBeGreaterThanOrEqual(4);
  return { documentId: document.id, claims: items };
}

const queued = async (ctx: CoreContext, id: string) =>
  (await call(ctx, 'sessions.queue', { id, limit: 100 })).items.map((i) => i.claim.id).sort();

describe('sessions respect work already done', () => {
  it('queues only the claims not reviewed yet, unless asked to include decided ones', async () => {
    const ctx = context();
    const { documentId, claims } = await article(ctx);
    const [sourced, unverified, ...rest] = claims;
    await call(ctx, 'claims.setVerdict', { ids: [sourced!.id], verdict: 'sourced' });
    // Unverified is a decision too ("checked, could not verify").
    await call(ctx, 'claims.setVerdict', { ids: [unverified!.id], verdict: 'unverified' });

    const fresh = await call(ctx, 'sessions.start', { scope: { documentIds: [documentId] } });
    expect(await queued(ctx, fresh.id)).toEqual(rest.map((c) => c.id).sort());
    expect(fresh.counts.total).toBe(rest.length);

    const all = await call(ctx, 'sessions.start', { scope: { documentIds: [documentId], includeDecided: true } });
    expect(await queued(ctx, all.id)).toEqual(claims.map((c) => c.id).sort());

    const whole = await call(ctx, 'sessions.start', {});
    expect(whole.counts.total).toBe(rest.length);

    // An explicit verdict in the scope is what the person asked for.
    const onlySourced = await call(ctx, 'sessions.start', { scope: { verdict: 'sourced' } });
    expect(await queued(ctx, onlySourced.id)).toEqual([sourced!.id]);
  });

  it('starts live capture with an empty queue unless the person picks a scope', async () => {
    const ctx = context();
    const { documentId, claims } = await article(ctx);
    const bare = await call(ctx, 'sessions.start', { capture: {} });
    expect(bare.counts.total).toBe(0);
    const decided = await call(ctx, 'sessions.start', { capture: {}, scope: { includeDecided: true } });
    expect(decided.counts.total).toBe(0);
    const scoped = await call(ctx, 'sessions.start', { capture: {}, scope: { documentIds: [documentId] } });
    expect(scoped.counts.total).toBe(claims.length);

    const captured = await call(ctx, 'capture.append', {
      sessionId: bare.id,
      text: 'The minister said inflation reached 9.1 percent in June.\n',
      speaker: 'Harris',
    });
    expect(captured.claims.length).toBeGreaterThan(0);
    const items = (await call(ctx, 'sessions.queue', { id: bare.id })).items;
    expect(items.map((i) => i.claim.id)).toEqual(captured.claims.map((c) => c.id));
    expect(items.every((i) => i.claim.verdict === null)).toBe(true);
  });

  it('counts claims decided elsewhere as reviewed, and leaves them out of the summary’s open items', async () => {
    const ctx = context();
    await article(ctx);
    const s = await call(ctx, 'sessions.start', {});
    const order = (await call(ctx, 'sessions.queue', { id: s.id })).items.map((i) => i.claim.id);
    await call(ctx, 'sessions.act', { id: s.id, claimId: order[0]!, action: 'skip' });
    await call(ctx, 'sessions.act', { id: s.id, claimId: order[1]!, action: 'later' });
    // Decided in the claim list (or by a teammate), never marked done in the session.
    await call(ctx, 'claims.setVerdict', { ids: [order[1]!, order[2]!], verdict: 'disputed' });
    const summary = await call(ctx, 'sessions.summary', { id: s.id });
    expect(summary.openItems.map((o) => o.claimId).sort()).toEqual([order[0]!, ...order.slice(3)].sort());
    expect(summary.openItems.every((o) => o.verdict === null)).toBe(true);
    expect(summary).toMatchObject({ reviewed: 2, later: 0, skipped: 1, verdicts: { disputed: 2 } });
    expect(summary.later + summary.skipped + summary.pending).toBe(summary.openItems.length);
    await call(ctx, 'sessions.end', { id: s.id });
    const ended = ctx.workspace.db
      .prepare("SELECT action_label FROM changes WHERE action_label LIKE 'End session%' LIMIT 1")
      .pluck()
      .get() as string;
    expect(ended).toMatch(new RegExp(`: 2 reviewed, ${summary.openItems.length} open$`));
  });

  it('gives a running session live capture instead of starting another', async () => {
    const ctx = context();
    await article(ctx);
    const s = await call(ctx, 'sessions.start', {});
    const withCapture = await call(ctx, 'sessions.addCapture', { id: s.id, title: 'Press conference' });
    expect(withCapture.id).toBe(s.id);
    expect(withCapture.status).toBe('active');
    expect(withCapture.captureDocumentId).not.toBeNull();
    expect(withCapture.counts.total).toBe(s.counts.total);
    const again = await call(ctx, 'sessions.addCapture', { id: s.id });
    expect(again.captureDocumentId).toBe(withCapture.captureDocumentId);
    const doc = await call(ctx, 'documents.get', { id: withCapture.captureDocumentId! });
    expect(doc.title).toBe('Press conference');
  });
});

describe('claimbench session start and capture', () => {
  it('prints the queued count, honours --include-decided, and captures into the running session', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'desk.claimbench');
    const ctx = context(ws);
    const { claims } = await article(ctx);
    await call(ctx, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'unverified' });
    ctx.workspace.close();
    open.splice(0);

    const started = runClaimbench(['session', 'start', ws, '--json']);
    expect(started.code, started.stderr).toBe(0);
    const session = JSON.parse(started.stdout) as { id: string; queued: number; counts: { total: number } };
    expect(session.queued).toBe(claims.length - 1);
    expect(session.counts.total).toBe(claims.length - 1);

    const transcript = path.join(dir, 'talk.txt');
    fs.writeFileSync(transcript, 'Prices rose 9 percent in 2022, the statistics office said.\n');
    const captured = runClaimbench(['capture', ws, transcript, '--speaker', 'Harris', '--no-follow', '--json']);
    expect(captured.code, captured.stderr).toBe(0);
    const first = JSON.parse(captured.stdout.split('\n')[0]!) as { type: string; id: string };
    expect(first).toMatchObject({ type: 'session', id: session.id });

    const list = runClaimbench(['session', 'list', ws, '--json']);
    const sessions = JSON.parse(list.stdout) as { id: string; status: string; captureDocumentId: string | null }[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ id: session.id, status: 'active' });
    expect(sessions[0]!.captureDocumentId).not.toBeNull();

    const everything = runClaimbench(['session', 'start', ws, '--include-decided', '--json']);
    expect((JSON.parse(everything.stdout) as { queued: number }).queued).toBeGreaterThanOrEqual(claims.length + 1);
    expect(runClaimbench(['help', 'session']).stdout + runClaimbench(['session', 'start', '--help']).stdout).toMatch(
      /--include-decided/,
    );
  });
});
