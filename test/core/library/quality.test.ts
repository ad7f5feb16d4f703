import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimRetrievalAvailable, readSplit, readVerifiedClaims } from '../../../electron/core/library/claim-retrieval-data';
import { importIntoLibrary } from '../../../electron/core/library/import/run';
import { defaultMatchingModel, FactCheckLibrary } from '../../../electron/core/library/library';
import { badgeScores, dataFeedFor, evaluateModel, falseBadges } from '../../../electron/core/library/retrieval-eval';
import { PLAIN_BM25_MODEL } from '../../../shared/matching/model';
import { DATA_DIR, uncoveredNewsSentences, withoutShared } from '../../helpers/corpus';
import { tempDir } from '../../helpers/workspace';

const DATA = path.join(DATA_DIR, 'claim-retrieval');
const unavailable = withoutShared(import.meta.url) || !claimRetrievalAvailable(DATA);

describe.skipIf(unavailable)('matching quality on claim-retrieval dev (../shared/data/claim-retrieval)', () => {
  it('beats plain BM25 on the dev split, through a DataFeed import', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const feed = path.join(dir, 'feed.json');
    fs.writeFileSync(feed, JSON.stringify(dataFeedFor(readVerifiedClaims(DATA))));
    const file = path.join(dir, 'eval.claimbench-library');
    const lib = FactCheckLibrary.open(file, { create: true });
    expect((await importIntoLibrary(lib, [feed])).added).toBe(10_389);
    lib.close();
    const dev = readSplit(DATA, 'dev');
    const plain = evaluateModel(file, PLAIN_BM25_MODEL, dev);
    const shipped = evaluateModel(file, defaultMatchingModel(), dev);
    // The data set's own plain BM25 (no tweet clean-up, no stemming) scores 0.756 here.
    expect(plain.map5).toBeGreaterThan(0.8);
    expect(shipped.map5).toBeGreaterThan(plain.map5);

    // The "checked before" badge: nearly always the claim's own fact-check, and on news sentences no Snopes
    // fact-check covers, next to never.
    const badges = badgeScores(file, defaultMatchingModel(), dev);
    expect(badges.badged).toBeGreaterThan(0.45);
    expect(badges.right).toBeGreaterThan(0.95);
    const [, gum] = (await uncoveredNewsSentences()).find(([name]) => name.startsWith('GUM'))!;
    expect(gum.length).toBeGreaterThan(300);
    expect(falseBadges(file, defaultMatchingModel(), gum) / gum.length).toBeLessThan(0.01);
  });
});
