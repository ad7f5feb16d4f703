import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { closeAllLibraries } from '../../../electron/core/library/pool';
import { STRONG_MATCH } from '../../../shared/library-api';
import { createTestContext, tempDir } from '../../helpers/workspace';

const RAISED = 'The Federal Reserve raised its target range for the federal funds rate to 1/4 to 1/2 percent in December 2015.';
const MAINTAIN =
  'Against this backdrop, the Committee decided to maintain the target range for the federal funds rate at 1/4 to 1/2 percent.';
const RAISE = 'The Committee decided to raise the target range for the federal funds rate to 1/4 to 1/2 percent.';

function feedFile(dir: string): string {
  const file = path.join(dir, 'feed.json');
  const review = (url: string, claimReviewed: string, publisher: string, date: string, rating: string) => ({
    '@type': 'ClaimReview',
    url,
    claimReviewed,
    author: { '@type': 'Organization', name: publisher },
    datePublished: date,
    reviewRating: { '@type': 'Rating', alternateName: rating },
  });
  fs.writeFileSync(
    file,
    JSON.stringify([
      review('https://checks.example/fed-raise', RAISED, 'Desk Check', '2015-12-17', 'True'),
      review(
        'https://checks.example/unemployment',
        'The unemployment rate fell to 5 percent in 2015 and inflation stayed below the 2 percent objective.',
        'PolitiFact',
        '2016-02-01',
        'Half True',
      ),
      review('https://checks.example/bleach', 'Drinking bleach cures the flu', 'PolitiFact', '2020-03-01', 'False'),
    ]),
  );
  return file;
}

afterEach(() => closeAllLibraries());

/** A workspace with the desk's fact-check library (built from the feed) created, imported and linked. */
async function withLinkedDesk() {
  const ctx = createTestContext();
  const run = <N extends Parameters<typeof call>[1]>(name: N, input: unknown) => call(ctx, name, input);
  const dir = tempDir();
  const lib = path.join(dir, 'desk.claimbench-library');
  await run('libraries.create', { path: lib });
  await run('libraries.import', { path: lib, files: [feedFile(dir)] });
  await run('libraries.link', { path: lib });
  return { run, lib };
}

describe('a published fact-check about a different event', () => {
  it('is a similar fact-check, not "checked before": its differing action is named and its figures stay whole', async () => {
    const { run } = await withLinkedDesk();
    const maintain = await run('claims.add', { text: MAINTAIN });
    const raise = await run('claims.add', { text: RAISE });

    const [similar] = await run('libraries.matchClaim', { claimId: maintain.id });
    expect(similar).toMatchObject({ url: 'https://checks.example/fed-raise' });
    expect(similar!.confidence).toBeLessThan(STRONG_MATCH);
    expect(similar!.why.differences).toEqual(['different action (maintain, not raised)']);
    expect(similar!.why.numbers).toEqual(['1/4', '1/2']);

    const [same] = await run('libraries.matchClaim', { claimId: raise.id });
    expect(same).toMatchObject({ url: 'https://checks.example/fed-raise' });
    expect(same!.confidence).toBeGreaterThanOrEqual(STRONG_MATCH);
    expect(same!.why.differences).toEqual([]);

    const badges = await run('libraries.badges', { claimIds: [maintain.id, raise.id] });
    expect(Object.keys(badges)).toEqual([raise.id]);
  });

  it('the report prints a published fact-check as another publisher’s rating of a similar claim, only on the claim it states', async () => {
    const { run } = await withLinkedDesk();
    const maintain = await run('claims.add', { text: MAINTAIN });
    await run('claims.add', { text: RAISE });
    await run('claims.setVerdict', { ids: [maintain.id], verdict: 'disputed' });
    await run('libraries.matchClaims', {});

    const render = async (format: string) => (await run('report.render', { format, options: {} })).content;
    const sentence = 'A published fact-check by Desk Check (2015) rated a similar claim True';
    const html = await render('html');
    expect(html.split(sentence)).toHaveLength(2);
    expect(html).not.toMatch(/<span class="stance">True<\/span>/);
    expect(await render('md')).toContain(`**Published fact-check elsewhere:** ${sentence}`);
    expect(await render('csv')).toContain(sentence);
  });

  it('attaches as a source that starts as context, and reads "Half True" as mixed', async () => {
    const { run, lib } = await withLinkedDesk();
    const claim = await run('claims.add', { text: RAISE });
    const source = await run('libraries.attachMatch', {
      claimId: claim.id,
      libraryPath: lib,
      url: 'https://checks.example/fed-raise',
    });
    expect(source).toMatchObject({ stance: 'context', publisher: 'Desk Check' });

    const unemployment = await run('claims.add', { text: 'The unemployment rate fell to 5 percent in 2015.' });
    const [half] = await run('libraries.matchClaim', { claimId: unemployment.id });
    expect(half).toMatchObject({ ratingText: 'Half True', verdict: 'mixed' });
  });
});
