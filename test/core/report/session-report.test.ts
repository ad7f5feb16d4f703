/**
 * Session reports: a real workspace with a live-capture session (real debate sentences from the
 * corpus, speaker labels, a claim captured by hand), triaged with done/skip/later and verdicts,
 * exported in every format and checked against what the store says (sessions.summary,
 * sessions.queue). Also: hostile session and speaker names stay inert, and a report without a
 * session scope has no trace of sessions.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { buildReportModel } from '../../../electron/core/report/build';
import { renderPdf } from '../../../electron/core/report/pdf';
import { renderReport } from '../../../electron/core/report/render';
import { CSV_COLUMNS, CSV_SESSION_COLUMNS } from '../../../electron/core/report/render-csv';
import { claimReviewSchema } from '../../../electron/core/report/render-claimreview';
import { reportModelSchema, type ReportModel } from '../../../electron/core/report/schema';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report';
import { QUEUE_STATE_LABELS, type QueueItem, type SessionSummary } from '../../../shared/sessions';
import { BUILT_ARTICLES, BUILT_DEBATE_CLAIMS } from '../../helpers/built-articles';
import { runClaimbench } from '../../helpers/cli';
import { createTestContext } from '../../helpers/workspace';
import { HOSTILE } from './fixture';

type Ctx = CoreContext & { dir: string; file: string };

const OPTIONS: ReportOptions = {
  ...DEFAULT_REPORT_OPTIONS,
  title: 'Debate night fact-check',
  organisation: 'Example Fact Desk',
  author: 'Ann Analyst',
  baseUrl: 'https://factdesk.example/debate',
};
const OUT = path.resolve('test-results/report');
const NOW = new Date('2026-03-04T22:30:00Z');

interface SessionWorkspace {
  ctx: Ctx;
  sessionId: string;
  articleDocumentId: string;
  summary: SessionSummary;
  queue: QueueItem[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One news article outside the session, then a captured debate triaged in a session. */
async function buildSessionWorkspace(
  name: string,
  speakers: readonly [string, string],
  options: { end?: boolean } = {},
): Promise<SessionWorkspace> {
  const ctx = createTestContext('Ann Analyst');
  const run = <N extends Parameters<typeof call>[1]>(op: N, input: unknown) => call(ctx, op, input);
  const article = BUILT_ARTICLES[0]!;
  const { document } = await run('documents.createFromText', { title: article.title, text: article.text, origin: 'Wikinews' });

  const session = await run('sessions.start', { name, capture: { title: 'Debate transcript' } });
  const worthy = BUILT_DEBATE_CLAIMS.map((text) => ({ text }));
  // Alternate speakers chunk by chunk, two sentences a turn, as a spotter typing along would.
  for (let i = 0; i < worthy.length; i += 2) {
    const text = worthy
      .slice(i, i + 2)
      .map((s) => s.text)
      .join(' ');
    await run('capture.append', { sessionId: session.id, text, speaker: speakers[(i / 2) % 2] });
  }
  await run('capture.flush', { sessionId: session.id });
  await run('capture.append', {
    sessionId: session.id,
    text: 'Tariffs would cost every family four thousand dollars a year',
    speaker: speakers[1],
    byHand: true,
  });

  const { items } = await run('sessions.queue', { id: session.id, limit: 500 });
  expect(items.length).toBeGreaterThanOrEqual(5);
  const [a, b, c, d] = items;
  for (const [item, verdict] of [
    [a!, 'sourced'],
    [b!, 'disputed'],
  ] as const) {
    await run('sessions.focus', { id: session.id, claimId: item.claim.id });
    await sleep(40);
    await run('claims.setVerdict', { ids: [item.claim.id], verdict, rationale: `Checked against the record (${verdict}).` });
    await run('sessions.act', { id: session.id, claimId: item.claim.id, action: 'done' });
  }
  await run('sessions.act', { id: session.id, claimId: c!.claim.id, action: 'skip' });
  await run('sessions.act', { id: session.id, claimId: d!.claim.id, action: 'later' });
  if (options.end ?? true) await run('sessions.end', { id: session.id });
  const summary = await run('sessions.summary', { id: session.id });
  const queue = (await run('sessions.queue', { id: session.id, limit: 500 })).items;
  return { ctx, sessionId: session.id, articleDocumentId: document.id, summary, queue };
}

function sessionModel(w: SessionWorkspace, extra: Partial<ReportOptions> = {}): ReportModel {
  return buildReportModel({
    db: w.ctx.workspace.db,
    workspaceName: 'debate',
    options: { ...OPTIONS, ...extra, scope: { sessionId: w.sessionId } },
    now: NOW,
    actorId: w.ctx.identity.get().actorId,
  });
}

const claimsOf = (m: ReportModel) => m.documents.flatMap((d) => d.claims);
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

let w: SessionWorkspace;
let model: ReportModel;
beforeAll(async () => {
  w = await buildSessionWorkspace('Leaders’ debate, 4 March', ['HARRIS', 'TRUMP']);
  model = sessionModel(w);
}, 60_000);
afterAll(() => w.ctx.workspace.close());

describe('the session report model', () => {
  it('matches the JSON schema and carries sessions.summary’s figures', () => {
    expect(reportModelSchema.parse(model)).toBeTruthy();
    const s = model.session!;
    const store = w.summary;
    expect(s).toMatchObject({
      id: w.sessionId,
      name: store.session.name,
      status: 'ended',
      owner: 'Ann Analyst',
      startedAt: store.session.startedAt,
      endedAt: store.session.endedAt,
      durationMs: store.durationMs,
      captureDocumentId: store.session.captureDocumentId,
      captured: store.captured,
      reviewed: store.reviewed,
      skipped: store.skipped,
      later: store.later,
      pending: store.pending,
      verdicts: store.verdicts,
      meanMsPerClaim: store.meanMsPerClaim,
      medianMsPerClaim: store.medianMsPerClaim,
      speakers: store.speakers,
      openItemsTruncated: false,
    });
    expect(s.queued).toBe(w.queue.length);
    expect(s.reviewed).toBe(2);
    expect(s.verdicts).toEqual({ sourced: 1, disputed: 1, unverified: 0 });
    expect(s.meanMsPerClaim).toBeGreaterThan(0);
    expect(s.speakers).toEqual(['HARRIS', 'TRUMP']);
    expect(s.openItems.map((o) => [o.claimId, o.state, o.stateLabel, o.speaker])).toEqual(
      store.openItems.map((o) => [o.claimId, o.state, QUEUE_STATE_LABELS[o.state], o.speaker]),
    );
    expect(model.scope.sessionId).toBe(w.sessionId);
    expect(model.scope.documentIds).toBeNull();
  });

  it('holds exactly the queue’s claims, in transcript order, each with its queue state, speaker and capture time', () => {
    const claims = claimsOf(model);
    expect(new Set(claims.map((c) => c.id))).toEqual(new Set(w.queue.map((i) => i.claim.id)));
    expect(claims.some((c) => c.documentId === w.articleDocumentId)).toBe(false);
    expect(model.summary.total).toBe(w.queue.length);
    // Text order: within the transcript, claims follow the order they were said in.
    const byDoc = model.documents.find((d) => d.id === w.summary.session.captureDocumentId)!;
    const ordinals = byDoc.claims.map((c) => w.queue.find((i) => i.claim.id === c.id)!.claim.ordinal);
    expect(ordinals).toEqual([...ordinals].sort((x, y) => x - y));
    for (const c of claims) {
      const item = w.queue.find((i) => i.claim.id === c.id)!;
      expect(c.session).toEqual({
        state: item.state,
        stateLabel: QUEUE_STATE_LABELS[item.state],
        speaker: item.speaker,
        capturedAt: item.capturedAt,
        timeMs: item.timeMs,
      });
      expect(c.verdict).toBe(item.claim.verdict);
    }
    expect(claims.map((c) => c.session!.state).sort()).toEqual(w.queue.map((i) => i.state).sort());
  });

  it('narrows the session by the other scope fields and refuses an unknown session', () => {
    const disputed = buildReportModel({
      db: w.ctx.workspace.db,
      workspaceName: 'debate',
      options: { ...OPTIONS, scope: { sessionId: w.sessionId, verdicts: ['disputed'] } },
    });
    expect(claimsOf(disputed).map((c) => c.verdict)).toEqual(['disputed']);
    expect(disputed.session?.reviewed).toBe(2);
    expect(() =>
      buildReportModel({ db: w.ctx.workspace.db, workspaceName: 'x', options: { ...OPTIONS, scope: { sessionId: 'nope' } } }),
    ).toThrow(/No checking session with id nope/);
  });

  it('follows a running session live', async () => {
    const running = await buildSessionWorkspace('Press conference', ['MINISTER', 'REPORTER'], { end: false });
    try {
      const m = sessionModel(running);
      expect(m.session!.status).toBe('active');
      expect(m.session!.endedAt).toBeNull();
      const html = new JSDOM(renderReport('html', m).content).window.document;
      expect(html.querySelector('section.session .kicker')!.textContent).toContain('In progress');
      const ended = html.querySelector('section.session .session-facts')!.textContent!;
      expect(ended).toContain('EndedIn progress');
    } finally {
      running.ctx.workspace.close();
    }
  });
});

describe('every format shows the session', () => {
  it('HTML: a “Session summary” block before the verdict summary, and a queue line on every claim', () => {
    const doc = new JSDOM(renderReport('html', model).content).window.document;
    const block = doc.querySelector('section.session')!;
    expect(block).not.toBeNull();
    expect(block.compareDocumentPosition(doc.querySelector('section.summary')!) & 4).toBe(4);
    expect(block.querySelector('h2')!.textContent).toBe('Session summary');
    expect(block.querySelector('.session-name')!.textContent).toBe(w.summary.session.name);
    const facts = Object.fromEntries(
      [...block.querySelectorAll('.session-facts > div')].map((d) => [
        d.querySelector('dt')!.textContent,
        d.querySelector('dd')!.textContent,
      ]),
    );
    expect(facts).toMatchObject({ Checker: 'Ann Analyst', Speakers: 'HARRIS, TRUMP' });
    expect(facts.Ended).toMatch(/UTC$/);
    const figures = [...block.querySelectorAll('.figure')].map((f) => flat(f.textContent!));
    expect(figures).toContain(`${w.summary.captured}captured live2 speakers`);
    expect(figures.find((f) => f.includes('reviewed'))).toContain(`${w.summary.reviewed} of ${w.queue.length}reviewed`);
    expect(figures.find((f) => f.includes('reviewed'))).toContain('1 sourced · 1 disputed · 0 unverified');
    const open = w.summary.later + w.summary.skipped + w.summary.pending;
    expect(figures.find((f) => f.includes('open'))).toContain(
      `${open}open${w.summary.later} needs more time · ${w.summary.skipped} skipped · ${w.summary.pending} to check`,
    );
    const items = [...block.querySelectorAll('ol.open-items li')];
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual(
      w.summary.openItems.slice(0, 25).map((o) => `#claim-${o.claimId}`),
    );
    for (const li of items) expect(doc.getElementById(li.querySelector('a')!.getAttribute('href')!.slice(1))).not.toBeNull();
    for (const article of doc.querySelectorAll('article.claim')) {
      const item = w.queue.find((i) => `claim-${i.claim.id}` === article.id)!;
      expect(article.querySelector('.claim-session .queue-state')!.textContent).toBe(QUEUE_STATE_LABELS[item.state]);
      expect(article.querySelector('.claim-session')!.textContent).toContain(' UTC');
    }
    expect(flat(doc.querySelector('.masthead .meta')!.textContent!)).toBe(`Covers checking session “${w.summary.session.name}”.`);
  });

  it('Markdown: a Session summary section, open items and a session line per claim', () => {
    const md = renderReport('md', model).content;
    const doc = new JSDOM(new MarkdownIt().render(md)).window.document;
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings.indexOf('Session summary')).toBe(0);
    expect(headings.indexOf('Summary')).toBe(1);
    const facts = [...doc.querySelectorAll('h2 + ul > li')].map((li) => li.textContent);
    expect(facts).toContain(`Session: ${w.summary.session.name}`);
    expect(facts).toContain(`Reviewed: ${w.summary.reviewed} of ${w.queue.length}`);
    expect(facts).toContain('Speakers: HARRIS, TRUMP');
    expect(facts).toContain('Verdicts given: 1 sourced · 1 disputed · 0 unverified');
    const openList = [...doc.querySelectorAll('p')].find((p) => p.textContent === 'Open items:')!.nextElementSibling!;
    expect(openList.querySelectorAll('li').length).toBe(w.summary.openItems.length);
    const lines = [...doc.querySelectorAll('p')].filter((p) => p.textContent!.startsWith('Session: '));
    expect(lines.map((p) => p.textContent!.split(' · ')[0])).toEqual(
      claimsOf(model).map((c) => `Session: ${c.session!.stateLabel}`),
    );
  });

  it('CSV: queue state, speaker and capture time as extra columns', () => {
    const rows = parseCsv(renderReport('csv', model).content, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CSV_COLUMNS, ...CSV_SESSION_COLUMNS]);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows.length - 1).toBe(w.queue.length);
    for (const r of rows.slice(1)) {
      const item = w.queue.find((i) => i.claim.id === r[col('claim_id')])!;
      expect([r[col('queue_state')], r[col('speaker')], r[col('captured_at')]]).toEqual([
        QUEUE_STATE_LABELS[item.state],
        item.speaker ?? '',
        item.capturedAt ?? '',
      ]);
    }
  });

  it('JSON: an optional `session` object within the report schema', () => {
    const parsed = reportModelSchema.parse(JSON.parse(renderReport('json', model).content));
    expect(parsed.schemaVersion).toBe(2);
    expect(parsed.session).toEqual(model.session);
    expect(claimsOf(parsed).map((c) => c.session)).toEqual(claimsOf(model).map((c) => c.session));
  });

  it('ClaimReview: the session’s decided claims only, nothing about the session', () => {
    const items = (JSON.parse(renderReport('claimreview', model).content) as unknown[]).map((i) => claimReviewSchema.parse(i));
    const decided = model.documents.flatMap((d) => d.claims).filter((c) => c.verdict !== null);
    expect(decided.length).toBeGreaterThan(0);
    expect(items.map((i) => i.url).sort()).toEqual(decided.map((c) => `${OPTIONS.baseUrl}#claim-${c.id}`).sort());
    for (const c of decided) expect(w.queue.some((q) => q.claim.id === c.id)).toBe(true);
    expect(renderReport('claimreview', model).content).not.toContain(w.summary.session.name);
  });
});

describe('hostile session and speaker names', () => {
  const names = [HOSTILE.script, HOSTILE.markdownLink, HOSTILE.hyperlink, HOSTILE.attrBreak, HOSTILE.img];
  let hostile: SessionWorkspace;
  let hm: ReportModel;
  beforeAll(async () => {
    hostile = await buildSessionWorkspace(`${HOSTILE.script} ${HOSTILE.hyperlink}`.slice(0, 200), [HOSTILE.img, HOSTILE.sum], {
      end: false,
    });
    for (const speaker of names) {
      await call(hostile.ctx, 'capture.append', {
        sessionId: hostile.sessionId,
        text: 'The unemployment rate fell to 3.4 percent last year',
        speaker,
        byHand: true,
      });
    }
    await call(hostile.ctx, 'sessions.end', { id: hostile.sessionId });
    hm = sessionModel(hostile);
  }, 60_000);
  afterAll(() => hostile.ctx.workspace.close());

  it('are stored as given', () => {
    expect(hm.session!.name).toBe(`${HOSTILE.script} ${HOSTILE.hyperlink}`);
    for (const n of names) expect(hm.session!.speakers).toContain(n);
  });

  it('stay text in HTML', () => {
    const html = renderReport('html', hm).content;
    const doc = new JSDOM(html).window.document;
    expect(doc.querySelectorAll('script, img, iframe, object, embed, form, base, link').length).toBe(0);
    for (const el of doc.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
    }
    expect(doc.querySelector('.session-name')!.textContent).toBe(hm.session!.name);
    const speakers = [...doc.querySelectorAll('.session-facts dd')].map((d) => d.textContent).at(-1)!;
    expect(speakers).toBe(hm.session!.speakers.join(', '));
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(#|https?:\/\/)/);
  });

  it('stay text in Markdown', () => {
    const rendered = new MarkdownIt().render(renderReport('md', hm).content);
    const doc = new JSDOM(rendered).window.document;
    expect(doc.querySelectorAll('script, img, iframe, style').length).toBe(0);
    for (const a of doc.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(doc.querySelector('a[href^="javascript"]')).toBeNull();
    expect(doc.body.textContent).toContain(`Session: ${hm.session!.name}`);
    expect(doc.body.textContent).toContain(HOSTILE.markdownLink);
  });

  it('cannot become spreadsheet formulas in CSV', () => {
    const rows = parseCsv(renderReport('csv', hm).content, { bom: true }) as string[][];
    const speakerCol = rows[0]!.indexOf('speaker');
    const speakers = rows.slice(1).map((r) => r[speakerCol]!);
    expect(speakers).toContain(`'${HOSTILE.hyperlink}`);
    expect(speakers).toContain(`'${HOSTILE.sum}`);
    for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('survive JSON verbatim and without raw angle brackets', () => {
    const json = renderReport('json', hm).content;
    expect(json).not.toMatch(/[<>]/);
    expect(reportModelSchema.parse(JSON.parse(json)).session!.speakers).toEqual(hm.session!.speakers);
  });
});

describe('reports without a session scope', () => {
  it('have no session data and the usual CSV columns, even when the workspace has sessions', () => {
    const m = buildReportModel({ db: w.ctx.workspace.db, workspaceName: 'debate', options: OPTIONS, now: NOW });
    expect('session' in m).toBe(false);
    expect('sessionId' in m.scope).toBe(false);
    expect(claimsOf(m).some((c) => 'session' in c)).toBe(false);
    expect(claimsOf(m).some((c) => c.documentId === w.articleDocumentId)).toBe(true);
    const html = new JSDOM(renderReport('html', m).content).window.document;
    expect(html.querySelectorAll('section.session, .claim-session, .queue-state').length).toBe(0);
    expect(html.querySelector('.masthead .meta')!.textContent).toBe('Covers all documents.');
    expect(renderReport('md', m).content).not.toContain('Session');
    const header = (parseCsv(renderReport('csv', m).content, { bom: true }) as string[][])[0];
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(JSON.parse(renderReport('json', m).content)).not.toHaveProperty('session');
  });

  it('a session scope is never remembered', async () => {
    const saved = await call(w.ctx, 'report.options.set', { options: { scope: { sessionId: w.sessionId } } });
    expect(saved.scope).toEqual({});
    expect((await call(w.ctx, 'report.options.get', {})).scope).toEqual({});
    // A stored value that holds one (an older build, a hand-edited file) loads without it.
    // Saving the defaults wrote nothing, so the hand edit may be the setting's first value.
    const edited = { ...OPTIONS, scope: { documentIds: [w.articleDocumentId], sessionId: w.sessionId } };
    w.ctx.workspace.recorder.action('Hand-edited options', (wr) => {
      if (wr.exists('setting', 'report.options')) wr.set('setting', 'report.options', 'value', edited);
      else wr.create('setting', 'report.options', { value: edited });
    });
    expect((await call(w.ctx, 'report.options.get', {})).scope).toEqual({ documentIds: [w.articleDocumentId] });
    const preview = await call(w.ctx, 'report.preview', { options: { scope: { sessionId: w.sessionId } } });
    expect(preview.html).toContain('Session summary');
    expect(preview.claimCount).toBe(w.queue.length);
  });
});

describe('PDF and CLI', () => {
  it('prints the session summary on the first page (pdftotext), rendered to PNG for a person to look at', async () => {
    fs.mkdirSync(OUT, { recursive: true });
    const pdfFile = path.join(OUT, 'session-report.pdf');
    fs.writeFileSync(pdfFile, await renderPdf(renderReport('html', model).content, { footerText: model.title }));
    const first = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdfFile, '-'], { encoding: 'utf8' }));
    expect(first).toContain('Session summary');
    expect(first).toContain(w.summary.session.name);
    expect(first).toContain('HARRIS, TRUMP');
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', pdfFile, path.join(OUT, 'session-page')]);
    expect(fs.readdirSync(OUT).some((n) => /^session-page-0*1\.png$/.test(n))).toBe(true);
  }, 120_000);

  it('claimbench report --session writes the session report', () => {
    const target = path.join(w.ctx.dir, 'session.json');
    const r = runClaimbench(['report', w.ctx.file, '--format', 'json', '-o', target, '--session', w.sessionId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`(json, ${w.queue.length} claims)`);
    const parsed = reportModelSchema.parse(JSON.parse(fs.readFileSync(target, 'utf8')));
    expect(parsed.session!.id).toBe(w.sessionId);
    expect(parsed.session!.reviewed).toBe(w.summary.reviewed);
    const bad = runClaimbench(['report', w.ctx.file, '--format', 'json', '-o', target, '--session', 'nope']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('No checking session with id nope');
  }, 60_000);
});
