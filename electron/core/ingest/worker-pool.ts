/**
 * Runs parseFile in a worker_threads worker so heavy parsing never blocks the main process. One
 * long-lived worker serves requests in turn (starting one is costly); cancelling the file being
 * parsed terminates it and the next request starts a fresh one. A parse that never ends times out.
 */
import { Worker } from 'node:worker_threads';
import { PARSE_MEMORY_LIMIT_MB, PARSE_TIMEOUT_MS } from '../../../shared/limits';
import { ClaimbenchError, type ErrorCode } from '../../../shared/result';
import { parseFile, type ParsedFile, type ParseOptions } from './parse';
import type { ParseMessage, ParseRequest } from './parse-worker';
import { importRefusal, NEXT } from './refusals';

/** Under tsx/vitest the sources are .ts and the worker registers the tsx loader first; in a build it is plain .js. */
function createWorker(): Worker {
  const self = import.meta.url.replace(/\?.*$/, '');
  const limits = {
    resourceLimits: { maxOldGenerationSizeMb: activeLimits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 },
  };
  if (!self.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', self), limits);
  const entry = new URL('./parse-worker.ts', self).href;
  // Resolved here: an eval'd worker resolves bare names from the current directory, which a test may have changed.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, ...limits });
}

export interface ParseHandle {
  promise: Promise<ParsedFile>;
  cancel(): void;
}

const activeLimits = { memoryMb: PARSE_MEMORY_LIMIT_MB, timeoutMs: PARSE_TIMEOUT_MS };

/**
 * Tighter limits for tests that prove the limits work (a real file, a real worker, a smaller budget).
 * Applies to the next worker started; call stopParseWorker first. No argument restores the defaults.
 */
export function setParseLimits(limits: { memoryMb?: number; timeoutMs?: number } = {}): void {
  activeLimits.memoryMb = limits.memoryMb ?? PARSE_MEMORY_LIMIT_MB;
  activeLimits.timeoutMs = limits.timeoutMs ?? PARSE_TIMEOUT_MS;
}

interface Pending {
  id: number;
  name: string;
  resolve: (r: ParsedFile) => void;
  reject: (e: ClaimbenchError) => void;
  onProgress: (fraction: number) => void;
  options: ParseOptions;
  timer: NodeJS.Timeout | null;
  started: boolean;
  settled: boolean;
}

let worker: Worker | null = null;
let nextId = 1;
const queue: Pending[] = [];

function current(): Pending | undefined {
  return queue[0];
}

function settle(p: Pending, fn: () => void): void {
  if (p.settled) return;
  p.settled = true;
  if (p.timer) clearTimeout(p.timer);
  const i = queue.indexOf(p);
  if (i >= 0) queue.splice(i, 1);
  fn();
}

function kill(): void {
  const w = worker;
  worker = null;
  if (w) {
    w.removeAllListeners();
    void w.terminate();
  }
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = createWorker();
  w.unref();
  w.on('message', (m: ParseMessage & { id: number }) => {
    const p = current();
    if (!p || p.id !== m.id) return;
    if (m.type === 'progress') p.onProgress(m.fraction);
    else if (m.type === 'done') settle(p, () => p.resolve(m.result));
    else settle(p, () => p.reject(new ClaimbenchError(m.code as ErrorCode, m.message)));
    pump();
  });
  const die = (error: (name: string) => ClaimbenchError) => {
    kill();
    const p = current();
    if (p) settle(p, () => p.reject(error(p.name)));
    pump();
  };
  w.on('error', (e: Error) =>
    die((name) =>
      (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? importRefusal(
            'UNSUPPORTED_FORMAT',
            `${name} is too big or too complex to read, so its import was abandoned; nothing was stored.`,
            NEXT.split,
            `reading it needs more than the ${activeLimits.memoryMb} MB an import may use`,
          )
        : unreadable(name, e.message),
    ),
  );
  w.on('exit', (code) => die((name) => unreadable(name, `the parser stopped unexpectedly (exit ${code})`)));
  worker = w;
  return w;
}

function unreadable(name: string, why: string): ClaimbenchError {
  return importRefusal(
    'CORRUPT',
    `Claimbench could not read ${name}: it may be damaged, or not the kind of file its name says.`,
    NEXT.resaveAny,
    why,
  );
}

const payloads = new Map<number, Uint8Array>();

function pump(): void {
  const p = current();
  if (!p) worker?.unref();
  if (!p || p.started) return;
  p.started = true;
  const bytes = payloads.get(p.id)!;
  payloads.delete(p.id);
  p.timer = setTimeout(() => {
    kill();
    settle(p, () =>
      p.reject(
        importRefusal(
          'IO',
          `${p.name} took too long to read (over ${activeLimits.timeoutMs / 1000} seconds), so its import was abandoned; nothing was stored.`,
          NEXT.split,
        ),
      ),
    );
    pump();
  }, activeLimits.timeoutMs);
  const request: ParseRequest = { id: p.id, name: p.name, bytes, options: p.options };
  const w = ensureWorker();
  // Keep the process alive while a parse is running; an idle worker must not hold it open.
  w.ref();
  w.postMessage(request, [bytes.buffer as ArrayBuffer]);
}

let inline = false;

/**
 * Parse in the calling thread instead, without the worker's time and memory limits: only for tests
 * that feed thousands of small inputs. The app and the CLI always parse in the worker.
 */
export function parseInline(enabled: boolean): void {
  inline = enabled;
}

export function parseInWorker(
  name: string,
  bytes: Uint8Array,
  onProgress: (fraction: number) => void,
  options: ParseOptions = {},
): ParseHandle {
  if (inline) {
    let cancelled = false;
    const promise = parseFile(name, bytes, onProgress, options).then((r) => {
      if (cancelled) throw new ClaimbenchError('CANCELLED', `Import of ${name} was cancelled.`);
      return r;
    });
    return { promise, cancel: () => (cancelled = true) };
  }
  let pending!: Pending;
  const promise = new Promise<ParsedFile>((resolve, reject) => {
    pending = { id: nextId++, name, resolve, reject, onProgress, options, timer: null, started: false, settled: false };
  });
  // The worker takes ownership of the buffer; copy so the caller's bytes stay usable.
  payloads.set(pending.id, bytes.slice());
  queue.push(pending);
  pump();
  return {
    promise,
    cancel: () => {
      if (pending.settled) return;
      const running = pending.started;
      payloads.delete(pending.id);
      settle(pending, () => pending.reject(new ClaimbenchError('CANCELLED', `Import of ${name} was cancelled.`)));
      if (running) kill();
      pump();
    },
  };
}

/** Stop the worker (tests, app shutdown). */
export function stopParseWorker(): void {
  kill();
}
