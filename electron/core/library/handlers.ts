import fs from 'node:fs';
import path from 'node:path';
import { api } from '../../../shared/api';
import { STRONG_MATCH } from '../../../shared/library-api';
import { ClaimbenchError, isClaimbenchError } from '../../../shared/result';
import { cancelImportJob, importJobProgress, startImportJob } from './jobs';
import { loadClaim } from '../claims/rows';
import { evidenceHandlers } from '../evidence/handlers';
import { chooseManyFiles, chooseOneFile, chooseSaveTarget, chosenFilePaths, pathOrChosen } from '../chosen-files';
import type { Handlers } from '../handler-types';
import { csvMappingSchema } from './import/csv';
import { importIntoLibrary } from './import/run';
import {
  describeLibrary,
  findMatch,
  linkedLibraryPath,
  linkedPaths,
  linkLibrary,
  matchAndStore,
  matchOneText,
  storedMatches,
  unlinkLibrary,
} from './links';
import { libraryAt } from './pool';

type LibraryHandlers = Pick<
  Handlers,
  | 'libraries.list'
  | 'libraries.chooseNew'
  | 'libraries.chooseExisting'
  | 'libraries.chooseImportFiles'
  | 'libraries.create'
  | 'libraries.link'
  | 'libraries.unlink'
  | 'libraries.import'
  | 'libraries.importProgress'
  | 'libraries.importCancel'
  | 'libraries.matchClaim'
  | 'libraries.matchClaims'
  | 'libraries.badges'
  | 'libraries.attachMatch'
>;

export const libraryHandlers: LibraryHandlers = {
  'libraries.list': (_input, { workspace }) => linkedPaths(workspace.db).map(describeLibrary),

  'libraries.chooseNew': async (_input, ctx) => ({ file: await chooseSaveTarget(ctx, 'library', 'fact-checks') }),

  'libraries.chooseExisting': async (_input, ctx) => ({ file: await chooseOneFile(ctx, 'library') }),

  'libraries.chooseImportFiles': async (_input, ctx) => ({ files: await chooseManyFiles(ctx, 'library-import') }),

  'libraries.create': ({ path: given, chosen }, { workspace }) => {
    const abs = path.resolve(pathOrChosen(given, chosen, 'save:library'));
    if (fs.existsSync(abs)) throw new ClaimbenchError('DUPLICATE', `${path.basename(abs)} already exists; link it instead.`);
    libraryAt(abs, true);
    linkLibrary(workspace.db, abs);
    workspace.touched.add('library');
    return describeLibrary(abs);
  },

  'libraries.link': ({ path: given, chosen }, { workspace }) => {
    const abs = path.resolve(pathOrChosen(given, chosen, 'library'));
    libraryAt(abs); // refuses what is missing, not a library, or from a newer version
    linkLibrary(workspace.db, abs);
    matchAndStore(workspace.db);
    workspace.touched.add('library');
    return describeLibrary(abs);
  },

  'libraries.unlink': ({ path: given, library }, { workspace }) => {
    const unlinked = unlinkLibrary(workspace.db, library === undefined ? given! : linkedLibraryPath(workspace.db, library));
    workspace.touched.add('library');
    return { unlinked };
  },

  'libraries.importProgress': ({ jobId }) => importJobProgress(jobId),

  'libraries.importCancel': ({ jobId }) => ({ cancelled: cancelImportJob(jobId) }),

  'libraries.import': async ({ path: given, library, files: givenFiles, chosen, csvMapping, jobId }, { workspace }) => {
    const file = library === undefined ? given! : linkedLibraryPath(workspace.db, library);
    const files = chosen === undefined ? givenFiles! : chosenFilePaths(chosen, 'library-import');
    const lib = libraryAt(file);
    const job = jobId ? startImportJob(jobId) : null;
    let result;
    try {
      result = await importIntoLibrary(lib, files, {
        csvMapping: csvMappingSchema.parse(csvMapping ?? {}),
        signal: job?.signal,
        onProgress: job?.update,
      });
      job?.finish('done');
    } catch (e) {
      job?.finish(isClaimbenchError(e) && e.code === 'CANCELLED' ? 'cancelled' : 'failed');
      throw e;
    }
    if (linkedPaths(workspace.db).includes(path.resolve(file))) matchAndStore(workspace.db);
    workspace.touched.add('library');
    return result;
  },

  'libraries.matchClaim': ({ claimId, top }, { workspace }) => {
    const claim = loadClaim(workspace.db, claimId);
    return matchOneText(workspace.db, claim.text, top ?? 5);
  },

  'libraries.matchClaims': ({ claimIds }, { workspace }) => {
    const matched = matchAndStore(workspace.db, claimIds);
    workspace.touched.add('library');
    return matched;
  },

  'libraries.badges': ({ claimIds }, { workspace }) => Object.fromEntries(storedMatches(workspace.db, claimIds, STRONG_MATCH)),

  'libraries.attachMatch': (input, ctx) => {
    const claim = loadClaim(ctx.workspace.db, input.claimId);
    const file = input.library === undefined ? input.libraryPath! : linkedLibraryPath(ctx.workspace.db, input.library);
    const m = findMatch(file, input.url);
    const rating = m.ratingText || m.verdict;
    const excerpt = `Published fact-check (${[m.publisher, m.datePublished?.slice(0, 4)].filter(Boolean).join(', ') || 'library'}): “${m.claimReviewed}” rated ${rating}.`;
    const source = api['sources.add'].input.parse({
      claimId: claim.id,
      url: m.url,
      title: m.headline || m.claimReviewed,
      publisher: m.publisher || null,
      publishedAt: m.datePublished,
      excerpt,
      // Like every new source, it starts as context: whether it supports the claim is the checker's call.
      stance: 'context',
    });
    return evidenceHandlers['sources.add'](source, ctx);
  },
};
