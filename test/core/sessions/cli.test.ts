import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { runClaimbench } from '../../helpers/cli';
import { CaptureProcess, debateSentences, labelledLines, readCapture, seeded, sleep } from '../../helpers/capture';
import { gumArticles, withoutShared } from '../../helpers/corpus';
import { createCliPersonContext, tempDir } from '../../helpers/workspace';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

interface JsonSession {
  id: string;
  name: string;
  status: string;
  currentClaimId: string | null;
  captureDocumentId: string | null;
  counts: { total: number; pending: number; done: number; skipped: number; later: number };
}

interface JsonStatus {
  session: JsonSession;
  currentClaim: { id: string; text: string } | null;
  summary: {
    reviewed: number;
    skipped: number;
    later: number;
    pending: number;
    verdicts: Record<string, number>;
    openItems: unknown[];
  };
}

/** Work in the workspace as the same person the CLI runs as. */
async function asTester<T>(file: string, fn: (ctx: ReturnType<typeof createCliPersonContext>) => Promise<T>): Promise<T> {
  const ctx = createCliPersonContext('CLI Tester', file);
  try {
    return await fn(ctx);
  } finally {
    ctx.workspace.close();
  }
}

async function importArticle(dir: string, ws: string, name: string): Promise<string> {
  const article = gumArticles().find((a) => a.name === name)!;
  const file = path.join(dir, `${name}.txt`);
  fs.writeFileSync(file, article.text);
  const documents = () => asTester(ws, async (ctx) => (await call(ctx, 'documents.list', {})).map((d) => d.id));
  const before = new Set(await documents());
  const r = runClaimbench(['import', ws, file]);
  expect(r.code, r.stderr).toBe(0);
  const added = (await documents()).filter((d) => !before.has(d));
  expect(added).toHaveLength(1);
  return added[0]!;
}

describe('claimbench session', () => {
  it.skipIf(noShared)('starts, reports and ends sessions, human and --json, as the store has them', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'desk.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);

    const none = runClaimbench(['session', 'status', ws]);
    expect(none.code).toBe(1);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toMatch(/No checking session/);

    const docA = await importArticle(dir, ws, 'GUM_news_afghan');
    await importArticle(dir, ws, 'GUM_news_taxes');

    const started = runClaimbench(['session', 'start', ws, '--document', docA, '--name', 'Morning desk', '--json']);
    expect(started.code, started.stderr).toBe(0);
    const a = JSON.parse(started.stdout) as JsonSession;
    const docAClaims = await asTester(ws, async (ctx) => {
      const stored = await call(ctx, 'sessions.get', { id: a.id });
      expect(stored).toMatchObject({ name: 'Morning desk', status: 'active', counts: a.counts });
      const claims = await call(ctx, 'claims.list', { documentId: docA, limit: 1000 });
      const queue = await call(ctx, 'sessions.queue', { id: a.id, limit: 1000 });
      expect(new Set(queue.items.map((i) => i.claim.id))).toEqual(new Set(claims.items.map((c) => c.id)));
      return claims.total;
    });
    expect(a.counts.total).toBe(docAClaims);
    expect(docAClaims).toBeGreaterThan(3);

    // Human output; the second session pauses the first and takes every claim.
    const second = runClaimbench(['session', 'start', ws]);
    expect(second.code, second.stderr).toBe(0);
    const m = /^([0-9a-f-]{36}) {2}“(.+)” {2}(\d+) claims in the queue\n$/.exec(second.stdout)!;
    expect(m, second.stdout).not.toBeNull();
    await asTester(ws, async (ctx) => {
      const all = await call(ctx, 'claims.list', { limit: 1 });
      expect(Number(m[3])).toBe(all.total);
      expect(all.total).toBeGreaterThan(docAClaims);
      expect((await call(ctx, 'sessions.get', { id: a.id })).status).toBe('paused');
      expect((await call(ctx, 'sessions.get', { id: m[1]! })).name).toBe(m[2]);

      // Back to the first session, and work through its queue in the core, as the app would.
      await call(ctx, 'sessions.pause', { id: m[1]! });
      const queue = await call(ctx, 'sessions.queue', { id: a.id, limit: 3 });
      const [c1, c2, c3] = queue.items.map((i) => i.claim.id);
      await call(ctx, 'claims.setVerdict', { ids: [c1], verdict: 'sourced' });
      await call(ctx, 'sessions.act', { id: a.id, claimId: c1!, action: 'done' });
      await call(ctx, 'sessions.act', { id: a.id, claimId: c2!, action: 'skip' });
      await call(ctx, 'sessions.act', { id: a.id, claimId: c3!, action: 'later' });
    });

    // With no --session: the running one (acting resumed the first session).
    const statusJson = runClaimbench(['session', 'status', ws, '--json']);
    expect(statusJson.code, statusJson.stderr).toBe(0);
    const st = JSON.parse(statusJson.stdout) as JsonStatus;
    await asTester(ws, async (ctx) => {
      const stored = await call(ctx, 'sessions.get', { id: st.session.id });
      expect(stored.status).toBe('active');
      expect(st.session.id).toBe(a.id);
      expect(st.session.counts).toEqual(stored.counts);
      expect(st.session.counts).toEqual({
        total: docAClaims,
        done: 1,
        skipped: 1,
        later: 1,
        pending: docAClaims - 3,
        decidedElsewhere: 0,
      });
      expect(st.currentClaim?.id).toBe(stored.currentClaimId);
      const current = await call(ctx, 'claims.get', { id: stored.currentClaimId! });
      expect(st.currentClaim?.text).toBe(current.text);
      const summary = await call(ctx, 'sessions.summary', { id: a.id });
      expect(st.summary).toMatchObject({ reviewed: 1, skipped: 1, later: 1, pending: docAClaims - 3 });
      expect(st.summary.verdicts).toEqual(summary.verdicts);
      expect(st.summary.verdicts.sourced).toBe(1);
      expect(st.summary.openItems).toHaveLength(summary.openItems.length);
    });

    const human = runClaimbench(['session', 'status', ws, '--session', a.id]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`Session “Morning desk” (${a.id})`);
    expect(human.stdout).toMatch(/Status\s+active/);
    expect(human.stdout).toMatch(/Elapsed\s+\d+:\d\d:\d\d/);
    expect(human.stdout).toContain(`1/${docAClaims} done, 1 skipped, 1 needs more time, ${docAClaims - 3} to check`);
    expect(human.stdout).toContain(st.currentClaim!.id);
    expect(human.stdout).toMatch(/Reviewed\s+1: 1 sourced, 0 disputed, 0 unverified/);

    const ended = runClaimbench(['session', 'end', ws, '--session', a.id]);
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toMatch(/Status\s+ended/);
    expect(ended.stdout).toMatch(/Reviewed\s+1: 1 sourced/);
    await asTester(ws, async (ctx) => {
      const stored = await call(ctx, 'sessions.get', { id: a.id });
      expect(stored.status).toBe('ended');
      expect(stored.summary).toMatchObject({ reviewed: 1, skipped: 1, later: 1 });
      const activity = JSON.stringify(await call(ctx, 'activity.list', {}));
      expect(activity).toContain('End session “Morning desk”');
    });
    const again = runClaimbench(['session', 'end', ws, '--session', a.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already ended/);

    const list = JSON.parse(runClaimbench(['session', 'list', ws, '--json']).stdout) as JsonSession[];
    expect(list.map((s) => s.id).sort()).toEqual([a.id, m[1]].sort());
    const listed = runClaimbench(['session', 'list', ws]);
    expect(listed.stdout.trim().split('\n')).toHaveLength(2);
    expect(listed.stdout).toMatch(/ended .*“Morning desk”/);

    for (const args of [
      ['session', 'status', ws, '--session', 'no-such-session'],
      ['session', 'start', ws, '--document', 'no-such-document'],
      ['session', 'start', path.join(dir, 'missing.claimbench')],
    ]) {
      const r = runClaimbench(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('counts a claim decided outside the session as done, in status, end summary and open items alike', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'desk.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const article = path.join(dir, 'article.txt');
    fs.writeFileSync(
      article,
      [
        'Unemployment fell to 4.1 percent in March, the lowest figure since 2001.',
        'The council spent 2.3 million pounds on road repairs last year.',
        'Crime in the city rose by 12 percent between 2019 and 2022.',
        'The new hospital will have 450 beds when it opens in 2026.',
      ].join('\n\n'),
    );
    expect(runClaimbench(['import', ws, article]).code).toBe(0);
    const [docId, claimIds] = await asTester(ws, async (ctx) => {
      const docs = await call(ctx, 'documents.list', {});
      const claims = await call(ctx, 'claims.list', { documentId: docs[0]!.id, limit: 100 });
      return [docs[0]!.id, claims.items.map((c) => c.id)] as const;
    });
    expect(claimIds.length).toBeGreaterThanOrEqual(3);
    const total = claimIds.length;

    const started = runClaimbench(['session', 'start', ws, '--document', docId, '--json']);
    expect(started.code, started.stderr).toBe(0);
    const { id } = JSON.parse(started.stdout) as JsonSession;
    const decided = claimIds[1]!;
    const marked = runClaimbench([
      'mark',
      ws,
      decided,
      'disputed',
      '--rationale',
      'The office for statistics gives 2.1 million.',
    ]);
    expect(marked.code, marked.stderr).toBe(0);

    const status = runClaimbench(['session', 'status', ws, '--json']);
    expect(status.code, status.stderr).toBe(0);
    const st = JSON.parse(status.stdout) as JsonStatus & { session: { counts: { decidedElsewhere: number } } };
    expect(st.session.counts).toEqual({ total, done: 1, skipped: 0, later: 0, pending: total - 1, decidedElsewhere: 1 });
    expect(st.summary).toMatchObject({ reviewed: 1, pending: total - 1, verdicts: { sourced: 0, disputed: 1, unverified: 0 } });
    expect(st.summary.openItems).toHaveLength(total - 1);
    expect(st.summary.openItems.map((o) => (o as { claimId: string }).claimId)).not.toContain(decided);
    expect(st.currentClaim?.id).not.toBe(decided);
    await asTester(ws, async (ctx) => {
      const queue = await call(ctx, 'sessions.queue', { id, state: 'pending', limit: 100 });
      expect(queue.items.map((i) => i.claim.id)).not.toContain(decided);
      expect(queue.total).toBe(total - 1);
    });

    const human = runClaimbench(['session', 'status', ws]);
    expect(human.stdout).toContain(
      `1/${total} done (1 decided outside the session), 0 skipped, 0 needs more time, ${total - 1} to check`,
    );
    expect(human.stdout).toMatch(/Reviewed\s+1: 0 sourced, 1 disputed, 0 unverified/);
    expect(human.stdout).toMatch(new RegExp(`Open items\\s+${total - 1}\\n`));

    const ended = runClaimbench(['session', 'end', ws]);
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toContain(`1/${total} done (1 decided outside the session)`);
    expect(ended.stdout).toMatch(/Reviewed\s+1: 0 sourced, 1 disputed/);
    expect(ended.stdout).toMatch(new RegExp(`Open items\\s+${total - 1}\\n`));
  });
});

describe('claimbench capture', () => {
  it.skipIf(noShared)('captures labelled lines from standard input and spots claims with the right speakers', async () => {
    const ws = path.join(tempDir(), 'live.claimbench');
    runClaimbench(['init', ws]);
    const random = seeded(8);
    const sentences = debateSentences();
    const worthy = sentences.filter((s) => s.checkWorthy);
    const lines = labelledLines([...worthy.slice(0, 40), ...sentences.slice(0, 40)], 30, random);
    // The last line has no newline: at end of input it is captured all the same.
    const input = lines.map((l) => l.line).join('\n');

    const r = runClaimbench(['capture', ws, '--speaker', 'HOST', '--title', 'Debate night', '--json'], { input });
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events[0]).toMatchObject({ type: 'session', name: 'Debate night' });
    expect(events.at(-1)).toMatchObject({ type: 'end', lines: 30 });
    expect(events.filter((e) => e.type === 'line').map((e) => e.text)).toEqual(lines.map((l) => l.line));

    const claims = events.filter((e) => e.type === 'claim');
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) {
      const said = lines.filter((l) => l.text.includes(c.text as string) || (c.text as string).includes(l.text));
      expect(said.length, c.text as string).toBeGreaterThan(0);
      expect(said.map((l) => l.speaker)).toContain(c.speaker);
    }

    const stored = readCapture(ws);
    expect(stored.chunks.map((c) => [c.speaker, c.text])).toEqual(lines.map((l) => [l.speaker, l.text]));
    const sessionId = events[0]!.id as string;
    await asTester(ws, async (ctx) => {
      const queue = await call(ctx, 'sessions.queue', { id: sessionId, limit: 1000 });
      expect(queue.total).toBe(claims.length);
      const bySpeaker = new Map(queue.items.map((i) => [i.claim.id, i.speaker]));
      for (const c of claims) expect(bySpeaker.get(c.id as string)).toBe(c.speaker);
      expect(queue.items.every((i) => i.capturedAt !== null)).toBe(true);
    });

    // Human output: one line per spotted claim (time, speaker, score, text), then a total.
    const more = runClaimbench(['capture', ws, '-', '--speaker', 'HOST'], {
      input: 'HARRIS: We created 800,000 manufacturing jobs in the last four years.\n',
    });
    expect(more.code, more.stderr).toBe(0);
    expect(more.stdout).toContain(`Capturing into “Debate night” (${sessionId})`);
    expect(more.stdout).toMatch(
      /\d\d:\d\d:\d\d {2}Harris\s+0\.\d\d {2}We created 800,000 manufacturing jobs in the last four years\./,
    );
    expect(more.stdout).toMatch(/Captured 1 line, 1 claim\./);

    const bad = runClaimbench(['capture', ws, path.join(path.dirname(ws), 'missing.txt'), '--speaker', 'HOST']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/No such file/);
    expect(runClaimbench(['capture', ws, '--speaker', ' '], { input: 'x\n' }).code).toBe(1);
  });

  it('needs no --speaker when the lines are labelled; a line before any speaker is refused and not stored', async () => {
    const ws = path.join(tempDir(), 'labelled.claimbench');
    runClaimbench(['init', ws]);
    const unlabelled = runClaimbench(['capture', ws, '--json'], {
      input: 'Good evening from Springfield.\nSMITH: Unemployment fell to 3.5 percent last year.\n',
    });
    expect(unlabelled.code).toBe(1);
    expect(unlabelled.stderr.trim()).toBe(
      'claimbench: “Good evening from Springfield.” names no speaker and none is known yet: start it with a label such as "HARRIS:", ' +
        'or give --speaker NAME for who speaks until the first label.',
    );
    // Refused before any line was stored: no empty capture session is left behind.
    await asTester(ws, async (ctx) => expect(await call(ctx, 'sessions.list', {})).toEqual([]));

    const r = runClaimbench(['capture', ws], {
      input: [
        'MODERATOR: Welcome to the debate. SMITH: Unemployment fell to 3.5 percent last year, the lowest in 50 years.',
        'It was 4.1 percent in 2019.',
        '',
        'JONES: The city lost 4,000 jobs in 2023, according to the state labor office.',
      ].join('\n'),
    });
    expect(r.code, r.stderr).toBe(0);
    await asTester(ws, async (ctx) => {
      const [session] = await call(ctx, 'sessions.list', {});
      const feed = await call(ctx, 'capture.feed', { sessionId: session!.id });
      expect(feed.sentences.map((x) => [x.speaker, x.text])).toEqual([
        ['Moderator', 'Welcome to the debate.'],
        ['Smith', 'Unemployment fell to 3.5 percent last year, the lowest in 50 years.'],
        ['Smith', 'It was 4.1 percent in 2019.'],
        ['Jones', 'The city lost 4,000 jobs in 2023, according to the state labor office.'],
      ]);
    });
    expect(r.stdout).toMatch(/\d\d:\d\d:\d\d {2}Smith\s+0\.\d\d {2}Unemployment fell to 3\.5 percent/);

    // A plain "Name:" starting a line is a label too, in any script; "Update:" is what the speaker said.
    const plain = path.join(tempDir(), 'plain.claimbench');
    runClaimbench(['init', plain]);
    const p = runClaimbench(['capture', plain], {
      input:
        'Володин: Закон вступил в силу 1 января 2018 года.\nHarris: Unemployment fell to 3.5 percent in 2019.\nUpdate: it was 3.7 percent.\n',
    });
    expect(p.code, p.stderr).toBe(0);
    await asTester(plain, async (ctx) => {
      const [session] = await call(ctx, 'sessions.list', {});
      const feed = await call(ctx, 'capture.feed', { sessionId: session!.id });
      expect(feed.sentences.map((x) => [x.speaker, x.text])).toEqual([
        ['Володин', 'Закон вступил в силу 1 января 2018 года.'],
        ['Harris', 'Unemployment fell to 3.5 percent in 2019.'],
        ['Harris', 'Update: it was 3.7 percent.'],
      ]);
    });
  });

  it.skipIf(noShared)('follows a growing file, waits for a line’s end, and stops cleanly on SIGTERM', async () => {
    const dir = tempDir();
    const ws = path.join(dir, 'live.claimbench');
    const transcript = path.join(dir, 'debate.txt');
    runClaimbench(['init', ws]);
    const lines = labelledLines(
      debateSentences().filter((s) => s.checkWorthy),
      12,
      seeded(12),
    );
    fs.writeFileSync(transcript, `${lines[0]!.line}\n`);

    const capture = new CaptureProcess(['capture', ws, transcript, '--speaker', 'HOST', '--json']);
    await capture.waitFor((e) => e.filter((x) => x.type === 'line').length === 1);
    for (let i = 1; i < lines.length; i++) {
      fs.appendFileSync(transcript, `${lines[i]!.line}\n`);
      await capture.waitFor((e) => e.filter((x) => x.type === 'line').length === i + 1);
    }
    // Half a line: it waits for its newline.
    const half = 'TRUMP: Inflation hit 9 percent under';
    fs.appendFileSync(transcript, half);
    await sleep(600);
    expect(capture.lineEvents()).toHaveLength(lines.length);
    capture.child.kill('SIGTERM');
    const exit = await capture.exited;
    expect(exit, capture.stderr).toEqual({ code: 0, signal: null });
    expect(capture.events().at(-1)).toMatchObject({ type: 'end', lines: lines.length });

    let stored = readCapture(ws);
    expect(stored.chunks.map((c) => [c.speaker, c.text])).toEqual(lines.map((l) => [l.speaker, l.text]));
    const complete = Buffer.byteLength(lines.map((l) => `${l.line}\n`).join(''));
    expect(stored.consumed).toEqual([{ source: fs.realpathSync(transcript), consumed: complete }]);

    // The line ends later; a rerun resumes after what was stored and reads to the end.
    fs.appendFileSync(transcript, ' them.\n');
    const rerun = runClaimbench(['capture', ws, transcript, '--speaker', 'HOST', '--no-follow', '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    stored = readCapture(ws);
    expect(stored.chunks.map((c) => c.text)).toEqual([...lines.map((l) => l.text), 'Inflation hit 9 percent under them.']);
    expect(stored.chunks.at(-1)!.speaker).toBe('Trump');
    expect(stored.consumed[0]!.consumed).toBe(fs.statSync(transcript).size);
    expect(stored.sessions).toBe(1);
  });
});
