import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractClaimReviews } from '../../../electron/core/library/import/claimreview';
import { importIntoLibrary } from '../../../electron/core/library/import/run';
import { FactCheckLibrary } from '../../../electron/core/library/library';
import { tempDir } from '../../helpers/workspace';

const review = (n: number, extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factcheck.example/review/${n}`,
  claimReviewed: `Claim number ${n}: the moon landing of 1969 was staged in a studio`,
  headline: `Was the moon landing staged? (${n})`,
  datePublished: '2019-07-20',
  author: { '@type': 'Organization', name: 'PolitiFact' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A. Blogger' } },
  reviewRating: { '@type': 'Rating', ratingValue: 1, worstRating: 1, bestRating: 5, alternateName: 'Pants on Fire' },
  ...extra,
});

const opened: FactCheckLibrary[] = [];
function library(dir = tempDir()): FactCheckLibrary {
  const lib = FactCheckLibrary.open(path.join(dir, 'lib.claimbench-library'), { create: true });
  opened.push(lib);
  return lib;
}
afterEach(() => {
  for (const l of opened.splice(0)) l.close();
});

describe('ClaimReview extraction', () => {
  it('reads a single object, an array, an @graph, a DataFeed, JSON Lines and HTML pages', () => {
    const shapes: [string, string][] = [
      ['single.json', JSON.stringify(review(1))],
      ['array.json', JSON.stringify([review(1), review(2)])],
      ['graph.jsonld', JSON.stringify({ '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, review(1)] })],
      [
        'feed.json',
        JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'DataFeed',
          dataFeedElement: [
            { '@type': 'DataFeedItem', item: [review(1), review(2)] },
            { '@type': 'DataFeedItem', item: review(3) },
          ],
        }),
      ],
      ['lines.jsonl', `${JSON.stringify(review(1))}\n${JSON.stringify(review(2))}\n`],
      [
        'page.html',
        `<!doctype html><html><head><script type="application/ld+json">${JSON.stringify(review(1))}</script>` +
          `<script type='application/ld+json'>{"@graph":[${JSON.stringify(review(2))}]}</script></head><body>x</body></html>`,
      ],
    ];
    const expected = { 'single.json': 1, 'array.json': 2, 'graph.jsonld': 1, 'feed.json': 3, 'lines.jsonl': 2, 'page.html': 2 };
    for (const [name, content] of shapes) {
      const r = extractClaimReviews(content, name);
      expect(r.skipped, name).toEqual([]);
      expect(r.items.length, name).toBe(expected[name as keyof typeof expected]);
    }
    const one = extractClaimReviews(JSON.stringify(review(7)), 'x.json').items[0]!.item;
    expect(one).toMatchObject({
      url: 'https://factcheck.example/review/7',
      headline: 'Was the moon landing staged? (7)',
      ratingText: 'Pants on Fire',
      verdict: 'false',
      publisher: 'PolitiFact',
      datePublished: '2019-07-20',
      claimant: 'A. Blogger',
    });
  });

  it('reports broken and hostile items with their position and keeps the good ones', () => {
    let deep: unknown = review(99);
    for (let i = 0; i < 200; i++) deep = { '@graph': [deep] };
    const items = [
      review(1),
      review(2, { url: 'javascript:alert(1)' }),
      review(3, { claimReviewed: '   ' }),
      review(4, { url: undefined }),
      { '@type': 'ClaimReview', url: 42, claimReviewed: { nested: true } },
      'just a string',
      review(5, { claimReviewed: 'x'.repeat(100_000), headline: '<img src=x onerror=alert(1)>' }),
      deep,
    ];
    const r = extractClaimReviews(JSON.stringify({ '@graph': items }), 'hostile.json');
    expect(r.items.map((i) => i.position)).toEqual(['@graph[0]', '@graph[6]']);
    expect(r.items[1]!.item.claimReviewed.length).toBeLessThanOrEqual(4000);
    const reasons = Object.fromEntries(r.skipped.map((s) => [s.position, s.reason]));
    expect(reasons['@graph[1]']).toMatch(/http\(s\)/);
    expect(reasons['@graph[2]']).toMatch(/claimReviewed is empty/);
    expect(reasons['@graph[3]']).toMatch(/url/);
    expect(reasons['@graph[4]']).toMatch(/url/);
    expect(r.skipped.some((s) => /nested deeper/.test(s.reason))).toBe(true);
  });

  it('says why a file yields nothing: invalid JSON, HTML without JSON-LD', () => {
    expect(extractClaimReviews('{"@type": "ClaimReview", ', 'cut.json').skipped[0]).toMatchObject({
      position: '(file)',
      reason: expect.stringMatching(/not valid JSON/),
    });
    expect(extractClaimReviews('<html><body>hello</body></html>', 'p.html').skipped[0]!.reason).toMatch(/no <script/);
    const broken = extractClaimReviews('<script type="application/ld+json">{oops</script>', 'p.html');
    expect(broken.skipped[0]).toMatchObject({ position: 'script[0]', reason: expect.stringMatching(/not valid JSON/) });
  });
});

describe('importing into a library', () => {
  it('deduplicates by URL, updates changed reviews and skips bad items without stopping', async () => {
    const dir = tempDir();
    const lib = library(dir);
    const a = path.join(dir, 'a.json');
    const b = path.join(dir, 'b.json');
    fs.writeFileSync(a, JSON.stringify([review(1), review(2), review(2), { '@type': 'ClaimReview', url: 'ftp://x' }]));
    fs.writeFileSync(b, JSON.stringify([review(2), review(3, {}), review(1, { headline: 'Changed headline' })]));
    const first = await importIntoLibrary(lib, [a]);
    expect(first).toMatchObject({ found: 3, added: 2, unchanged: 1, updated: 0 });
    expect(first.skipped).toEqual([{ file: 'a.json', position: '[3]', reason: expect.stringMatching(/http\(s\)/) }]);
    const second = await importIntoLibrary(lib, [b]);
    expect(second).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(lib.count()).toBe(3);
    expect(lib.match('Changed headline', 1)[0]!.url).toBe('https://factcheck.example/review/1');
  });

  it('imports CSV with a column mapping and reports rows it cannot use', async () => {
    const dir = tempDir();
    const lib = library(dir);
    const csv = path.join(dir, 'desk.csv');
    fs.writeFileSync(
      csv,
      'Statement,Link,Verdict,Outlet,When\n' +
        '"Drinking bleach cures the flu",https://desk.example/1,False,Desk,2020-03-01\n' +
        '"No link here",,False,Desk,2020-03-02\n' +
        '"=HYPERLINK(""http://evil"")",https://desk.example/3,Mostly true,Desk,2021\n',
    );
    const r = await importIntoLibrary(lib, [csv], {
      csvMapping: { claim: 'Statement', url: 'Link', rating: 'Verdict', publisher: 'Outlet', date: 'When' },
    });
    expect(r).toMatchObject({ added: 2 });
    expect(r.skipped).toEqual([{ file: 'desk.csv', position: 'row 3', reason: expect.stringMatching(/url/) }]);
    const m = lib.match('does drinking bleach cure flu?', 1)[0]!;
    expect(m).toMatchObject({ url: 'https://desk.example/1', verdict: 'false', publisher: 'Desk', datePublished: '2020-03-01' });
    const odd = path.join(dir, 'odd.csv');
    fs.writeFileSync(odd, 'Words,Address\n"A claim",https://desk.example/9\n');
    const unmapped = await importIntoLibrary(lib, [odd]);
    expect(unmapped.skipped[0]).toMatchObject({ position: 'header', reason: expect.stringMatching(/no claim column/) });
  });

  it('leaves the library untouched when an import is cancelled', async () => {
    const dir = tempDir();
    const lib = library(dir);
    const feed = path.join(dir, 'feed.json');
    fs.writeFileSync(feed, JSON.stringify(Array.from({ length: 6_000 }, (_, i) => review(i))));
    const controller = new AbortController();
    const seen: number[] = [];
    await expect(
      importIntoLibrary(lib, [feed], {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.itemsDone);
          controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(seen.length).toBeGreaterThan(0);
    expect(lib.count()).toBe(0);
    const done = await importIntoLibrary(lib, [feed]);
    expect(done.added).toBe(6_000);
  });
});

describe('ratings', () => {
  it('normalise publishers’ words and numeric scales to one verdict', async () => {
    const { verdictFromRatingText, verdictFromScale } = await import('../../../electron/core/library/verdict');
    const cases: [string, string][] = [
      ['Pants on Fire!', 'false'],
      ['Four Pinocchios', 'false'],
      ['Mostly False', 'misleading'],
      ['Half True', 'mixed'],
      ['Half-false', 'mixed'],
      ['Mostly true', 'true'],
      ['Mostly-True', 'true'],
      ['Partly true', 'mixed'],
      ['Partly false', 'misleading'],
      ['Missing context', 'misleading'],
      ['Mixture', 'mixed'],
      ['Unproven', 'unproven'],
      ['Correct Attribution', 'true'],
      ['Disputed', 'false'],
      ['Sourced', 'true'],
      ['Unverified', 'unproven'],
      ['Неправда', 'false'],
      ['Маніпуляція', 'false'],
      ['', 'unrated'],
      ['Interesting', 'unrated'],
    ];
    for (const [text, verdict] of cases) expect(verdictFromRatingText(text), text).toBe(verdict);
    expect(verdictFromScale(1, 1, 5)).toBe('false');
    expect(verdictFromScale(5, 1, 5)).toBe('true');
    expect(verdictFromScale(3, 1, 5)).toBe('mixed');
    expect(verdictFromScale(9, 1, 5)).toBe('unrated');
  });
});
