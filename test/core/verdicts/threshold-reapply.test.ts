import { afterEach, describe, expect, it } from 'vitest';
import type { CoreContext } from '../../../electron/core/context';
import { call } from '../../../electron/core/dispatch';
import { createTestContext } from '../../helpers/workspace';

/** Sentences of clearly different check-worthiness, so thresholds between them move claims. */
const ARTICLE = [
  'Officials said 157 drones and seven missiles were launched overnight, the air force reported on Tuesday.',
  'Unemployment fell to 3.4 percent in January, the lowest rate since 1969, the ministry said.',
  'The bridge cost $2.1 billion.',
  'Prices went up.',
  'Residents gathered in the square.',
  'It was a quiet evening.',
  'Inflation reached 9.1 percent in June, according to the statistics office.',
  'She said the plan would cost 40 million euros.',
  'Nobody knows.',
].join(' ');

const open: CoreContext[] = [];
function context(): CoreContext {
  const ctx = createTestContext('Ana Checker');
  open.push(ctx);
  return ctx;
}
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

async function liveClaims(ctx: CoreContext, documentId: string) {
  return (await call(ctx, 'claims.list', { documentId, limit: 1000 })).items;
}

async function setup() {
  const ctx = context();
  const { document } = await call(ctx, 'documents.createFromText', { title: 'Overnight', text: ARTICLE });
  const { sentences } = await call(ctx, 'ingest.sentences', { documentId: document.id });
  const scores = [...new Set(sentences.map((s) => s.score))].sort((a, b) => a - b);
  expect(scores.length).toBeGreaterThanOrEqual(4);
  return { ctx, documentId: document.id, sentences, scores };
}

describe('changing the threshold re-applies it to documents already imported', () => {
  it('adds the sentences that now reach it and removes untouched claims that fall below, in one undo step', async () => {
    const { ctx, documentId, sentences, scores } = await setup();
    const before = (await liveClaims(ctx, documentId)).map((c) => c.id).sort();

    const low = scores[1]!;
    const lowered = await call(ctx, 'spotting.setThreshold', { threshold: low });
    const atLow = await liveClaims(ctx, documentId);
    expect(atLow.length).toBe(sentences.filter((s) => s.score >= low).length);
    expect(lowered.reapplied).toEqual({ added: atLow.length - before.length, removed: 0, kept: 0, documents: 1 });
    expect(atLow.every((c) => c.verdict === null && c.score! >= low)).toBe(true);

    const high = scores[scores.length - 1]!;
    const raised = await call(ctx, 'spotting.setThreshold', { threshold: high });
    const atHigh = await liveClaims(ctx, documentId);
    expect(atHigh.length).toBe(sentences.filter((s) => s.score >= high).length);
    expect(raised.reapplied.removed).toBe(atLow.length - atHigh.length);

    // The document view agrees: every check-worthy sentence is a claim, and no other.
    const view = (await call(ctx, 'ingest.sentences', { documentId })).sentences;
    expect(view.every((s) => (s.claimId !== null) === s.checkWorthy)).toBe(true);

    // One undo step takes back the threshold and exactly the claims it moved.
    await call(ctx, 'edit.undo', {});
    expect((await call(ctx, 'spotting.getThreshold', {})).threshold).toBe(low);
    expect((await liveClaims(ctx, documentId)).map((c) => c.id).sort()).toEqual(atLow.map((c) => c.id).sort());
    await call(ctx, 'edit.undo', {});
    expect((await liveClaims(ctx, documentId)).map((c) => c.id).sort()).toEqual(before);
    await call(ctx, 'edit.redo', {});
    expect((await liveClaims(ctx, documentId)).map((c) => c.id).sort()).toEqual(atLow.map((c) => c.id).sort());
  });

  it('never removes a claim a person has touched, whatever they did to it', async () => {
    const { ctx, documentId, scores } = await setup();
    await call(ctx, 'spotting.setThreshold', { threshold: scores[0]! });
    const all = await liveClaims(ctx, documentId);
    expect(all.length).toBeGreaterThanOrEqual(8);
    const [verdict, rationale, claimant, source, note, tag, assignee, untouched] = [...all].sort((a, b) => a.score! - b.score!);
    await call(ctx, 'claims.setVerdict', { ids: [verdict!.id], verdict: 'unverified' });
    await call(ctx, 'claims.update', { id: rationale!.id, patch: { rationale: 'Looked into it.' } });
    await call(ctx, 'claims.update', { id: claimant!.id, patch: { claimant: 'The mayor' } });
    await call(ctx, 'sources.add', { claimId: source!.id, url: 'https://example.org/a', title: 'A' });
    await call(ctx, 'notes.add', { claimId: note!.id, text: 'Ask the city.' });
    await call(ctx, 'claims.tag', { ids: [tag!.id], add: ['economy'] });
    await call(ctx, 'claims.assign', { ids: [assignee!.id], assignee: 'Ben' });
    const touchedIds = [verdict, rationale, claimant, source, note, tag, assignee].map((c) => c!.id);

    const result = await call(ctx, 'spotting.setThreshold', { threshold: 1 });
    const left = (await liveClaims(ctx, documentId)).map((c) => c.id);
    for (const id of touchedIds) expect(left).toContain(id);
    expect(left).not.toContain(untouched!.id);
    expect(result.reapplied.kept).toBeGreaterThanOrEqual(touchedIds.length);
    expect(left.length).toBe(result.reapplied.kept);
  });

  it('leaves a claim a person deleted deleted, and a claim made by hand in place', async () => {
    const { ctx, documentId, sentences, scores } = await setup();
    const doc = await call(ctx, 'documents.get', { id: documentId });
    const claims = await liveClaims(ctx, documentId);
    const gone = claims[0]!;
    await call(ctx, 'claims.delete', { ids: [gone.id] });
    const quiet = sentences.find((s) => s.score === scores[0])!;
    const byHand = await call(ctx, 'claims.createFromSpan', { documentId, start: quiet.start, end: quiet.end });

    await call(ctx, 'spotting.setThreshold', { threshold: 1 });
    expect((await liveClaims(ctx, documentId)).map((c) => c.id)).toEqual([byHand.id]);
    await call(ctx, 'spotting.setThreshold', { threshold: 0 });
    const back = await liveClaims(ctx, documentId);
    expect(back.map((c) => c.id)).not.toContain(gone.id);
    expect(back.some((c) => c.anchor?.start === gone.anchor?.start)).toBe(false);
    expect(back.length).toBe(sentences.length - 1);
    expect(doc.text.length).toBeGreaterThan(0);
  });
});
