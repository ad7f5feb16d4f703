/**
 * The import in progress, kept outside React so it survives the dialog closing: files read in the
 * renderer (or chosen through the host's dialog) become one batch in the core, which this polls.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { BatchStatus, ImportOutcome } from '../../shared/spotting/ingest-types';
import { ApiError, call, errorMessage } from '../api/client';
import { readPickedFiles, type PickedFile } from './readFiles';

export type ImportRowState = 'queued' | 'parsing' | 'done' | 'duplicate' | 'failed' | 'cancelled';

export interface ImportRow {
  key: string;
  name: string;
  state: ImportRowState;
  outcome: ImportOutcome | null;
  /** Position in the batch (files sent to the core only): what "import anyway" names. */
  index: number | null;
  /** A duplicate the person chose to skip: no longer asked about. */
  skipped: boolean;
}

export interface ImportJob {
  phase: 'idle' | 'reading' | 'running' | 'finished';
  /** Names in the order they were sent to the core. */
  names: string[];
  /** Refused before reaching the core (folders, too large). */
  refused: ImportOutcome[];
  status: BatchStatus | null;
  error: string | null;
  /** Batch positions of duplicates the person chose to skip. */
  skipped: number[];
}

const idle: ImportJob = { phase: 'idle', names: [], refused: [], status: null, error: null, skipped: [] };
const POLL_MS = 200;

let job: ImportJob = idle;
const listeners = new Set<() => void>();

function set(next: Partial<ImportJob>): void {
  job = { ...job, ...next };
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useImportJob(): ImportJob {
  return useSyncExternalStore(subscribe, () => job);
}

export function isBusy(j: ImportJob = job): boolean {
  return j.phase === 'reading' || j.phase === 'running';
}

function rowState(o: ImportOutcome): ImportRowState {
  if (o.status === 'imported') return 'done';
  return o.status;
}

/** One row per file: finished ones from their outcome, then the one being parsed, then the queue. */
export function importRows(j: ImportJob): ImportRow[] {
  const outcomes = j.status?.outcomes ?? [];
  const rows: ImportRow[] = j.names.map((name, i) => {
    const outcome = outcomes[i] ?? null;
    const state: ImportRowState = outcome
      ? rowState(outcome)
      : j.phase === 'reading'
        ? 'queued'
        : i === outcomes.length && j.status?.state === 'running'
          ? 'parsing'
          : 'queued';
    return { key: `sent-${i}`, name, state, outcome, index: i, skipped: j.skipped.includes(i) };
  });
  return [
    ...rows,
    ...j.refused.map((o, i) => ({
      key: `refused-${i}`,
      name: o.name,
      state: 'failed' as const,
      outcome: o,
      index: null,
      skipped: false,
    })),
  ];
}

export function summarise(j: ImportJob): { imported: number; duplicates: number; failed: number; claims: number } {
  const all = [...(j.status?.outcomes ?? []), ...j.refused];
  return {
    imported: all.filter((o) => o.status === 'imported').length,
    duplicates: all.filter((o) => o.status === 'duplicate').length,
    failed: all.filter((o) => o.status === 'failed').length,
    claims: all.reduce((n, o) => n + o.claimCount, 0),
  };
}

async function poll(client: QueryClient, jobId: string): Promise<void> {
  let seen = job.status?.completed ?? 0;
  for (;;) {
    await new Promise((r) => window.setTimeout(r, POLL_MS));
    if (job.status?.jobId !== jobId) return;
    let status: BatchStatus;
    try {
      status = await call('ingest.batchStatus', { jobId });
    } catch (e) {
      set({ phase: 'finished', error: errorMessage(e) });
      return;
    }
    if (job.status?.jobId !== jobId) return;
    set({ status });
    // Each stored document shows up in the lists as soon as it is in.
    if (status.completed !== seen) {
      seen = status.completed;
      await client.invalidateQueries();
    }
    if (status.state !== 'running') {
      set({ phase: 'finished' });
      return;
    }
  }
}

async function run(client: QueryClient, names: string[], refused: ImportOutcome[], start: () => Promise<BatchStatus>) {
  if (names.length === 0) {
    set({ phase: 'finished', names, refused, status: null });
    return;
  }
  set({ phase: 'running', names, refused, status: null, error: null, skipped: [] });
  try {
    const status = await start();
    set({ status });
    await poll(client, status.jobId);
  } catch (e) {
    set({ phase: 'finished', error: errorMessage(e) });
  }
}

/** Dropped files or files from a file input. */
export async function importPicked(client: QueryClient, picked: PickedFile[]): Promise<void> {
  if (isBusy() || picked.length === 0) return;
  set({ ...idle, phase: 'reading', names: picked.map((p) => p.file.name) });
  const { files, refused } = await readPickedFiles(picked);
  await run(
    client,
    files.map((f) => f.name),
    refused,
    () => call('ingest.startBatch', { files }),
  );
}

/**
 * Files chosen in the host's open dialog (the core reads them). Resolves false when no host can
 * show a dialog (a plain browser), so the caller falls back to a file input.
 */
export async function importChosen(client: QueryClient): Promise<boolean> {
  if (isBusy()) return true;
  let chosen: { status: BatchStatus | null; names: string[] };
  try {
    chosen = await call('ingest.importChosen', {});
  } catch (e) {
    if (e instanceof ApiError && e.code === 'FORBIDDEN') return false;
    set({ ...idle, phase: 'finished', error: errorMessage(e) });
    return true;
  }
  const started = chosen.status;
  if (started) await run(client, chosen.names, [], () => Promise.resolve(started));
  return true;
}

/** "Import anyway": the core stores the copy it held back; the row becomes an imported one. */
export async function importDuplicateAnyway(client: QueryClient, index: number): Promise<void> {
  const status = job.status;
  if (!status) return;
  try {
    const outcome = await call('ingest.importDuplicate', { jobId: status.jobId, index });
    if (job.status?.jobId !== status.jobId) return;
    const outcomes = [...job.status.outcomes];
    outcomes[index] = outcome;
    set({ status: { ...job.status, outcomes } });
    await client.invalidateQueries();
  } catch (e) {
    set({ error: errorMessage(e) });
  }
}

/** "Skip": keep the duplicate out, and stop asking about it. */
export function skipDuplicate(index: number): void {
  if (!job.skipped.includes(index)) set({ skipped: [...job.skipped, index] });
}

export async function cancelImport(): Promise<void> {
  const jobId = job.status?.jobId;
  if (!jobId || job.phase !== 'running') return;
  try {
    set({ status: await call('ingest.cancelBatch', { jobId }) });
  } catch (e) {
    set({ error: errorMessage(e) });
  }
}

export function clearImport(): void {
  if (!isBusy()) set(idle);
}
