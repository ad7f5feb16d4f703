import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { describeChange, describeTimeline } from '../../../shared/timeline';
import { shorten } from '../../../shared/text/shorten';
import { createTestContext } from '../../helpers/workspace';

const open: ReturnType<typeof createTestContext>[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

describe('one timeline per claim', () => {
  it('lists verdict, rationale, claimant, sources, attachments, notes, tags and assignment: added, changed and removed', async () => {
    const ctx = createTestContext('Mara');
    open.push(ctx);
    const doc = await call(ctx, 'documents.createFromText', {
      text: 'Unemployment fell to 4.2 percent in March, Labour Minister Anna Berg said.',
    });
    const id = (await call(ctx, 'claims.list', { documentId: doc.document.id })).items[0]!.id;
    const other = await call(ctx, 'claims.add', { text: 'Exports grew by 12 percent.', documentId: doc.document.id });

    await call(ctx, 'claims.setVerdict', { ids: [id], verdict: 'disputed' });
    await call(ctx, 'claims.update', { id, patch: { rationale: 'Eurostat says 4.6' } });
    await call(ctx, 'claims.update', { id, patch: { claimant: 'Minister of Labour' } });
    const source = await call(ctx, 'sources.add', {
      claimId: id,
      url: 'https://ec.europa.eu/eurostat/une',
      title: 'Eurostat unemployment table',
      stance: 'supports',
    });
    await call(ctx, 'sources.update', { id: source.id, patch: { stance: 'contradicts' } });
    const attachment = await call(ctx, 'attachments.add', {
      claimId: id,
      name: 'release.txt',
      base64: Buffer.from('press release').toString('base64'),
    });
    await call(ctx, 'attachments.delete', { id: attachment.id });
    const note = await call(ctx, 'notes.add', { claimId: id, text: 'Called the ministry; no answer yet' });
    await call(ctx, 'notes.add', { claimId: id, text: 'Second thought' }).then((n) => call(ctx, 'notes.delete', { id: n.id }));
    await call(ctx, 'claims.tag', { ids: [id], add: ['economy', 'labour'] });
    await call(ctx, 'claims.tag', { ids: [id], remove: ['labour'] });
    await call(ctx, 'claims.assign', { ids: [id], assignee: 'Ben' });
    await call(ctx, 'claims.assign', { ids: [id], assignee: null });
    await call(ctx, 'sources.delete', { id: source.id });
    // Another claim's evidence stays off this timeline.
    await call(ctx, 'notes.add', { claimId: other.id, text: 'Not about this claim' });

    const timeline = await call(ctx, 'claims.history', { id });
    expect(timeline.map((e) => e.hlc)).toEqual(timeline.map((e) => e.hlc).sort());
    const lines = timeline.map((e) => {
      const d = describeChange(e);
      return d.detail ? `${d.summary} | ${d.detail}` : d.summary;
    });
    expect(lines[0]).toBe('Mara added the claim');
    // ("was Unverified" or nothing, depending on whether a new claim starts with a verdict.)
    expect(lines[1]).toMatch(/^Mara marked Disputed/);
    expect(lines.slice(2)).toEqual([
      'Mara wrote a rationale | “Eurostat says 4.6”',
      'Mara set the claimant to “Minister of Labour” | was “Anna Berg”',
      'Mara added the source “Eurostat unemployment table” (supports) | https://ec.europa.eu/eurostat/une',
      'Mara marked the source “Eurostat unemployment table” as contradicts | was supports',
      'Mara attached “release.txt”',
      'Mara removed the attachment “release.txt”',
      'Mara added a note | “Called the ministry; no answer yet”',
      'Mara added a note | “Second thought”',
      'Mara deleted a note | “Second thought”',
      'Mara added the tags “economy”, “labour”',
      'Mara removed the tag “labour”',
      'Mara assigned it to Ben',
      'Mara unassigned it | was assigned to Ben',
      'Mara removed the source “Eurostat unemployment table”',
    ]);
    expect(timeline.find((e) => e.entityId === note.id)).toMatchObject({ entity: 'note', label: note.text, origin: null });
    expect(timeline.some((e) => e.label === 'Not about this claim')).toBe(false);
  });

  it('reads a split and a merge as one line each, in a checker’s words, with the text it had', async () => {
    const ctx = createTestContext('Mara');
    open.push(ctx);
    const doc = await call(ctx, 'documents.createFromText', {
      text: 'Unemployment fell to 4.2 percent in March and exports grew by 12 percent, Labour Minister Anna Berg said.',
    });
    const claim = (await call(ctx, 'claims.list', { documentId: doc.document.id })).items[0]!;
    const { first, second } = await call(ctx, 'claims.split', { id: claim.id, offset: claim.text.indexOf(' and ') });
    const lines = async (id: string) =>
      describeTimeline(await call(ctx, 'claims.history', { id })).map((l) => (l.detail ? `${l.summary} | ${l.detail}` : l.summary));
    expect(await lines(second.id)).toEqual(['Mara split it off the claim before it']);
    await call(ctx, 'claims.mergeNext', { id: first.id });
    expect(await lines(first.id)).toEqual([
      'Mara added the claim',
      `Mara split the claim | was “${shorten(claim.text, 80)}”`,
      `Mara merged it with the next claim | was “${shorten(first.text, 80)}”`,
    ]);
  });
});
