/**
 * Long exports as jobs the UI can watch and stop: the caller picks a job id, report.render runs
 * under it, report.progress polls it and report.cancel aborts it at the next slice boundary.
 */
import type { ReportJobProgress, ReportJobState } from '../../../shared/report';

interface Job {
  state: ReportJobState;
  done: number;
  total: number;
  controller: AbortController;
}

const KEEP_FINISHED = 50;

export class ReportJobs {
  private readonly jobs = new Map<string, Job>();

  start(
    jobId: string,
    total: number,
  ): { signal: AbortSignal; onProgress: (done: number) => void; finish: (state: ReportJobState) => void } {
    const existing = this.jobs.get(jobId);
    if (existing?.state === 'running') existing.controller.abort();
    const job: Job = { state: 'running', done: 0, total, controller: new AbortController() };
    this.jobs.delete(jobId);
    this.jobs.set(jobId, job);
    this.prune();
    return {
      signal: job.controller.signal,
      onProgress: (done) => {
        job.done = done;
      },
      finish: (state) => {
        job.state = state;
        if (state === 'done') job.done = job.total;
      },
    };
  }

  progress(jobId: string): ReportJobProgress {
    const job = this.jobs.get(jobId);
    return job ? { jobId, state: job.state, done: job.done, total: job.total } : { jobId, state: 'unknown', done: 0, total: 0 };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  private prune(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= KEEP_FINISHED) break;
      if (job.state !== 'running') this.jobs.delete(id);
    }
  }
}

/** One registry per process: the app has one main process, the CLI and tests one workspace at a time. */
export const reportJobs = new ReportJobs();
