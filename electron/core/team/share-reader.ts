/**
 * Reads a teammate's share file in a worker thread with a memory cap and a time budget, so a hostile
 * file can neither freeze the core nor grow it without bound. The schema check inside the read
 * already refuses views and triggers (the known ways to make a small file spin); the budget is the
 * backstop for whatever else a file might find. One worker serves reads in turn.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ClaimbenchError, type ErrorCode } from '../../../shared/result';
import { currentNativeBinding } from '../store/sqlite';
import { readShareFile, type ShareContents } from './read-share';
import type { ShareReadMessage, ShareReadRequest } from './share-read-worker';

/**
 * The worker's JavaScript heap: a backstop well above what MAX_SHARE_CHANGE_CHARS lets in (text read
 * as two-byte strings, plus transient copies while each row is checked). Attachment bytes live
 * outside the heap and are capped by MAX_SHARE_BLOB_BYTES. A single allocation past this limit can
 * bring V8 down rather than end the worker, so the character cap is what must trigger first.
 */
export const SHARE_READ_HEAP_MB = 3072;
const BASE_BUDGET_MS = 20_000;
/** Time allowed per byte of file beyond the base: a large honest file reads at well over 20 MB/s. */
const BUDGET_MS_PER_MB = 50;

export function shareReadBudgetMs(bytes: number): number {
  return BASE_BUDGET_MS + Math.ceil(bytes / 1_048_576) * BUDGET_MS_PER_MB;
}

/** Under tsx/vitest the sources are .ts and the worker registers the tsx loader first; in a build it is plain .js. */
function createWorker(): Worker {
  const self = import.meta.url.replace(/\?.*$/, '');
  const limits = { resourceLimits: { maxOldGenerationSizeMb: SHARE_READ_HEAP_MB } };
  if (!self.endsWith('.ts')) return new Worker(new URL('./share-read-worker.js', self), limits);
  const entry = new URL('./share-read-worker.ts', self).href;
  // Resolved here, not in the worker: an eval'd worker resolves bare names from the current folder.
  // require.resolve finds the CommonJS build; its ES module sibling is the one that registers hooks.
  const tsx = pathToFileURL(
    createRequire(self)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, ...limits });
}

let worker: Worker | null = null;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function drop(w: Worker): void {
  if (worker === w) worker = null;
  w.removeAllListeners();
  void w.terminate();
}

function readOnce(file: string, budgetMs: number): Promise<ShareContents> {
  const w = (worker ??= createWorker());
  const id = nextId++;
  const name = path.basename(file);
  return new Promise<ShareContents>((resolve, reject) => {
    const refuse = (code: ErrorCode, why: string) =>
      reject(new ClaimbenchError(code, `${name} was refused: ${why}. Nothing was changed.`));
    const finish = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
    };
    const onMessage = (m: ShareReadMessage) => {
      if (m.id !== id) return;
      finish();
      // Structured cloning turns Buffers into plain Uint8Arrays; give the bytes their Buffer methods back.
      if (m.type === 'done') {
        const blobs = m.contents.blobs.map((b) => ({
          ...b,
          bytes: Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength),
        }));
        resolve({ ...m.contents, blobs });
      } else reject(new ClaimbenchError(m.code as ErrorCode, m.message));
    };
    const onError = (e: Error) => {
      finish();
      drop(w);
      const memory = /memory|heap/i.test(e.message) || (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      refuse(
        'VALIDATION',
        memory ? 'reading it needs more memory than a share file may use' : `it could not be read (${e.message.slice(0, 200)})`,
      );
    };
    const onExit = (code: number) => {
      finish();
      drop(w);
      refuse('IO', `reading it stopped unexpectedly (exit ${code})`);
    };
    const timer = setTimeout(() => {
      finish();
      drop(w);
      refuse(
        'VALIDATION',
        `reading it took longer than its time budget (${(budgetMs / 1000).toFixed(budgetMs < 10_000 ? 1 : 0)} s)`,
      );
    }, budgetMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref();
    w.postMessage({ id, file, nativeBinding: currentNativeBinding() } satisfies ShareReadRequest);
  });
}

let inline = false;

/**
 * Read in the calling thread instead, without the budget: for a bundled test child that has no worker
 * file beside it and must be killable anywhere in a merge. The reading and checking code is the same.
 */
export function readSharesInline(enabled: boolean): void {
  inline = enabled;
}

/** readShareFile, in the worker, one read at a time, within the budget for the file's size. */
export function readShareFileBudgeted(file: string, budgetMs?: number): Promise<ShareContents> {
  const absolute = path.resolve(file);
  if (inline) return Promise.resolve().then(() => readShareFile(absolute));
  let size = 0;
  try {
    size = fs.statSync(absolute).size;
  } catch {
    // The read itself says what is wrong with a missing or unreadable file.
  }
  const run = queue.then(() => readOnce(absolute, budgetMs ?? shareReadBudgetMs(size)));
  queue = run.catch(() => undefined);
  return run;
}
