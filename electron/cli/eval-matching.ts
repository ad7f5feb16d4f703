/**
 * npm run eval:matching [-- DATA_DIR] [--split dev|train]
 * Loads the claim-retrieval fact-checks into a fresh library the way a user would (a ClaimReview DataFeed
 * imported through the importer), matches every query of the split with the shipped model and prints MAP@5,
 * MRR and recall@1/5, beside plain BM25 on the same library. Skips with one line when the data is absent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimRetrievalAvailable, readSplit, readVerifiedClaims } from '../core/library/claim-retrieval-data';
import { PLAIN_BM25_MODEL } from '../../shared/matching/model';
import { importIntoLibrary } from '../core/library/import/run';
import { defaultMatchingModel, FactCheckLibrary } from '../core/library/library';
import {
  badgeScores,
  dataFeedFor,
  evaluateModel,
  falseBadges,
  formatBadges,
  formatScores,
  removeLibraryFile,
} from '../core/library/retrieval-eval';
import { uncoveredNewsSentences } from '../../test/helpers/corpus';

const DEFAULT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/claim-retrieval');

async function main(argv: string[]): Promise<number> {
  const splitIdx = argv.indexOf('--split');
  const split = splitIdx >= 0 ? argv[splitIdx + 1] : 'dev';
  if (split !== 'dev' && split !== 'train') {
    process.stderr.write('usage: npm run eval:matching -- [DATA_DIR] [--split dev|train]\n');
    return 1;
  }
  const dir = path.resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--split') ?? DEFAULT_DIR);
  if (!claimRetrievalAvailable(dir)) {
    process.stdout.write(
      `eval:matching skipped: ${dir} is absent (the claim-retrieval data lives in ../shared/data beside the checkout).\n`,
    );
    return 0;
  }
  const claims = readVerifiedClaims(dir);
  const queries = readSplit(dir, split);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-eval-matching-'));
  const feed = path.join(tmp, 'feed.json');
  const lib = path.join(tmp, 'eval.claimbench-library');
  try {
    fs.writeFileSync(feed, JSON.stringify(dataFeedFor(claims)));
    const library = FactCheckLibrary.open(lib, { create: true });
    const imported = await importIntoLibrary(library, [feed]);
    library.close();
    const model = defaultMatchingModel();
    process.stdout.write(
      `${imported.added} fact-checks imported as a ClaimReview DataFeed; ${queries.queries.length} ${split} claims\n`,
    );
    process.stdout.write(`model: ${model.trainedOn}\n`);
    process.stdout.write(
      `plain BM25 (same library, same analyser): ${formatScores(evaluateModel(lib, PLAIN_BM25_MODEL, queries))}\n`,
    );
    process.stdout.write(`shipped model:                            ${formatScores(evaluateModel(lib, model, queries))}\n`);
    // News sentences no Snopes fact-check covers: a badge on one is a false "checked before".
    process.stdout.write(`"checked before" badge on ${split}: ${formatBadges(badgeScores(lib, model, queries))}\n`);
    for (const [name, sentences] of await uncoveredNewsSentences()) {
      const wrong = falseBadges(lib, model, sentences);
      process.stdout.write(
        `"checked before" badge on ${name}, which no fact-check covers: ${wrong} of ${sentences.length} badged\n`,
      );
    }
  } finally {
    removeLibraryFile(lib);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
