import fs from 'node:fs';
import path from 'node:path';
import { api } from '../../../shared/api';
import { STRONG_MATCH } from '../../../shared/library-api';
import { ClaimbenchError, isClaimbenchError } from '../../../shared/result';
import { cancelImportJob, importJobProgress, startImportJob } from './jobs';
import { loadClaim } from '../claims/rows';
import { evidenceHandlers } from '../evidence/handlers';
import type { Handlers } from '../handler-types';
import { csvMappingSchema } from './import/csv';
import { importIntoLibrary } from './import/run';
import {
  describeLibrary,
  findMatch,
  linkedPaths,
  linkLibrary,
  matchAndStore,
  matchOneText,
  storedMatches,
  unlinkLibrary,
} from './links';
import { libraryAt } from './pool';
import { stanceForVerdict } from './verdict';

type LibraryHandlers = Pick<
  Handlers,
  | 'libraries.list'
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

  'libraries.create': ({ path: file }, { workspace }) => {
    const abs = path.resolve(file);
    if (fs.existsSync(abs)) throw new ClaimbenchError('DUPLICATE', `${path.basename(abs)} already exists; link it instead.`);
    libraryAt(abs, true);
    linkLibrary(workspace.db, abs);
    workspace.touched.add('library');
    return describeLibrary(abs);
  },

  'libraries.link': ({ path: file }, { workspace }) => {
    const abs = path.resolve(file);
    libraryAt(abs); // refuses what is missing, not a library, or from a newer version
    linkLibrary(workspace.db, abs);
    matchAndStore(workspace.db);
    workspace.touched.add('library');
    return describeLibrary(abs);
  },

  'libraries.unlink': ({ path: file }, { workspace }) => {
    const unlinked = unlinkLibrary(workspace.db, file);
    workspace.touched.add('library');
    return { unlinked };
  },

  'libraries.importProgress': ({ jobId }) => importJobProgress(jobId),

  'libraries.importCancel': ({ jobId }) => ({ cancelled: cancelImportJob(jobId) }),

  'libraries.import': async ({ path: file, files, csvMapping, jobId }, { workspace }) => {
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
    const m = findMatch(input.libraryPath, input.url);
    const rating = m.ratingText || m.verdict;
    const excerpt = `Published fact-check (${[m.publisher, m.datePublished?.slice(0, 4)].filter(Boolean).join(', ') || 'library'}): “${m.claimReviewed}” rated ${rating}.`;
    const source = api['sources.add'].input.parse({
      claimId: claim.id,
      url: m.url,
      title: m.headline || m.claimReviewed,
      publisher: m.publisher || null,
      publishedAt: m.datePublished,
      excerpt,
      stance: stanceForVerdict(m.verdict),
    });
    return evidenceHandlers['sources.add'](source, ctx);
  },
};
