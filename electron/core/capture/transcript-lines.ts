/**
 * Transcript lines as they arrive, from standard input or from a file that is still being
 * written (followed like `tail -f`). Each line carries the byte offset just after it, so a
 * capture can record exactly how much of a file it has stored and resume there after a kill.
 */
import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { ClaimbenchError } from '../../../shared/result';

export interface TranscriptLine {
  /** The line without its line break. */
  text: string;
  /** Byte offset just after the line (after its newline when it has one). */
  end: number;
  /** False for the last line of the input when it has no newline (captured at end of input only). */
  complete: boolean;
  /** A piece of a line longer than MAX_LINE_BYTES, cut so that each piece can be stored. */
  split?: boolean;
}

/**
 * The longest line stored as one chunk (a chunk holds at most 200,000 characters, and a UTF-8 byte
 * is at most one character). A longer line is stored in pieces, cut at the last space when there is
 * one, so a pasted wall of text or a missing newline can never block a capture.
 */
export const MAX_LINE_BYTES = 200_000;

const READ_SIZE = 64 * 1024;
/** How often a followed file is checked when the file system sends no change events. */
const POLL_MS = 200;
const NEWLINE = 0x0a;

/** Split byte chunks into lines, keeping the byte offset of each line end. */
export class LineSplitter {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private offset: number) {}

  push(chunk: Buffer): TranscriptLine[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const lines: TranscriptLine[] = [];
    let from = 0;
    for (;;) {
      const nl = this.pending.indexOf(NEWLINE, from);
      if (nl !== -1 && nl - from <= MAX_LINE_BYTES) {
        this.offset += nl + 1 - from;
        lines.push({ text: decodeText(this.pending.subarray(from, nl)), end: this.offset, complete: true });
        from = nl + 1;
      } else if ((nl === -1 ? this.pending.length : nl) - from > MAX_LINE_BYTES) {
        const cut = cutPoint(this.pending, from);
        this.offset += cut - from;
        lines.push({ text: decodeText(this.pending.subarray(from, cut)), end: this.offset, complete: true, split: true });
        from = cut;
      } else break;
    }
    this.pending = this.pending.subarray(from);
    return lines;
  }

  /** Bytes of the line still waiting for its newline. */
  pendingLength(): number {
    return this.pending.length;
  }

  /** The incomplete last line, if any (at end of input). */
  rest(): TranscriptLine | null {
    if (this.pending.length === 0) return null;
    this.offset += this.pending.length;
    const line = { text: decodeText(this.pending), end: this.offset, complete: false };
    this.pending = Buffer.alloc(0);
    return line;
  }
}

/** Where to cut an over-long line starting at `from`: after the last space in range, else at a UTF-8 boundary. */
function cutPoint(buf: Buffer, from: number): number {
  const limit = from + MAX_LINE_BYTES;
  const space = buf.lastIndexOf(0x20, limit - 1);
  if (space > from + MAX_LINE_BYTES / 2) return space + 1;
  let cut = limit;
  while (cut > from && (buf[cut]! & 0xc0) === 0x80) cut--; // never inside a multi-byte character
  return cut;
}

/**
 * A transcript is text: a NUL byte means binary input (`/dev/zero`, an image) or UTF-16, and the
 * capture stops with that message instead of storing or waiting for ever.
 */
function decodeText(bytes: Buffer): string {
  if (bytes.includes(0))
    throw new ClaimbenchError(
      'VALIDATION',
      'The transcript is not UTF-8 text (it contains NUL bytes: binary data, or UTF-16); capture stopped.',
    );
  return decode(bytes);
}

function decode(bytes: Buffer): string {
  const decoder = new StringDecoder('utf8');
  return (decoder.write(bytes) + decoder.end()).replace(/\r$/, '');
}

/** Resolves on the first of: a file-system change event, the poll interval, the stop signal. */
function changeOrTimeout(watcher: { wake: (() => void) | null }, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      watcher.wake = null;
      resolve();
    };
    const timer = setTimeout(done, POLL_MS);
    signal.addEventListener('abort', done);
    watcher.wake = done;
  });
}

/**
 * Bytes of `file` from `start`: everything there now, then (when following) what is appended
 * until `signal` aborts. A file that shrinks below what was read is an error: it was replaced.
 * `beforeWait` runs each time the reader has caught up and is about to wait for more: a follower
 * checks there whether it should stop (it may abort `signal`, or throw to end with an error).
 */
export async function* fileBytes(
  file: string,
  start: number,
  follow: boolean,
  signal: AbortSignal,
  beforeWait?: () => void,
): AsyncGenerator<Buffer> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw new ClaimbenchError('VALIDATION', `Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const watcher: { wake: (() => void) | null } = { wake: null };
  let fsWatcher: fs.FSWatcher | null = null;
  if (follow) {
    try {
      fsWatcher = fs.watch(file, () => watcher.wake?.());
    } catch {
      fsWatcher = null; // polling alone still works
    }
  }
  try {
    let offset = start;
    const size = fs.fstatSync(fd).size;
    if (size < start)
      throw new ClaimbenchError(
        'VALIDATION',
        `${file} is shorter than what was already captured from it (${start} bytes): it was replaced.`,
      );
    const buffer = Buffer.alloc(READ_SIZE);
    // Once stopped, what the file holds at that moment is still read: it was written before the stop.
    let stopAt = Infinity;
    for (;;) {
      if (signal.aborted && stopAt === Infinity) stopAt = fs.fstatSync(fd).size;
      const read = fs.readSync(fd, buffer, 0, Math.min(READ_SIZE, Math.max(0, stopAt - offset)), offset);
      if (read > 0) {
        offset += read;
        yield Buffer.from(buffer.subarray(0, read));
        continue;
      }
      if (!follow || signal.aborted) return;
      if (fs.fstatSync(fd).size < offset) {
        throw new ClaimbenchError('VALIDATION', `${file} was truncated while it was being captured.`);
      }
      beforeWait?.();
      if (signal.aborted) continue;
      await changeOrTimeout(watcher, signal);
    }
  } finally {
    fsWatcher?.close();
    fs.closeSync(fd);
  }
}

/** Bytes of standard input as they arrive, until end of input or until `signal` aborts. */
export async function* stdinBytes(stdin: NodeJS.ReadableStream, signal: AbortSignal): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const onData = (chunk: Buffer | string) => {
    queue.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (e: Error) => {
    failure = e;
    notify();
  };
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.on('error', onError);
  signal.addEventListener('abort', notify);
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      if (failure) throw new ClaimbenchError('VALIDATION', `Cannot read standard input: ${(failure as Error).message}`);
      if (ended || signal.aborted) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    stdin.off('data', onData);
    stdin.off('end', onEnd);
    stdin.off('error', onError);
    signal.removeEventListener('abort', notify);
    stdin.pause();
  }
}

/** Lines of a byte stream; the incomplete last line is given at the end only when `finishTail`. */
export async function* linesOf(
  bytes: AsyncIterable<Buffer>,
  start: number,
  finishTail: () => boolean,
): AsyncGenerator<TranscriptLine> {
  const splitter = new LineSplitter(start);
  for await (const chunk of bytes) yield* splitter.push(chunk);
  if (finishTail()) {
    const rest = splitter.rest();
    if (rest) yield rest;
  }
}
