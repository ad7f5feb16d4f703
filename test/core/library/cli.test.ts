import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

const feed = {
  '@context': 'https://schema.org',
  '@type': 'DataFeed',
  dataFeedElement: [
    ['https://checks.example/vaccines', 'Vaccines cause autism', 'Do vaccines cause autism?', 'False'],
    [
      'https://checks.example/seat',
      'The Pentagon paid 1.5 million dollars for a toilet seat',
      'A $1.5m toilet seat?',
      'Mostly false',
    ],
    ['https://checks.example/moon', 'The moon landing was filmed in a studio', 'Was the moon landing faked?', 'Pants on Fire'],
  ].map(([url, claimReviewed, name, rating]) => ({
    '@type': 'DataFeedItem',
    item: [
      {
        '@type': 'ClaimReview',
        url,
        claimReviewed,
        name,
        author: { '@type': 'Organization', name: 'PolitiFact' },
        datePublished: '2019-03-04',
        reviewRating: { '@type': 'Rating', alternateName: rating },
      },
    ],
  })),
};

describe('claimbench library', () => {
  it('imports a DataFeed and matches claims from standard input, one line per match', () => {
    const dir = tempDir();
    const lib = path.join(dir, 'desk.claimbench-library');
    const feedFile = path.join(dir, 'feed.json');
    fs.writeFileSync(feedFile, JSON.stringify(feed));
    const imported = runClaimbench(['library', 'import', lib, feedFile]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/3 added/);

    const matched = runClaimbench(['library', 'match', lib, '--top', '2'], {
      input: 'do vaccines give you autism?\n\nthey paid $1,500,000 for ONE toilet seat https://t.co/x\n',
    });
    expect(matched.code, matched.stderr).toBe(0);
    const lines = matched.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(lines.every((l) => l.length === 4 && Number.isFinite(Number(l[3])))).toBe(true);
    expect(lines.filter((l) => l[0] === '1')[0]!.slice(0, 3)).toEqual(['1', '1', 'https://checks.example/vaccines']);
    expect(lines.some((l) => l[0] === '2')).toBe(false);
    expect(lines.filter((l) => l[0] === '3')[0]!.slice(0, 3)).toEqual(['3', '1', 'https://checks.example/seat']);
    expect(lines.filter((l) => l[0] === '3').map((l) => l[1])).toEqual(
      ['1', '2'].slice(0, lines.filter((l) => l[0] === '3').length),
    );
  });

  it('links a library to a workspace and matches a claim with --json', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'desk.claimbench');
    const lib = path.join(dir, 'desk.claimbench-library');
    const feedFile = path.join(dir, 'feed.json');
    fs.writeFileSync(feedFile, JSON.stringify(feed));
    expect(runClaimbench(['library', 'import', lib, feedFile]).code).toBe(0);
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const claimId = runClaimbench(['add', ws, 'NASA filmed the moon landing in a Hollywood studio']).stdout.trim();

    const direct = runClaimbench(['match', ws, claimId, '--library', lib, '--json']);
    expect(direct.code, direct.stderr).toBe(0);
    const out = JSON.parse(direct.stdout) as {
      matches: { url: string; ratingText: string; publisher: string; verdict: string }[];
    };
    expect(out.matches[0]).toMatchObject({
      url: 'https://checks.example/moon',
      ratingText: 'Pants on Fire',
      publisher: 'PolitiFact',
      verdict: 'false',
    });

    // One claim that only shares words with a fact-check, one that resembles none.
    expect(runClaimbench(['add', ws, 'The Pentagon bought new seats for its studio']).code).toBe(0);
    expect(runClaimbench(['add', ws, 'Turnout was 71 percent']).code).toBe(0);
    const linked = runClaimbench(['library', 'link', ws, lib]);
    expect(linked.code, linked.stderr).toBe(0);
    expect(linked.stdout.trim().split('\n')).toEqual([
      `Linked ${lib} (3 fact-checks)`,
      `1 of 3 claims was checked before (a fact-check in the library covers the same claim; marked "checked before" in the claim list); 1 more only shares some words with a fact-check (not the same claim, not marked; claimbench match ${ws} CLAIM lists them).`,
    ]);
    const viaLink = JSON.parse(runClaimbench(['match', ws, claimId, '--json']).stdout) as { matches: { url: string }[] };
    expect(viaLink.matches[0]!.url).toBe('https://checks.example/moon');
  });

  it('refuses a library that is not one, with one line and exit code 1', () => {
    const dir = tempDir();
    const bogus = path.join(dir, 'x.claimbench-library');
    fs.writeFileSync(bogus, 'nope');
    const r = runClaimbench(['library', 'match', bogus], { input: 'anything\n' });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/not a SQLite database/);
  });
});
