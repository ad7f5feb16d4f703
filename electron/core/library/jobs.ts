/**
 * Library imports as jobs the dialog can watch and stop: the renderer picks a job id, libraries.import runs under
 * it, libraries.importProgress polls it and libraries.importCancel aborts it between batches (the import's one
 * transaction is rolled back, so the library is unchanged).
 */
import type { LibraryImportProgress } from '../../../shared/library-api';

interface Job {
  progress: LibraryImportProgress;
  controller: AbortController;
}

const KEEP = 20;
const jobs = new Map<string, Job>();

export function startImportJob(jobId: string): {
  signal: AbortSignal;
  update: (p: Omit<LibraryImportProgress, 'jobId' | 'state'>) => void;
  finish: (state: LibraryImportProgress['state']) => void;
} {
  jobs.get(jobId)?.controller.abort();
  const job: Job = {
    progress: { jobId, state: 'running', file: '', filesDone: 0, filesTotal: 0, itemsDone: 0, itemsTotal: 0 },
    controller: new AbortController(),
  };
  jobs.delete(jobId);
  jobs.set(jobId, job);
  for (const [id, j] of jobs) {
    if (jobs.size <= KEEP) break;
    if (j.progress.state !== 'running') jobs.delete(id);
  }
  return {
    signal: job.controller.signal,
    update: (p) => Object.assign(job.progress, p),
    finish: (state) => {
      job.progress.state = state;
    },
  };
}

export function importJobProgress(jobId: string): LibraryImportProgress {
  return (
    jobs.get(jobId)?.progress ?? { jobId, state: 'unknown', file: '', filesDone: 0, filesTotal: 0, itemsDone: 0, itemsTotal: 0 }
  );
}

export function cancelImportJob(jobId: string): boolean {
  const job = jobs.get(jobId);
  if (!job || job.progress.state !== 'running') return false;
  job.controller.abort();
  return true;
}
