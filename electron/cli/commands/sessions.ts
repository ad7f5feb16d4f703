import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { api, type OperationName, type OperationOutput } from '../../../shared/api';
import type { Claim } from '../../../shared/domain';
import type { CaptureResult, CheckSession, SessionSummary } from '../../../shared/sessions';
import { parseOrThrow } from '../../../shared/validate';
import { appendChunk, consumedBytes } from '../../core/capture/append';
import type { CoreContext } from '../../core/context';
import { inWorkableSession } from '../../core/sessions/lifecycle';
import { userError, withWorkspace } from '../context';
import type { CliIO } from '../io';
import { labelsInLine, LIVE_CAPTURE_LABELS } from '../../../shared/text/speaker-turns';
import { fileBytes, linesOf, MAX_LINE_BYTES, stdinBytes, type TranscriptLine } from '../../core/capture/transcript-lines';
import { countLabel } from '../../../shared/text/count-label';

type Run = <N extends OperationName>(name: N, input: unknown) => Promise<OperationOutput<N>>;

const collect = (v: string, acc: string[]) => [...acc, v];

/** 3725000 → "1:02:05". */
export function clockTime(ms: number): string {
  const s = Math.round(ms / 1000);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${Math.floor(s / 3600)}:${mm}:${ss}`;
}

function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The session a command is about: the given one, else this person's running one, else their most recent. */
async function pickSession(run: Run, id: string | undefined, file: string): Promise<CheckSession> {
  if (id) return run('sessions.get', { id });
  const mine = (await run('sessions.list', {})).filter((s) => s.mine);
  const chosen = mine.find((s) => s.status === 'active') ?? mine[0];
  if (!chosen) throw userError(`No checking session in ${file}. Start one: claimbench session start ${file}`);
  return run('sessions.get', { id: chosen.id });
}

function progressLine(s: CheckSession): string {
  const c = s.counts;
  const elsewhere = c.decidedElsewhere > 0 ? ` (${c.decidedElsewhere} decided outside the session)` : '';
  return `${c.done}/${c.total} done${elsewhere}, ${c.skipped} skipped, ${c.later} needs more time, ${c.pending} to check`;
}

function printStatus(io: CliIO, s: CheckSession, summary: SessionSummary, current: Claim | null): void {
  const v = summary.verdicts;
  const perClaim =
    summary.meanMsPerClaim === null
      ? '–'
      : `mean ${clockTime(summary.meanMsPerClaim)}, median ${clockTime(summary.medianMsPerClaim ?? 0)}`;
  io.out(`Session “${s.name}” (${s.id})${s.mine ? '' : `, ${s.ownerName}’s`}`);
  io.out(`  Status      ${s.status}${s.endedAt ? ` (ended ${s.endedAt})` : ''}`);
  io.out(`  Elapsed     ${clockTime(s.elapsedMs)}`);
  io.out(`  Progress    ${progressLine(s)}`);
  io.out(`  Current     ${current ? `${current.id}  ${oneLine(current.text)}` : '–'}`);
  if (s.captureDocumentId) {
    io.out(
      `  Captured    ${countLabel(summary.captured, 'claim')}${summary.speakers.length > 0 ? ` (speakers: ${summary.speakers.join(', ')})` : ''}`,
    );
  }
  io.out(`  Reviewed    ${summary.reviewed}: ${v.sourced} sourced, ${v.disputed} disputed, ${v.unverified} unverified`);
  io.out(`  Time/claim  ${perClaim}`);
  io.out(`  Open items  ${summary.later + summary.skipped + summary.pending}`);
  for (const item of summary.openItems.slice(0, 10)) {
    io.out(`    ${item.state.padEnd(7)}  ${item.claimId}  ${item.speaker ? `${item.speaker}: ` : ''}${oneLine(item.text, 80)}`);
  }
  if (summary.openItems.length > 10) io.out(`    … and ${summary.openItems.length - 10} more`);
}

async function statusOf(run: Run, s: CheckSession): Promise<{ summary: SessionSummary; current: Claim | null }> {
  const summary = await run('sessions.summary', { id: s.id });
  const current = s.currentClaimId ? await run('claims.get', { id: s.currentClaimId }).catch(() => null) : null;
  return { summary, current };
}

function summaryJson(s: CheckSession, summary: SessionSummary, current: Claim | null) {
  const { session: _session, ...figures } = summary;
  return { session: s, currentClaim: current ? { id: current.id, text: current.text } : null, summary: figures };
}

export function registerSessionCommands(program: Command, io: CliIO): void {
  const session = program.command('session').description('checking sessions: a queue of claims worked through against the clock');

  session
    .command('start')
    .description('start a checking session (pauses the one you had running)')
    .argument('<file>', 'workspace file')
    .option('--document <id>', 'only the claims of this document (repeatable; default: every claim)', collect, [] as string[])
    .option('--name <name>', 'the session’s name')
    .option(
      '--capture [title]',
      'with live capture into a new transcript document (optional title); the queue starts empty unless --document is given',
    )
    .option('--include-decided', 'queue claims already decided too (default: only the claims not reviewed yet)')
    .option('--json', 'print the session as JSON, with "queued": how many claims it queued')
    .action(async (file: string, o: StartOptions) => {
      const s = await withWorkspace(file, program.opts(), (_ctx, run) =>
        run('sessions.start', {
          name: o.name,
          scope:
            o.document.length > 0 || o.includeDecided
              ? {
                  ...(o.document.length > 0 ? { documentIds: o.document } : {}),
                  ...(o.includeDecided ? { includeDecided: true } : {}),
                }
              : undefined,
          capture: o.capture === undefined ? undefined : { title: typeof o.capture === 'string' ? o.capture : undefined },
        }),
      );
      if (o.json) io.out(JSON.stringify({ ...s, queued: s.counts.total }, null, 2));
      else
        io.out(
          `${s.id}  “${s.name}”  ${countLabel(s.counts.total, 'claim')} in the queue${s.captureDocumentId ? ', live capture' : ''}`,
        );
    });

  session
    .command('status')
    .description('your running (or most recent) session: progress, elapsed time, current claim, summary figures')
    .argument('<file>', 'workspace file')
    .option('--session <id>', 'this session instead')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { session?: string; json?: boolean }) => {
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        const s = await pickSession(run, o.session, file);
        const { summary, current } = await statusOf(run, s);
        if (o.json) io.out(JSON.stringify(summaryJson(s, summary, current), null, 2));
        else printStatus(io, s, summary, current);
      });
    });

  session
    .command('list')
    .description('every session in the workspace, most recent first')
    .argument('<file>', 'workspace file')
    .option('--json', 'print a JSON array')
    .action(async (file: string, o: { json?: boolean }) => {
      const sessions = await withWorkspace(file, program.opts(), (_ctx, run) => run('sessions.list', {}));
      if (o.json) io.out(JSON.stringify(sessions, null, 2));
      else if (sessions.length === 0) io.out('No sessions.');
      else
        for (const s of sessions) {
          const who = s.mine ? '' : `  (${s.ownerName})`;
          io.out(
            `${s.id}  ${s.status.padEnd(6)}  ${clockTime(s.elapsedMs)}  ${s.counts.done}/${s.counts.total}  “${s.name}”${who}`,
          );
        }
    });

  session
    .command('end')
    .description('end your running session (or the given one) and print its summary')
    .argument('<file>', 'workspace file')
    .option('--session <id>', 'this session instead')
    .option('--json', 'print JSON')
    .action(async (file: string, o: { session?: string; json?: boolean }) => {
      await withWorkspace(file, program.opts(), async (_ctx, run) => {
        const picked = await pickSession(run, o.session, file);
        if (picked.status === 'ended') throw userError(`The session “${picked.name}” has already ended.`);
        const s = await run('sessions.end', { id: picked.id });
        const { summary } = await statusOf(run, s);
        if (o.json) io.out(JSON.stringify(summaryJson(s, summary, null), null, 2));
        else printStatus(io, s, summary, null);
      });
    });

  program
    .command('capture')
    .description('capture a live transcript from standard input or a growing file; prints the claims it spots')
    .argument('<file>', 'workspace file')
    .argument('[path]', 'transcript file to follow, or - for standard input (the default)')
    .option(
      '--speaker <name>',
      'who speaks until the first speaker label such as "HARRIS:" (not needed when the transcript starts with a label)',
    )
    .option('--session <id>', 'capture into this session (default: your running session, else a new one)')
    .option('--title <title>', 'title of a new capture session and its transcript')
    .option('--no-follow', 'read what the file holds now and stop (default: keep following it)')
    .option('--json', 'one JSON object per event: {"type":"line"…} per stored line, {"type":"claim"…} per claim')
    .action(async (file: string, source: string | undefined, o: CaptureOptions) => {
      await withWorkspace(file, program.opts(), (ctx, run) => captureTranscript(ctx, run, io, file, source, o));
    });
}

interface StartOptions {
  document: string[];
  name?: string;
  capture?: string | boolean;
  includeDecided?: boolean;
  json?: boolean;
}

interface CaptureOptions {
  speaker?: string;
  session?: string;
  title?: string;
  follow: boolean;
  json?: boolean;
}

/**
 * The session to capture into: `--session`, else the one this person has running (given live
 * capture if it had none, so `session start` then `capture` works in one session), else a new one.
 * Choosing writes nothing; `openCaptureSession` starts it or gives it live capture.
 */
async function chosenSession(run: Run, o: CaptureOptions): Promise<CheckSession | undefined> {
  return o.session
    ? await run('sessions.get', { id: o.session })
    : (await run('sessions.list', {})).find((s) => s.mine && s.status === 'active');
}

async function openCaptureSession(run: Run, chosen: CheckSession | undefined, title: string | undefined): Promise<CheckSession> {
  if (!chosen) return run('sessions.start', { name: title, capture: { title } });
  return chosen.captureDocumentId ? chosen : run('sessions.addCapture', { id: chosen.id, title });
}

/** A line said before any speaker is known: nobody to attribute it to, so it is not stored. */
function noSpeaker(text: string, storedLines: number): Error {
  const said = text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim();
  return userError(
    `“${said}” names no speaker and none is known yet${storedLines > 0 ? ` (${storedLines} lines stored before it)` : ''}: ` +
      'start it with a label such as "HARRIS:", or give --speaker NAME for who speaks until the first label.',
  );
}

/** Prints what a capture does: plain lines for people, one JSON object per event with --json. */
class CaptureReporter {
  lines = 0;
  claims = 0;

  constructor(
    private readonly io: CliIO,
    private readonly json: boolean,
  ) {}

  started(s: CheckSession, source: string, from: number): void {
    if (this.json) this.emit({ type: 'session', id: s.id, name: s.name, captureDocumentId: s.captureDocumentId, source, from });
    else this.io.out(`Capturing into “${s.name}” (${s.id}) from ${source}${from > 0 ? `, resuming at byte ${from}` : ''}`);
  }

  stored(r: CaptureResult, line: TranscriptLine | null): void {
    if (line) {
      this.lines++;
      if (this.json) this.emit({ type: 'line', seq: r.seq, end: line.end, speaker: r.speaker, text: line.text });
    }
    for (const claim of r.claims) {
      this.claims++;
      const sentence = r.sentences.find((x) => x.claimId === claim.id);
      const speaker = sentence?.speaker ?? claim.claimant;
      const at = sentence?.capturedAt ?? r.capturedAt;
      if (this.json) this.emit({ type: 'claim', id: claim.id, capturedAt: at, speaker, score: claim.score, text: claim.text });
      else this.io.out(`${at.slice(11, 19)}  ${(speaker ?? '–').padEnd(12)}  ${(claim.score ?? 0).toFixed(2)}  ${claim.text}`);
    }
  }

  finished(s: CheckSession): void {
    if (this.json) this.emit({ type: 'end', lines: this.lines, claims: this.claims, session: s.id });
    else
      this.io.out(`Captured ${countLabel(this.lines, 'line')}, ${countLabel(this.claims, 'claim')}. Queue: ${progressLine(s)}`);
  }

  private emit(event: Record<string, unknown>): void {
    this.io.out(JSON.stringify(event));
  }
}

/** Stop on SIGINT/SIGTERM (or a closed stdout): the loop ends after the line in hand, flushes, and the workspace closes. */
function stopOnSignals(): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The reader went away (`capture … | head`): stop as on Ctrl-C rather than crash on EPIPE. Kept after
  // release: the error of the last write arrives after the capture has finished.
  process.stdout.on('error', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

async function captureTranscript(
  ctx: CoreContext,
  run: Run,
  io: CliIO,
  file: string,
  sourceArg: string | undefined,
  o: CaptureOptions,
): Promise<void> {
  const speakerOption = parseOrThrow(api['capture.append'].input.shape.speaker, o.speaker, '--speaker');
  if (o.speaker !== undefined && !speakerOption) throw userError('--speaker: give the name of who is speaking');
  const filePath = sourceArg && sourceArg !== '-' ? path.resolve(sourceArg) : null;
  if (filePath && !fs.existsSync(filePath)) throw userError(`No such file: ${sourceArg}`);
  // The key under which the consumed offset is stored: the same file resumes wherever it is named from.
  const sourceKey = filePath ? fs.realpathSync(filePath) : null;

  const chosen = await chosenSession(run, o);
  const captured = chosen?.captureDocumentId ? chosen : undefined;
  const from = sourceKey && captured ? consumedBytes(ctx, captured.id, sourceKey) : 0;
  let lastSpeaker = captured ? (await run('capture.feed', { sessionId: captured.id, limit: 1 })).lastSpeaker : null;
  const reporter = new CaptureReporter(io, !!o.json);
  const title = o.title ?? (sourceKey ? path.basename(sourceKey) : undefined);
  const open = async (): Promise<CheckSession> => {
    const s = await openCaptureSession(run, chosen, title);
    reporter.started(s, sourceKey ?? 'standard input', from);
    return s;
  };
  // Until a speaker is known, the first line may be refused: the session is opened once a line is
  // accepted, so a refused capture leaves no empty session behind.
  let session = lastSpeaker !== null || speakerOption ? await open() : null;
  let sawLabel = false;
  const { signal, release } = stopOnSignals();
  try {
    const bytes = sourceKey ? fileBytes(sourceKey, from, o.follow, signal) : stdinBytes(process.stdin, signal);
    // A file's unfinished last line stays in the file for the next run; standard input cannot be re-read.
    const lines = linesOf(bytes, from, () => !sourceKey || !o.follow);
    for await (const line of lines) {
      if (line.split)
        io.err(
          `A line longer than ${MAX_LINE_BYTES.toLocaleString('en')} bytes was stored in pieces (this piece ends at byte ${line.end}).`,
        );
      const hasText = line.text.trim() !== '';
      // A blank line moves a file's stored offset on, once there is a session to store it in.
      if (!hasText && (!sourceKey || !session)) continue;
      if (hasText) {
        const labelled = labelsInLine(line.text, LIVE_CAPTURE_LABELS)[0]?.labelStart === 0;
        if (!labelled && lastSpeaker === null && !speakerOption && !sawLabel) throw noSpeaker(line.text, reporter.lines);
        sawLabel ||= labelled;
      }
      session ??= await open();
      const input = parseOrThrow(api['capture.append'].input, {
        sessionId: session.id,
        text: line.text,
        speaker: lastSpeaker === null ? speakerOption : undefined,
      });
      const now = Date.now();
      const consumed = sourceKey ? { source: sourceKey, bytes: line.end } : undefined;
      // One commit per line: the session's sign of life, the chunk, its claims and the file offset together.
      const r = inWorkableSession(ctx, session.id, now, (row) =>
        appendChunk(ctx, row, { text: input.text, speaker: input.speaker, consumed }, now),
      );
      lastSpeaker = r.speaker;
      session = r.session;
      reporter.stored(r, hasText ? line : null);
    }
    session ??= await open();
    const flushed = await run('capture.flush', { sessionId: session.id });
    reporter.stored(flushed, null);
    reporter.finished(flushed.session);
  } finally {
    release();
  }
}
