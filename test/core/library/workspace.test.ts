import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { displayPath } from '../../../electron/core/display-path';
import { libraryIdOf } from '../../../electron/core/library/links';
import { closeAllLibraries } from '../../../electron/core/library/pool';
import { BEFORE_CHEAPER_CLAIM_WRITES, createTestContext, tempDir } from '../../helpers/workspace';

function feedFile(dir: string): string {
  const file = path.join(dir, 'feed.json');
  fs.writeFileSync(
    file,
    JSON.stringify([
      {
        '@type': 'ClaimReview',
        url: 'https://checks.example/drones',
        claimReviewed: 'Russia launched 157 drones and seven missiles at Ukraine overnight',
        headline: 'Did Russia launch 157 drones in one night?',
        author: { '@type': 'Organization', name: '<b>Fact</b> Desk' },
        datePublished: '2024-05-12',
        reviewRating: { '@type': 'Rating', alternateName: '=HYPERLINK("http://evil")' },
      },
      {
        '@type': 'ClaimReview',
        url: 'https://checks.example/bleach',
        claimReviewed: 'Drinking bleach cures the flu',
        author: { '@type': 'Organization', name: 'PolitiFact' },
        datePublished: '2020-03-01',
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
      },
      {
        '@type': 'ClaimReview',
        url: 'https://checks.example/robot',
        claimReviewed: 'Robot',
        author: { '@type': 'Organization', name: 'Fact Desk' },
        reviewRating: { '@type': 'Rating', alternateName: 'Miscaptioned' },
      },
    ]),
  );
  return file;
}

afterEach(() => closeAllLibraries());

describe('libraries linked to a workspace', () => {
  it('matches the claims of an import when it commits, before anyone looks at them', async () => {
    const ctx = createTestContext();
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    await call(ctx, 'libraries.create', { path: lib });
    await call(ctx, 'libraries.import', { path: lib, files: [feedFile(dir)] });
    const doc = await call(ctx, 'documents.createFromText', {
      text: 'Overnight Russia launched 157 drones and seven missiles at Ukraine, the air force said. The weather was mild.',
    });
    const claims = (await call(ctx, 'claims.list', { documentId: doc.document.id })).items;
    expect(claims.length).toBeGreaterThan(0);
    const stored = ctx.workspace.db.prepare('SELECT claim_id, review_url FROM claim_library_matches').all() as {
      claim_id: string;
      review_url: string;
    }[];
    expect(stored.map((r) => r.claim_id).sort()).toEqual(claims.map((c) => c.id).sort());
    const drones = claims.find((c) => /157 drones/.test(c.text))!;
    expect(stored.find((r) => r.claim_id === drones.id)?.review_url).toBe('https://checks.example/drones');
    ctx.workspace.close();
  });

  it('links, matches every claim, badges strong matches and attaches a match as a source with its stance', async () => {
    const ctx = createTestContext();
    const run = <N extends Parameters<typeof call>[1]>(name: N, input: unknown) => call(ctx, name, input);
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    await run('libraries.create', { path: lib });
    const imported = await run('libraries.import', { path: lib, files: [feedFile(dir)] });
    expect(imported).toMatchObject({ added: 3, skipped: [] });
    expect(await run('libraries.list', {})).toEqual([
      { path: lib, id: libraryIdOf(lib), name: 'desk.claimbench-library', location: displayPath(lib), reviews: 3, problem: null },
    ]);

    const bleach = await run('claims.add', { text: 'A senator said drinking bleach cures flu' });
    const weather = await run('claims.add', { text: 'The weather was lovely at the rally' });
    // The one-word fact-check "Robot" is all in this claim, but one shared word is not a fact-check of it.
    const robot = await run('claims.add', { text: 'The team had to rebuild their robot after the original went missing' });
    const badges = await run('libraries.badges', { claimIds: [bleach.id, weather.id, robot.id] });
    expect(Object.keys(badges)).toEqual([bleach.id]);
    const [robotMatch] = await run('libraries.matchClaim', { claimId: robot.id });
    expect(robotMatch).toMatchObject({ url: 'https://checks.example/robot' });
    expect(robotMatch!.confidence).toBeLessThan(0.5);
    expect(badges[bleach.id]).toMatchObject({
      url: 'https://checks.example/bleach',
      ratingText: 'False',
      publisher: 'PolitiFact',
      datePublished: '2020-03-01',
    });

    // An edited claim is matched again the next time it is shown.
    await run('claims.update', {
      id: weather.id,
      patch: { text: 'Overnight Russia launched 157 drones and seven missiles at Ukraine' },
    });
    expect((await run('libraries.badges', { claimIds: [weather.id] }))[weather.id]).toMatchObject({
      url: 'https://checks.example/drones',
    });
    const matches = await run('libraries.matchClaim', { claimId: bleach.id });
    expect(matches[0]).toMatchObject({
      libraryPath: lib,
      libraryId: libraryIdOf(lib),
      url: 'https://checks.example/bleach',
      verdict: 'false',
    });
    expect(matches[0]!.why.terms).toEqual(expect.arrayContaining(['bleach', 'cures', 'flu']));

    const source = await run('libraries.attachMatch', {
      claimId: bleach.id,
      libraryPath: lib,
      url: 'https://checks.example/bleach',
    });
    // A False rating does not decide the stance: the source starts as context like any new one.
    expect(source).toMatchObject({ url: 'https://checks.example/bleach', stance: 'context', publisher: 'PolitiFact' });
    expect((await run('claims.evidence', { id: bleach.id })).sources).toHaveLength(1);

    await run('libraries.unlink', { path: lib });
    expect(await run('libraries.badges', { claimIds: [bleach.id] })).toEqual({});
    expect(fs.existsSync(lib)).toBe(true);
  });

  it('runs an import as a job that reports progress and can be cancelled, leaving the library unchanged', async () => {
    const ctx = createTestContext();
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    await call(ctx, 'libraries.create', { path: lib });
    const jobId = 'job-12345678';
    const running = call(ctx, 'libraries.import', { path: lib, files: [feedFile(dir)], jobId });
    expect(await call(ctx, 'libraries.importCancel', { jobId })).toEqual({ cancelled: true });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await call(ctx, 'libraries.importProgress', { jobId })).toMatchObject({ state: 'cancelled' });
    expect((await call(ctx, 'libraries.list', {}))[0]!.reviews).toBe(0);
    await call(ctx, 'libraries.import', { path: lib, files: [feedFile(dir)], jobId });
    expect(await call(ctx, 'libraries.importProgress', { jobId })).toMatchObject({
      state: 'done',
      itemsDone: 3,
      itemsTotal: 3,
      filesDone: 1,
    });
  });

  it('refuses to link what is not a library, and keeps the workspace unchanged', async () => {
    const ctx = createTestContext();
    const bogus = path.join(tempDir(), 'bogus.claimbench-library');
    fs.writeFileSync(bogus, 'not sqlite');
    await expect(call(ctx, 'libraries.link', { path: bogus })).rejects.toThrow(/not a SQLite database/);
    await expect(call(ctx, 'libraries.link', { path: path.join(tempDir(), 'x.txt') })).rejects.toThrow(/\.claimbench-library/);
    expect(await call(ctx, 'libraries.list', {})).toEqual([]);
  });

  it('shows a matched published fact-check in every report format, escaped, and ClaimReview cites it', async () => {
    const ctx = createTestContext();
    const run = <N extends Parameters<typeof call>[1]>(name: N, input: unknown) => call(ctx, name, input);
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    await run('libraries.create', { path: lib });
    await run('libraries.import', { path: lib, files: [feedFile(dir)] });
    const claim = await run('claims.add', { text: 'Overnight Russia launched 157 drones and 7 missiles' });
    await run('libraries.matchClaims', {});

    const render = (format: string) =>
      run('report.render', { format, options: { organisation: 'Desk', baseUrl: 'https://desk.example/report.html' } });
    const html = (await render('html')).content;
    expect(html).toContain('Published fact-check elsewhere');
    expect(html).toContain('https://checks.example/drones');
    expect(html).toContain('&lt;b&gt;Fact&lt;/b&gt; Desk');
    expect(html).not.toContain('<b>Fact</b>');
    const md = (await render('md')).content;
    expect(md).toMatch(/\*\*Published fact-check elsewhere:\*\* A published fact-check by .*https:\/\/checks\.example\/drones/);
    const csv = (await render('csv')).content;
    expect(csv).toContain('published_fact_check');
    // The rating is quoted inside a sentence, so the cell cannot start a spreadsheet formula.
    expect(csv).toContain('rated a similar claim =HYPERLINK');
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const json = JSON.parse((await render('json')).content) as {
      documents: { claims: { factCheck?: { url: string; publisher: string } }[] }[];
    };
    expect(json.documents[0]!.claims[0]!.factCheck).toMatchObject({
      url: 'https://checks.example/drones',
      publisher: '<b>Fact</b> Desk',
    });
    // ClaimReview publishes decided claims only.
    await run('claims.setVerdict', { ids: [claim.id], verdict: 'unverified' });
    const cr = JSON.parse((await render('claimreview')).content) as { citation?: { url: string; author?: { name: string } }[] }[];
    expect(cr[0]!.citation).toEqual([expect.objectContaining({ '@type': 'ClaimReview', url: 'https://checks.example/drones' })]);

    // Claimbench's own ClaimReview export imports into a library like any feed.
    const exported = path.join(dir, 'report.jsonld');
    fs.writeFileSync(exported, (await render('claimreview')).content);
    const own = path.join(dir, 'own.claimbench-library');
    await run('libraries.create', { path: own });
    const back = await run('libraries.import', { path: own, files: [exported] });
    expect(back).toMatchObject({ added: 1, skipped: [] });
    const matches = await run('libraries.matchClaim', { claimId: (await run('claims.list', {})).items[0]!.id });
    expect(matches.find((m) => m.libraryPath === own)).toMatchObject({
      url: expect.stringMatching(/^https:\/\/desk\.example\/report\.html#claim-/),
      ratingText: 'Unverified',
      verdict: 'unproven',
      publisher: 'Desk',
    });
  });

  it('drops matches cached by an older version when the workspace is opened, and matches those claims again', async () => {
    const ctx = createTestContext();
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    await call(ctx, 'libraries.create', { path: lib });
    await call(ctx, 'libraries.import', { path: lib, files: [feedFile(dir)] });
    const robot = await call(ctx, 'claims.add', { text: 'The team had to rebuild their robot after the original went missing' });
    expect(await call(ctx, 'libraries.badges', { claimIds: [robot.id] })).toEqual({});
    // As a format-14 workspace held it: the one-word fact-check cached as a full match.
    const db = ctx.workspace.db;
    db.prepare('UPDATE claim_library_matches SET confidence = 1 WHERE claim_id = ?').run(robot.id);
    expect(Object.keys(await call(ctx, 'libraries.badges', { claimIds: [robot.id] }))).toEqual([robot.id]);
    db.exec(BEFORE_CHEAPER_CLAIM_WRITES);
    db.pragma('user_version = 14');
    ctx.workspace.close();

    const reopened = createTestContext('Test Checker', ctx.file);
    expect(reopened.workspace.db.prepare('SELECT count(*) FROM claim_library_matches').pluck().get()).toBe(0);
    expect(await call(reopened, 'libraries.badges', { claimIds: [robot.id] })).toEqual({});
    expect(
      reopened.workspace.db.prepare('SELECT confidence FROM claim_library_matches WHERE claim_id = ?').pluck().get(robot.id),
    ).toBeLessThan(0.5);
    reopened.workspace.close();
  });
});
