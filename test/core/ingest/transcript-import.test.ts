import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';

/** A debate transcript imported through the app's one ingest pipeline into a real workspace, and captured live. */

const DEBATE = [
  'Town hall debate on regional transport, 14 November 2026',
  '',
  "MODERATOR: Good evening and welcome. Tonight's candidates are Governor Helen Carter and State Senator David Okafor.",
  '',
  'CARTER: Thank you. When I took office, the transit authority had a deficit of 340 million dollars.',
  '',
  'OKAFOR: That surplus exists because fares went up 28 percent in 2024. Governor Carter cut night service on 17 lines.',
  '',
  'MODERATOR: Governor, is that right?',
  '',
  'CARTER: No. We cut night service on four lines, not seventeen, and we restored two of them last spring.',
  '',
  'OKAFOR: The state auditor said the bond was underfunded by 600 million.',
  '',
  'MODERATOR: Senator Okafor, your plan would make buses free. How would you pay for that?',
].join('\n');

const EXPECTED = [
  ['Helen Carter', 'When I took office, the transit authority had a deficit of 340 million dollars.'],
  ['David Okafor', 'That surplus exists because fares went up 28 percent in 2024.'],
  ['David Okafor', 'Governor Carter cut night service on 17 lines.'],
  ['Helen Carter', 'We cut night service on four lines, not seventeen, and we restored two of them last spring.'],
  ['David Okafor', 'The state auditor said the bond was underfunded by 600 million.'],
];

let ctx: CoreContext;
afterEach(() => ctx?.workspace.close());

describe('an imported transcript', () => {
  it('stores each claim with its speaker as claimant and its anchor after the speaker label', async () => {
    ctx = createTestContext();
    const { document } = await call(ctx, 'documents.createFromText', { text: DEBATE, title: 'Town hall' });
    const text = (await call(ctx, 'documents.get', { id: document.id })).text;
    const claims = (await call(ctx, 'claims.list', { documentId: document.id })).items;
    expect(claims.map((c) => [c.claimant, c.text])).toEqual(EXPECTED);
    for (const c of claims) expect(text.slice(c.anchor!.start, c.anchor!.end)).toBe(c.text);
    // The document view's stored sentences hold no label, and carry the speaker.
    const { sentences } = await call(ctx, 'ingest.sentences', { documentId: document.id });
    expect(sentences.some((s) => /^(?:MODERATOR|CARTER|OKAFOR):/.test(s.text))).toBe(false);
    expect(sentences.find((s) => s.text === 'No.')).toMatchObject({
      claimant: 'Helen Carter',
      checkWorthy: false,
      claimId: null,
    });
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    // The title line above the first speaker dates the document.
    expect(document.publishedAt).toBe('2026-11-14');
  });

  it('live capture of the same transcript gives the same claims and claimants', async () => {
    ctx = createTestContext();
    const session = await call(ctx, 'sessions.start', { capture: { title: 'Town hall' } });
    for (const line of DEBATE.split('\n').filter((l) => l.trim()))
      await call(ctx, 'capture.append', { sessionId: session.id, text: line, speaker: 'MODERATOR' });
    await call(ctx, 'capture.flush', { sessionId: session.id });
    const claims = (await call(ctx, 'claims.list', { documentId: session.captureDocumentId! })).items;
    expect(claims.map((c) => [c.claimant, c.text])).toEqual(EXPECTED);
  });

  it('a label captured live names the speaker the person typed earlier: "CARTER:" after "Helen Carter" is her', async () => {
    ctx = createTestContext();
    const session = await call(ctx, 'sessions.start', { capture: { title: 'Budget hearing' } });
    const append = (text: string, speaker?: string) => call(ctx, 'capture.append', { sessionId: session.id, text, speaker });
    await append('Our schools hired 1,200 new teachers in 2025.', 'Helen Carter');
    await append('MODERATOR: Thank you. Senator Ruiz?');
    await append('RUIZ: Class sizes still grew by 6 percent last year.');
    await append('CARTER: The state budget grew by 12 percent in 2026.');
    await call(ctx, 'capture.flush', { sessionId: session.id });
    const claims = (await call(ctx, 'claims.list', { documentId: session.captureDocumentId! })).items;
    expect(claims.map((c) => [c.claimant, c.text])).toEqual([
      ['Helen Carter', 'Our schools hired 1,200 new teachers in 2025.'],
      ['Ruiz', 'Class sizes still grew by 6 percent last year.'],
      ['Helen Carter', 'The state budget grew by 12 percent in 2026.'],
    ]);
  });

  it('captured live, "A:" answers for the speaker the person typed; neither "Q" nor "A" becomes a speaker', async () => {
    ctx = createTestContext();
    const session = await call(ctx, 'sessions.start', { capture: { title: 'Interview' } });
    const q = await call(ctx, 'capture.append', {
      sessionId: session.id,
      text: 'Q: Did the city hire 400 new teachers last year?',
      speaker: 'Helen Carter',
    });
    expect(q.speaker).not.toBe('Q');
    const a = await call(ctx, 'capture.append', {
      sessionId: session.id,
      text: 'A: Yes, the city hired 450 new teachers in 2025, the most since 1990.',
      speaker: q.speaker ?? 'Helen Carter',
    });
    expect(a.speaker).toBe('Helen Carter');
    await call(ctx, 'capture.flush', { sessionId: session.id });
    const claims = (await call(ctx, 'claims.list', { documentId: session.captureDocumentId! })).items;
    expect(claims.map((c) => [c.claimant, c.text])).toEqual([
      ['Helen Carter', 'Yes, the city hired 450 new teachers in 2025, the most since 1990.'],
    ]);
  });

  it('"Q:" and "A:" name no one, imported or captured live', async () => {
    const interview = [
      '[00:01:02] Q: How will the city pay for the harbour?',
      '[00:01:09] A: A federal grant covers half of the 80 million euros.',
      '[00:01:30] Q: And the rest?',
      '[00:01:34] A: Port fees rose by 15 percent in 2025 to pay for it.',
    ];
    const expected = [
      [null, 'A federal grant covers half of the 80 million euros.'],
      [null, 'Port fees rose by 15 percent in 2025 to pay for it.'],
    ];
    ctx = createTestContext();
    const { document } = await call(ctx, 'documents.createFromText', { text: interview.join('\n\n'), title: 'Q&A' });
    const imported = (await call(ctx, 'claims.list', { documentId: document.id })).items;
    expect(imported.map((c) => [c.claimant, c.text])).toEqual(expected);

    const session = await call(ctx, 'sessions.start', { capture: { title: 'Q&A live' } });
    for (const line of interview) await call(ctx, 'capture.append', { sessionId: session.id, text: line });
    await call(ctx, 'capture.flush', { sessionId: session.id });
    const captured = (await call(ctx, 'claims.list', { documentId: session.captureDocumentId! })).items;
    expect(captured.map((c) => [c.claimant, c.text])).toEqual(expected);

    // Typed live without timecodes, the labels still stay out of the claims.
    const untimed = await call(ctx, 'sessions.start', { capture: { title: 'Q&A typed' } });
    for (const line of interview)
      await call(ctx, 'capture.append', { sessionId: untimed.id, text: line.replace(/^\[[\d:]+\] /, '') });
    await call(ctx, 'capture.flush', { sessionId: untimed.id });
    const typed = (await call(ctx, 'claims.list', { documentId: untimed.captureDocumentId! })).items;
    expect(typed.map((c) => [c.claimant, c.text])).toEqual(expected);
  });
});
