import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { CoreContext } from '../../../electron/core/context';
import { createTestContext } from '../../helpers/workspace';

let ctx: CoreContext & { dir: string };
afterEach(() => ctx?.workspace.close());

async function importText(name: string, text: string) {
  const r = await call(ctx, 'ingest.importFile', { name, dataBase64: Buffer.from(text).toString('base64') });
  expect(r.status, r.error?.message).toBe('imported');
  return call(ctx, 'documents.get', { id: r.document!.id });
}

/** A statement wrapped at 78 columns, as mailing lists and government releases publish them. */
const WRAPPED = `Harbour Board statement

The Harbour Board met on Tuesday and reviewed the figures for the third quarter.
Container traffic through the port has been increasing at solid
rates in recent months, and the ferry service has improved further; however,
freight volumes from the north have been soft. Dredging of the outer channel
finished in May, two months late.

The Board decided:
- to raise berth fees by 4 percent from January;
- to hire 12 more pilots.

MAYOR HALL: The port moved 2.1 million containers last year, a record for the
city and well above the 1.8 million the Board forecast in 2022.
BOARD CHAIR: We expect more next year.

Harbour Board
1 Quay Street
Port Ellis

The sea is grey
the gulls are loud
and ships come in
`;

describe('hard-wrapped plain text', () => {
  it('reads wrapped lines of a paragraph as one line and keeps lists, turns, addresses and verse apart', async () => {
    ctx = createTestContext();
    const doc = await importText('statement.txt', WRAPPED);
    expect(doc.text.length).toBe(WRAPPED.trim().length);
    expect(doc.text).toContain(
      'Container traffic through the port has been increasing at solid rates in recent months, and the ferry service has improved further; however, freight volumes from the north have been soft.',
    );
    expect(doc.text).toContain('a record for the city and well above');
    for (const kept of [
      'Harbour Board statement\n\nThe Harbour Board',
      'The Board decided:\n- to raise',
      'January;\n- to hire',
      'in 2022.\nBOARD CHAIR:',
      'Harbour Board\n1 Quay Street\nPort Ellis',
      'The sea is grey\nthe gulls are loud\nand ships come in',
    ])
      expect(doc.text).toContain(kept);

    const claims = (await call(ctx, 'claims.list', { documentId: doc.id })).items;
    const traffic = claims.find((c) => c.text.startsWith('Container traffic'))!;
    expect(traffic.text).toMatch(/solid rates in recent months/);
    expect(doc.text.slice(traffic.anchor!.start, traffic.anchor!.end)).toBe(traffic.anchor!.exact);
    for (const c of claims) expect(c.text, c.text).not.toMatch(/\n/);
  });

  it('merges, splits and edits claims into text without line breaks, offsets still on the document', async () => {
    ctx = createTestContext();
    const text =
      'Exports fell 3 percent in March, the ministry said.\nImports rose 5 percent over the same month.\n\nThe deficit reached $4 billion in April.';
    const doc = await importText('trade.txt', text);
    for (const id of (await call(ctx, 'claims.list', { documentId: doc.id })).items.map((c) => c.id))
      await call(ctx, 'claims.delete', { ids: [id] });
    const first = await call(ctx, 'claims.createFromSpan', {
      documentId: doc.id,
      start: 0,
      end: doc.text.indexOf('The deficit'),
    });
    expect(first.text).toBe('Exports fell 3 percent in March, the ministry said. Imports rose 5 percent over the same month.');
    const second = await call(ctx, 'claims.createFromSpan', {
      documentId: doc.id,
      start: doc.text.indexOf('The deficit'),
      end: doc.text.length,
    });
    const merged = await call(ctx, 'claims.mergeNext', { id: first.id });
    expect(merged.text).toBe(
      'Exports fell 3 percent in March, the ministry said. Imports rose 5 percent over the same month. The deficit reached $4 billion in April.',
    );
    expect(merged.anchor).toMatchObject({ start: 0, end: doc.text.length, exact: doc.text });
    // The merged claim reads as the document read its sentences: its strongest one's score, every one's reasons.
    const { sentences } = await call(ctx, 'ingest.sentences', { documentId: doc.id });
    expect(merged.score).toBe(Math.max(...sentences.map((x) => x.score)));
    const kinds = new Set(merged.reasons.map((r) => r.kind));
    for (const k of sentences.flatMap((x) => x.reasons.map((r) => r.kind))) expect(kinds, k).toContain(k);
    await expect(call(ctx, 'claims.get', { id: second.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const { first: a } = await call(ctx, 'claims.split', { id: merged.id, offset: doc.text.indexOf('The deficit') });
    expect(a.text).not.toMatch(/\n/);
    const edited = await call(ctx, 'claims.update', { id: a.id, patch: { text: 'Exports fell 3 percent\nin March.\n' } });
    expect(edited.text).toBe('Exports fell 3 percent in March.');
  });
});

/** A story written one paragraph a line, with no blank lines, none of them running far past the others. */
const ONE_PARAGRAPH_A_LINE = `Harbour City sack manager after eight defeats as owners warn of losses
By Tom Ellery, Sports Business Reporter
Harbour City have sacked their manager after a run of eight defeats in nine league matches.
The club said in a statement that the decision had been difficult but necessary.
Assistant coach Dean Hollis will take charge of the team for Sunday's match.
The chief executive, Jane Roe, said the board would appoint a successor soon.
She said the club had lost £48 million in the last financial year.
`;

describe('lines written one paragraph each', () => {
  it('keeps the headline, the byline and each paragraph on its own line', async () => {
    ctx = createTestContext();
    const doc = await importText('story.txt', ONE_PARAGRAPH_A_LINE);
    expect(doc.text).toContain('of losses\nBy Tom Ellery');
    expect(doc.text).toContain('Reporter\nHarbour City have');
    const claims = (await call(ctx, 'claims.list', { documentId: doc.id })).items;
    for (const c of claims) expect(c.text, c.text).not.toMatch(/By Tom Ellery/);
  });
});

describe('line breaks in web pages', () => {
  it('a <br> inside a sentence does not cut it, one between address lines does; a logo names the subject after it', async () => {
    ctx = createTestContext();
    const html = `<html><head><title>Annual report</title></head><body><article>
      <div><p><img src="logo.svg" alt="The Harbour Foundation"></p>
      <h3>was founded in 1990 to protect the rights of harbour workers, and has 25,000 members around the world.</h3></div>
      <p><img src="boat.jpg" alt="A boat in the harbour at dawn."></p>
      <p>Ferries carried 1.2 million passengers in 2015, the port authority said.</p>
      <p>The foundation spent 2.4 million dollars on legal work in 2015, up from 1.9 million the year before.
      Our annual report has the figures for the fiscal year ending June 2015. To learn more, read our
      <br><a href="/review">Year in Review series</a>.</p>
      <p>Foundation office<br>815 Eddy Street<br>San Francisco</p>
      <p>To read more about the foundation in the news, see our <a href="/press">press mentions</a>.</p>
    </article></body></html>`;
    const doc = await importText('report.html', html);
    expect(doc.text).toContain('To learn more, read our Year in Review series.');
    expect(doc.text).toContain('Foundation office\n815 Eddy Street\nSan Francisco');
    // A logo's alt text is the subject of the sentence that reads on from it; a picture's description is not text.
    expect(doc.text).toContain('The Harbour Foundation was founded in 1990 to protect the rights of harbour workers');
    expect(doc.text).not.toContain('A boat in the harbour');
    const { sentences } = await call(ctx, 'ingest.sentences', { documentId: doc.id });
    expect(sentences.map((s) => doc.text.slice(s.start, s.end))).toContain('To learn more, read our Year in Review series.');
    const claims = (await call(ctx, 'claims.list', { documentId: doc.id })).items.map((c) => c.text);
    expect(claims.some((c) => /2\.4 million/.test(c))).toBe(true);
    expect(claims.filter((c) => /Year in Review|press mentions/.test(c))).toEqual([]);
  });
});
