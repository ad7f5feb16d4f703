import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { closeSentences } from '../../../shared/capture/live-segment';
import { LIVE_CAPTURE_LABELS, splitSpeakerLabel } from '../../../shared/text/speaker-turns';
import { LOCAL_SESSION_TABLES } from '../../../electron/core/store/migrations/005-sessions';
import type { Workspace } from '../../../electron/core/store/workspace';
import { createTestContext, tempDir } from '../../helpers/workspace';
import { exchange, person, snapshot } from '../team/team-helpers';

const open: { workspace: Workspace }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});
function context() {
  const ctx = createTestContext('Cam Checker');
  open.push(ctx);
  return ctx;
}

describe('speaker labels', () => {
  it.each([
    ['HARRIS: We created jobs.', 'HARRIS', 'We created jobs.'],
    ['MODERATOR (DAVID MUIR): Welcome back.', 'MODERATOR (DAVID MUIR)', 'Welcome back.'],
    ['SEN. WARREN: That is wrong.', 'SEN. WARREN', 'That is wrong.'],
    ['ВЕДУЩИЙ: Добрый вечер.', 'ВЕДУЩИЙ', 'Добрый вечер.'],
    ['Kamala Harris (01:02:03): Thank you.', 'Kamala Harris', 'Thank you.'],
    ['Q: How will the city pay for it?', 'Q', 'How will the city pay for it?'],
    ['A: A federal grant covers half.', 'A', 'A federal grant covers half.'],
  ])('%s', (line, speaker, text) => {
    expect(splitSpeakerLabel(line)).toEqual({ speaker, text });
  });

  it.each(['Note: the figure is disputed.', 'A. Smith: yes', 'In 2020: a record year', 'Update: 3 killed', 'HTTP://EXAMPLE.COM'])(
    'prose is not a label: %s',
    (line) => {
      expect(splitSpeakerLabel(line).speaker).toBeNull();
    },
  );
});

describe('speaker labels typed in live capture', () => {
  it.each([
    ['Володин: Закон вступил в силу.', 'Володин'],
    ['Harris: Unemployment fell.', 'Harris'],
    ['Jane Doe: Exports grew.', 'Jane Doe'],
    ['Dr. Ng: Cases fell.', 'Dr. Ng'],
  ])('a plain name starting the line is a label: %s', (line, speaker) => {
    expect(splitSpeakerLabel(line, LIVE_CAPTURE_LABELS).speaker).toBe(speaker);
  });

  it.each([
    'Note: the figure is disputed.',
    'Update: 3 killed.',
    'Important: the vote is tomorrow.',
    'Примечание: данные за 2019 год.',
    '10:30: the session opens.',
    'In 2020: a record year',
    'The plan: cut taxes by 2 percent.',
    'Rates rose this year, the Central Bank of the Russian Federation says: 16 percent.',
  ])('not a label: %s', (line) => {
    expect(splitSpeakerLabel(line, LIVE_CAPTURE_LABELS).speaker).toBeNull();
  });
});

describe('live segmentation', () => {
  it('keeps the last sentence open until it ends, and closes it when forced', () => {
    const text = 'Inflation fell to 3 percent. We built 400 miles of';
    const open = closeSentences(text, 0, false);
    expect(open.closed.map((r) => text.slice(r.start, r.end))).toEqual(['Inflation fell to 3 percent.']);
    expect(text.slice(open.segmentedTo).trim()).toBe('We built 400 miles of');
    const forced = closeSentences(text, open.segmentedTo, true);
    expect(forced.closed.map((r) => text.slice(r.start, r.end))).toEqual(['We built 400 miles of']);
    expect(forced.segmentedTo).toBe(text.length);
  });
});

describe('live capture', () => {
  it('segments chunks as they arrive, joins a sentence split across chunks, and queues claims with speaker and time', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: { title: 'Debate night' } });
    expect(s.counts.total).toBe(0);
    const r1 = await call(ctx, 'capture.append', {
      sessionId: s.id,
      text: 'MODERATOR: Good evening and welcome.\nHARRIS: We created 800,000 manufacturing jobs in four years. And unemployment',
    });
    expect(r1.sentences.map((x) => [x.speaker, x.text])).toEqual([
      ['Moderator', 'Good evening and welcome.'],
      ['Harris', 'We created 800,000 manufacturing jobs in four years.'],
    ]);
    expect(r1.openTail.trim()).toBe('And unemployment');
    expect(r1.claims.map((c) => [c.claimant, c.text])).toEqual([
      ['Harris', 'We created 800,000 manufacturing jobs in four years.'],
    ]);

    const r2 = await call(ctx, 'capture.append', { sessionId: s.id, text: 'fell to 3.4 percent, the lowest in 50 years.' });
    expect(r2.sentences.map((x) => x.text)).toEqual(['And unemployment fell to 3.4 percent, the lowest in 50 years.']);
    expect(r2.sentences[0]!.speaker).toBe('Harris');

    const r3 = await call(ctx, 'capture.append', { sessionId: s.id, text: 'That is not true', speaker: 'TRUMP' });
    expect(r3.openTail).toBe('That is not true');
    const flushed = await call(ctx, 'capture.flush', { sessionId: s.id });
    expect(flushed.sentences.map((x) => [x.speaker, x.text])).toEqual([['TRUMP', 'That is not true']]);

    const doc = await call(ctx, 'documents.get', { id: s.captureDocumentId! });
    expect(doc.text).toBe(
      // Each turn is written with its speaker's name as the claims give it (a typed speaker as typed).
      'Moderator: Good evening and welcome.\n\nHarris: We created 800,000 manufacturing jobs in four years. And unemployment fell to 3.4 percent, the lowest in 50 years.\n\nTRUMP: That is not true',
    );
    const queue = await call(ctx, 'sessions.queue', { id: s.id });
    expect(queue.items.length).toBeGreaterThanOrEqual(2);
    for (const item of queue.items) {
      expect(item.speaker).toBe(item.claim.claimant);
      expect(item.capturedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      // Anchors point at the exact text of the transcript.
      expect(doc.text.slice(item.claim.anchor!.start, item.claim.anchor!.end)).toBe(item.claim.anchor!.exact);
    }
    // The first claim captured became the current one; later, higher-ranked claims do not yank it away.
    const session = await call(ctx, 'sessions.get', { id: s.id });
    expect(session.currentClaimId).toBe(r1.claims[0]!.id);
    const feed = await call(ctx, 'capture.feed', { sessionId: s.id });
    expect(feed).toMatchObject({ total: 4, openTail: '', lastSpeaker: 'TRUMP', speakers: ['TRUMP', 'Harris', 'Moderator'] });
    const lastTwo = await call(ctx, 'capture.feed', { sessionId: s.id, last: 2 });
    expect(lastTwo.offset).toBe(2);
    expect(lastTwo.sentences).toEqual(feed.sentences.slice(-2));
  });

  it('a speaker label inside a typed line starts a new turn: the claim is the new speaker’s, without the label', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: { title: 'Debate night' } });
    const r = await call(ctx, 'capture.append', {
      sessionId: s.id,
      text: 'MODERATOR: Welcome to the debate. SMITH: Unemployment fell to 3.5 percent last year, the lowest in 50 years.',
    });
    expect(r.sentences.map((x) => [x.speaker, x.text])).toEqual([
      ['Moderator', 'Welcome to the debate.'],
      ['Smith', 'Unemployment fell to 3.5 percent last year, the lowest in 50 years.'],
    ]);
    expect(r.claims.map((c) => [c.claimant, c.text])).toEqual([
      ['Smith', 'Unemployment fell to 3.5 percent last year, the lowest in 50 years.'],
    ]);
    expect(r.speaker).toBe('Smith');
    // Ordinary colons in a turn are what was said.
    const plain = await call(ctx, 'capture.append', {
      sessionId: s.id,
      text: 'Note: the plant opens at 10:30. The ratio of applicants to jobs was 3:1 in 2023.',
    });
    expect(plain.speaker).toBe('Smith');
    const doc = await call(ctx, 'documents.get', { id: s.captureDocumentId! });
    expect(doc.text).toContain('Moderator: Welcome to the debate.\n\nSmith: Unemployment fell');
    expect(doc.text).toContain('Note: the plant opens at 10:30. The ratio of applicants to jobs was 3:1 in 2023.');
  });

  it('a line starting with a plain "Name:" in any script switches speaker, pasted or typed alike; notes and times do not', async () => {
    const lines = [
      'ПЕСКОВ: Президент провёл совещание.',
      'Володин: Закон вступил в силу 1 января 2018 года.',
      'Володин: Госдума приняла 45 законов за весеннюю сессию.',
      'Harris: Unemployment fell to 3.5 percent in 2019.',
      'Update: the ministry revised the figure to 3.7 percent in 2020.',
      '10:30 Harris: Wages rose 4 percent in 2021.',
      'Jane Doe: Exports grew 12 percent last year.',
    ];
    const expected = [
      ['Песков', 'Президент провёл совещание.'],
      ['Володин', 'Закон вступил в силу 1 января 2018 года.'],
      ['Володин', 'Госдума приняла 45 законов за весеннюю сессию.'],
      ['Harris', 'Unemployment fell to 3.5 percent in 2019.'],
      ['Harris', 'Update: the ministry revised the figure to 3.7 percent in 2020.'],
      ['Harris', 'Wages rose 4 percent in 2021.'],
      ['Jane Doe', 'Exports grew 12 percent last year.'],
    ];
    const pasted = context();
    const one = await call(pasted, 'sessions.start', { capture: { title: 'Briefing' } });
    const all = await call(pasted, 'capture.append', { sessionId: one.id, text: lines.join('\n') });
    expect(all.sentences.map((x) => [x.speaker, x.text])).toEqual(expected);
    expect(all.claims.filter((c) => /^(?:Володин|Harris|Jane Doe):/u.test(c.text))).toEqual([]);

    const typed = context();
    const two = await call(typed, 'sessions.start', { capture: { title: 'Briefing' } });
    const sentences = [];
    for (const line of lines)
      sentences.push(...(await call(typed, 'capture.append', { sessionId: two.id, text: line })).sentences);
    expect(sentences.map((x) => [x.speaker, x.text])).toEqual(expected);
    const claimant = (await call(typed, 'claims.list', {})).items.find((c) => c.text.startsWith('Unemployment'))?.claimant;
    expect(claimant).toBe('Harris');
  });

  it('captures by hand whatever the score, speaker remembered, first in the queue', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: {} });
    await call(ctx, 'capture.append', { sessionId: s.id, text: 'Exports grew 12 percent last year.', speaker: 'MINISTER' });
    const r = await call(ctx, 'capture.append', { sessionId: s.id, text: 'we will look at it', byHand: true });
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ text: 'we will look at it', claimant: 'MINISTER' });
    expect(r.sentences[0]!.checkWorthy).toBe(false);
    expect(r.sentences[0]!.byHand).toBe(true);
    const queue = await call(ctx, 'sessions.queue', { id: s.id });
    expect(queue.items[0]!.claim.id).toBe(r.claims[0]!.id);
  });

  it('promotes a sentence the spotter passed over; undo takes it back out of the queue', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: {} });
    const r = await call(ctx, 'capture.append', { sessionId: s.id, text: 'SPEAKER: Thank you all for coming tonight.' });
    const sentence = r.sentences[0]!;
    expect(sentence.claimId).toBeNull();
    const claim = await call(ctx, 'capture.promote', { sessionId: s.id, start: sentence.start, end: sentence.end });
    expect(claim).toMatchObject({ text: 'Thank you all for coming tonight.', claimant: 'Speaker' });
    expect(await call(ctx, 'capture.promote', { sessionId: s.id, start: sentence.start, end: sentence.end })).toMatchObject({
      id: claim.id,
    });
    expect((await call(ctx, 'capture.feed', { sessionId: s.id })).sentences[0]!.claimId).toBe(claim.id);
    expect((await call(ctx, 'sessions.get', { id: s.id })).counts.total).toBe(1);
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'sessions.get', { id: s.id })).counts.total).toBe(0);
    await call(ctx, 'capture.append', { sessionId: s.id, text: 'And more is' });
    await expect(
      call(ctx, 'capture.promote', { sessionId: s.id, start: sentence.end + 2, end: sentence.end + 10 }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps the draft; a submitted draft is cleared in the same transaction', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: {} });
    expect(await call(ctx, 'capture.draft.get', { sessionId: s.id })).toEqual({ text: '', speaker: '', savedAt: null });
    await call(ctx, 'capture.draft.save', { sessionId: s.id, text: 'GDP grew 2.8 percent', speaker: 'HARRIS' });
    expect(await call(ctx, 'capture.draft.get', { sessionId: s.id })).toMatchObject({
      text: 'GDP grew 2.8 percent',
      speaker: 'HARRIS',
    });
    await call(ctx, 'capture.append', { sessionId: s.id, text: 'GDP grew 2.8 percent', speaker: 'HARRIS' });
    expect(await call(ctx, 'capture.draft.get', { sessionId: s.id })).toMatchObject({ text: '', speaker: 'HARRIS' });
  });

  it('refuses bad input and leaves the transcript untouched', async () => {
    const ctx = context();
    const plain = await call(ctx, 'sessions.start', { name: 'No capture' });
    await expect(call(ctx, 'capture.append', { sessionId: plain.id, text: 'Hello.' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const s = await call(ctx, 'sessions.start', { capture: {} });
    await call(ctx, 'capture.append', { sessionId: s.id, text: 'GUEST: <script>alert(1)</script> costs $5 billion.\u0007' });
    const before = (await call(ctx, 'documents.get', { id: s.captureDocumentId! })).text;
    expect(before).toBe('Guest: <script>alert(1)</script> costs $5 billion.');
    await expect(call(ctx, 'capture.append', { sessionId: s.id, text: '  \n ' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(call(ctx, 'capture.append', { sessionId: s.id, text: 'x'.repeat(200_001) })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(call(ctx, 'capture.append', { sessionId: 'nope', text: 'Hi.' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(ctx, 'documents.get', { id: s.captureDocumentId! })).text).toBe(before);
  });

  it('stores a transcript at its own size: chunks, not a growing copy of the text per chunk', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: {} });
    const sentence = 'The ministry said 4,000 homes were connected to the grid in 2024. ';
    for (let i = 0; i < 200; i++) {
      await call(ctx, 'capture.append', { sessionId: s.id, text: sentence, speaker: i % 20 < 10 ? 'A' : 'B' });
    }
    const text = (await call(ctx, 'documents.get', { id: s.captureDocumentId! })).text;
    const sizes = ctx.workspace.db
      .prepare("SELECT length(value) FROM changes WHERE entity IN ('transcriptChunk', 'document') ORDER BY hlc")
      .pluck()
      .all() as number[];
    expect(text.length).toBeGreaterThan(200 * sentence.trim().length);
    // Each chunk costs the same few hundred bytes at the end of the transcript as at its start.
    expect(Math.max(...sizes)).toBeLessThan(400);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(text.length * 4);
    // Nothing whole is rewritten per chunk: the stored document row stays empty, the capture keeps a
    // small window of the end, and claims deep in the transcript are still anchored exactly.
    const row = ctx.workspace.db
      .prepare(
        'SELECT length(d.text) AS doc, length(c.window_text) AS win FROM documents d JOIN capture_state c ON c.document_id = d.id',
      )
      .get() as { doc: number; win: number };
    expect(row.doc).toBe(0);
    expect(row.win).toBeLessThan(200);
    const { items } = await call(ctx, 'claims.list', { documentId: s.captureDocumentId!, limit: 5000 });
    expect(items.length).toBeGreaterThan(150);
    for (const claim of items) expect(text.slice(claim.anchor!.start, claim.anchor!.end)).toBe(claim.anchor!.exact);
  });

  it('a teammate merging the capture gets the same transcript text and claims; share files carry no local queue or draft', async () => {
    const dir = tempDir();
    const ana = person(dir, 'Ana');
    const ben = person(dir, 'Ben');
    open.push(ana, ben);
    const s = await call(ana, 'sessions.start', { capture: { title: 'Press conference' } });
    await call(ana, 'capture.append', {
      sessionId: s.id,
      text: 'MAYOR: The new bridge cost $2.1 billion. It opened in 26 months.',
    });
    await call(ana, 'capture.append', {
      sessionId: s.id,
      text: 'REPORTER: Is that on budget?\nMAYOR: It came in 8 percent under budget.',
    });
    await call(ana, 'capture.draft.save', { sessionId: s.id, text: 'half typed', speaker: 'MAYOR' });
    exchange(ana, ben);
    const a = snapshot(ana.workspace.db);
    const b = snapshot(ben.workspace.db);
    expect(b.documents).toEqual(a.documents);
    expect(b.claims).toEqual(a.claims);
    expect(b.transcript_chunks).toEqual(a.transcript_chunks);

    // Renaming the document later rebuilds its row from the log; the transcript text must survive that.
    await call(ana, 'documents.rename', { id: s.captureDocumentId!, title: 'Mayor’s press conference' });
    exchange(ana, ben);
    expect((await call(ben, 'documents.get', { id: s.captureDocumentId! })).text).toBe(
      (await call(ana, 'documents.get', { id: s.captureDocumentId! })).text,
    );

    const target = path.join(dir, 'ana.claimbench-share');
    await call(ana, 'team.share', { target });
    const share = new Database(target, { readonly: true });
    try {
      for (const table of LOCAL_SESSION_TABLES) expect(share.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
      expect(share.prepare('SELECT count(*) FROM transcript_chunks').pluck().get()).toBe(3);
    } finally {
      share.close();
    }
    expect(fs.existsSync(target)).toBe(true);
  });

  it('the document view shows a transcript as captured, and its text cannot be replaced', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: {} });
    const r = await call(ctx, 'capture.append', {
      sessionId: s.id,
      text: 'HARRIS: Good evening. We created 800,000 manufacturing jobs.\nTRUMP: Thank you.',
    });
    await call(ctx, 'capture.flush', { sessionId: s.id });
    const { sentences } = await call(ctx, 'ingest.sentences', { documentId: s.captureDocumentId! });
    expect(sentences.map((x) => [x.claimant, x.text])).toEqual([
      ['Harris', 'Good evening.'],
      ['Harris', 'We created 800,000 manufacturing jobs.'],
      ['Trump', 'Thank you.'],
    ]);
    expect(sentences[1]!.claimId).toBe(r.claims[0]!.id);
    const before = await call(ctx, 'documents.get', { id: s.captureDocumentId! });
    await expect(call(ctx, 'documents.replaceText', { id: s.captureDocumentId!, text: 'Something else.' })).rejects.toMatchObject(
      {
        code: 'VALIDATION',
        message: expect.stringContaining('live transcript'),
      },
    );
    expect((await call(ctx, 'documents.get', { id: s.captureDocumentId! })).text).toBe(before.text);
  });

  it('search finds what was said in a transcript: one document hit, from the chunk that matched', async () => {
    const ctx = context();
    const s = await call(ctx, 'sessions.start', { capture: { title: 'Town hall' } });
    await call(ctx, 'capture.append', { sessionId: s.id, text: 'MAYOR: The ferry carried 12,000 passengers in March.' });
    await call(ctx, 'capture.append', { sessionId: s.id, text: 'GUEST: The ferry also lost money every month.' });
    const { hits } = await call(ctx, 'search', { query: 'ferry', kinds: ['document'] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'document', entityId: s.captureDocumentId, field: 'text' });
    expect(hits[0]!.snippet.text).toContain('ferry');
    const passengers = await call(ctx, 'search', { query: 'passengers', kinds: ['document'] });
    expect(passengers.hits[0]!.snippet.text).toBe('The ferry carried 12,000 passengers in March.');
    await call(ctx, 'documents.delete', { id: s.captureDocumentId! });
    expect((await call(ctx, 'search', { query: 'ferry', kinds: ['document'] })).hits).toEqual([]);
  });
});
