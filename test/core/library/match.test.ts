import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyse } from '../../../shared/matching/analyse';
import { FactCheckLibrary } from '../../../electron/core/library/library';
import type { ReviewItem } from '../../../electron/core/library/review';
import { tempDir } from '../../helpers/workspace';

const item = (n: number, claimReviewed: string, extra: Partial<ReviewItem> = {}): ReviewItem => ({
  url: `https://checks.example/${n}`,
  claimReviewed,
  headline: '',
  ratingText: 'False',
  verdict: 'false',
  publisher: 'PolitiFact',
  datePublished: '2019-05-01',
  language: '',
  claimant: '',
  ...extra,
});

const REVIEWS: ReviewItem[] = [
  item(1, 'Vaccines cause autism in children', { headline: 'Do vaccines cause autism?' }),
  item(2, 'Vaccines do not cause autism, a large Danish study found', { ratingText: 'True', verdict: 'true' }),
  item(3, 'The government spent 1.5 million dollars on a single toilet seat'),
  item(4, 'Joe Biden said he would ban all hamburgers', { publisher: 'Snopes' }),
  item(5, 'Украина запретила русский язык во всех школах', { language: 'ru', publisher: 'StopFake' }),
  item(6, 'Росія постачає Україні газ безкоштовно', { language: 'uk', publisher: 'VoxCheck' }),
  item(7, 'Drinking hot water kills the coronavirus'),
  item(8, 'Seventy percent of protesters arrested in Charlotte were from out of state'),
];

const opened: FactCheckLibrary[] = [];
function library(): FactCheckLibrary {
  const lib = FactCheckLibrary.open(path.join(tempDir(), 'm.claimbench-library'), { create: true });
  lib.writeBatch(REVIEWS, '2024-01-01T00:00:00Z');
  opened.push(lib);
  return lib;
}
afterEach(() => {
  for (const l of opened.splice(0)) l.close();
});

describe('analyser', () => {
  it('removes tweet noise, keeps mention and hashtag words, the signature name and month', () => {
    const t = analyse('Wow!! #VaccinesWork https://t.co/abc pic.twitter.com/xyz @JoeBiden — Jane Doe (@jdoe) January 6, 2020');
    expect(t).toEqual(['wow', 'vaccin', 'work', 'joe', 'biden', 'jane', 'doe', 'januari', '2020']);
  });

  it('writes numbers one way and keeps negations', () => {
    expect(analyse('1,500 people, 1.5k, seventy five per cent, 70%')).toEqual([
      '1500',
      'peopl',
      '1500',
      '75',
      'percent',
      '70',
      'percent',
    ]);
    expect(analyse("Vaccines don't cause autism")).toContain('not');
    expect(analyse('Vaccines never cause autism')).toContain('not');
  });

  it('stems Russian and Ukrainian with their own stemmers', () => {
    expect(analyse('запретила школах')).toEqual(['запрет', 'школ']);
    expect(analyse('постачає Україні безкоштовно')[1]).toBe(analyse('України')[0]);
  });
});

describe('matching', () => {
  it('finds the fact-check a paraphrase covers, with why it matched', () => {
    const lib = library();
    const [best] = lib.match('Do vaccinations give kids autism? My cousin says so #vaccines', 3);
    expect(best!.url).toBe('https://checks.example/1');
    expect(best!.why.terms).toEqual(expect.arrayContaining(['vaccinations', 'autism']));
    expect(best).toMatchObject({ ratingText: 'False', verdict: 'false', publisher: 'PolitiFact', datePublished: '2019-05-01' });
  });

  it('matches numbers written differently and keeps negation apart', () => {
    const lib = library();
    const seat = lib.match('They paid $1,500,000 for one toilet seat!', 1)[0]!;
    expect(seat.url).toBe('https://checks.example/3');
    expect(lib.match('70% of the Charlotte protesters were out-of-state', 1)[0]!.url).toBe('https://checks.example/8');
    expect(lib.match('Study: vaccines do not cause autism', 1)[0]!.url).toBe('https://checks.example/2');
  });

  it('matches Russian and Ukrainian claims', () => {
    const lib = library();
    expect(lib.match('Правда ли, что Украина запрещает русский язык в школе?', 1)[0]!.url).toBe('https://checks.example/5');
    expect(lib.match('Україна отримує газ від Росії безкоштовно', 1)[0]!.url).toBe('https://checks.example/6');
  });

  it('returns nothing for a claim with no word in common, and for an empty library', () => {
    const lib = library();
    expect(lib.match('zzzz qqqq', 5)).toEqual([]);
    const empty = FactCheckLibrary.open(path.join(tempDir(), 'e.claimbench-library'), { create: true });
    opened.push(empty);
    expect(empty.match('vaccines cause autism', 5)).toEqual([]);
  });
});
