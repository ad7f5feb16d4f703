/**
 * Batch import jobs: files are parsed one at a time in a worker, each stored in its own transaction,
 * with progress the renderer can poll and a cancel that stops the current parse and skips the rest.
 */
import { randomUUID } from 'node:crypto';
import type { BatchStatus, ImportOutcome } from '../../../shared/spotting/ingest-types';
import { garbledTextWarning } from '../../../shared/text/garbled';
import { ClaimbenchError, isClaimbenchError } from '../../../shared/result';
import type { Workspace } from '../store/workspace';
import { parseSource, storeParsed } from './pipeline';
import type { ParseHandle } from './worker-pool';

export interface FileInput {
  name: string;
  bytes: Uint8Array;
  /** Set when the file was refused before parsing (unreadable, too large): it is reported, not parsed. */
  refused?: { code: string; message: string };
}

/** A file skipped as a duplicate, kept parsed so the person can still say "import anyway". */
interface HeldDuplicate {
  name: string;
  parsed: ParsedFile;
}

interface Job {
  status: BatchStatus;
  held: Map<number, HeldDuplicate>;
  current: ParseHandle | null;
  currentFraction: number;
  cancelled: boolean;
  finished: Promise<void>;
}

const jobsByWorkspace = new WeakMap<Workspace, Map<string, Job>>();

function jobs(workspace: Workspace): Map<string, Job> {
  let m = jobsByWorkspace.get(workspace);
  if (!m) {
    m = new Map();
    jobsByWorkspace.set(workspace, m);
  }
  return m;
}

function failed(name: string, status: 'failed' | 'cancelled', code: string, message: string): ImportOutcome {
  return {
    name,
    status,
    document: null,
    claimCount: 0,
    sentenceCount: 0,
    duplicateOf: null,
    format: null,
    encoding: null,
    warning: null,
    error: { code, message },
  };
}

type ParsedFile = Awaited<ParseHandle['promise']>;

/** Store a parsed file: content already in the workspace is skipped unless `allowDuplicate`. */
function commitParsed(workspace: Workspace, name: string, parsed: ParsedFile, allowDuplicate: boolean): ImportOutcome {
  const r = storeParsed(workspace, parsed, { origin: name, allowDuplicate });
  return {
    name,
    status: r.skipped ? 'duplicate' : 'imported',
    document: r.skipped ? null : r.document,
    claimCount: r.claimCount,
    sentenceCount: parsed.sentences.length,
    duplicateOf: r.duplicateOf,
    format: parsed.document.format,
    encoding: parsed.document.encoding,
    warning: garbledTextWarning(parsed.sentences, parsed.document.format),
    error: null,
  };
}

/** Parse and store one file; never throws: every failure becomes an outcome. */
export async function importOne(
  workspace: Workspace,
  file: FileInput,
  onParse: (h: ParseHandle) => void = () => {},
  onProgress: (f: number) => void = () => {},
  options: { allowDuplicate?: boolean; onSkipped?: (parsed: ParsedFile) => void } = {},
): Promise<ImportOutcome> {
  const handle = parseSource(file, onProgress);
  onParse(handle);
  try {
    const parsed = await handle.promise;
    const outcome = commitParsed(workspace, file.name, parsed, !!options.allowDuplicate);
    if (outcome.status === 'duplicate') options.onSkipped?.(parsed);
    return outcome;
  } catch (e) {
    if (isClaimbenchError(e)) return failed(file.name, e.code === 'CANCELLED' ? 'cancelled' : 'failed', e.code, e.message);
    return failed(file.name, 'failed', 'INTERNAL', e instanceof Error ? e.message : String(e));
  }
}

export function startBatch(workspace: Workspace, files: FileInput[], allowDuplicate = false): BatchStatus {
  const jobId = randomUUID();
  const job: Job = {
    status: { jobId, state: 'running', total: files.length, completed: 0, current: null, progress: 0, outcomes: [] },
    held: new Map(),
    current: null,
    currentFraction: 0,
    cancelled: false,
    finished: Promise.resolve(),
  };
  jobs(workspace).set(jobId, job);
  job.finished = (async () => {
    for (const file of files) {
      if (job.cancelled) {
        job.status.outcomes.push(failed(file.name, 'cancelled', 'CANCELLED', 'Cancelled before it was read.'));
      } else if (file.refused) {
        job.status.outcomes.push(failed(file.name, 'failed', file.refused.code, file.refused.message));
      } else {
        job.status.current = file.name;
        job.currentFraction = 0;
        const index = job.status.outcomes.length;
        const outcome = await importOne(
          workspace,
          file,
          (h) => (job.current = h),
          (f) => (job.currentFraction = f),
          { allowDuplicate, onSkipped: (parsed) => job.held.set(index, { name: file.name, parsed }) },
        );
        job.current = null;
        job.status.outcomes.push(outcome);
      }
      job.status.completed++;
    }
    job.status.current = null;
    job.status.state = job.cancelled ? 'cancelled' : 'done';
  })();
  return batchStatus(workspace, jobId);
}

export function batchStatus(workspace: Workspace, jobId: string): BatchStatus {
  const job = jobs(workspace).get(jobId);
  if (!job) throw new ClaimbenchError('NOT_FOUND', `No import job ${jobId}`);
  const s = job.status;
  const progress = s.total === 0 ? 1 : Math.min(1, (s.completed + (s.state === 'running' ? job.currentFraction : 0)) / s.total);
  return { ...s, progress: Math.round(progress * 1000) / 1000, outcomes: [...s.outcomes] };
}

export function cancelBatch(workspace: Workspace, jobId: string): BatchStatus {
  const job = jobs(workspace).get(jobId);
  if (job && job.status.state === 'running') {
    job.cancelled = true;
    job.current?.cancel();
  }
  return batchStatus(workspace, jobId);
}

/**
 * "Import anyway" for a file the batch skipped as a duplicate: stores the copy it kept parsed and
 * puts the new outcome in the batch's place for that file.
 */
export function importHeldDuplicate(workspace: Workspace, jobId: string, index: number): ImportOutcome {
  const job = jobs(workspace).get(jobId);
  if (!job) throw new ClaimbenchError('NOT_FOUND', `No import job ${jobId}`);
  const held = job.held.get(index);
  if (!held) throw new ClaimbenchError('NOT_FOUND', 'That file was not skipped as a duplicate, or it was imported already.');
  const outcome = commitParsed(workspace, held.name, held.parsed, true);
  job.held.delete(index);
  job.status.outcomes[index] = outcome;
  return outcome;
}

/** Resolves when the job has finished (tests and the CLI wait on it). */
export async function waitForBatch(workspace: Workspace, jobId: string): Promise<BatchStatus> {
  await jobs(workspace).get(jobId)?.finished;
  return batchStatus(workspace, jobId);
}
