/**
 * Live-capture test helpers: labelled transcript lines made of real debate sentences, the real
 * `claimbench capture` run as a child process with its --json events, and the stored transcript.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitSpeakerLabel } from '../../shared/text/speaker-turns';
import { parseCheckworthyTsv } from '../../shared/spotting/dataset';
import { createTestContext } from './workspace';
import { CORPUS_DIR } from './corpus';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/claimbench.mjs');
export const DEBATE_TSV = path.resolve(CORPUS_DIR, '../data/checkworthy/CT24_checkworthy_english_dev.tsv');
export const SPEAKERS = ['MODERATOR', 'HARRIS', 'TRUMP'] as const;
/** The name a capture gives each label: title case, never the all-caps label (a typed speaker stays as typed). */
export const SPEAKER_NAMES: Record<string, string> = { MODERATOR: 'Moderator', HARRIS: 'Harris', TRUMP: 'Trump' };

export interface DebateSentence {
  text: string;
  checkWorthy: boolean;
}

/** Real debate sentences that are safe as one transcript line each (no label of their own, no control characters). */
export function debateSentences(): DebateSentence[] {
  return parseCheckworthyTsv(fs.readFileSync(DEBATE_TSV, 'utf8'))
    .map((d) => ({ text: d.text, checkWorthy: d.label }))
    .filter(
      (d) =>
        d.text === d.text.trim() &&
        d.text.length > 0 &&
        // eslint-disable-next-line no-control-regex -- lines with control characters are cleaned by the core
        !/[\u0000-\u001f\u007f]/.test(d.text) &&
        splitSpeakerLabel(d.text).speaker === null,
    );
}

export { seededRandom as seeded } from '../../shared/seeded-random';

export interface TranscriptLineSpec {
  /** The line as written (with its label when it has one). */
  line: string;
  /** Who is speaking once the line is read (the name the capture gives, SPEAKER_NAMES). */
  speaker: string;
  /** The text stored for it (the line without its label). */
  text: string;
}

/** `count` lines from `sentences`, most with a label, some continuing the previous speaker. */
export function labelledLines(
  sentences: DebateSentence[],
  count: number,
  random: () => number,
  first = 'HOST',
): TranscriptLineSpec[] {
  const out: TranscriptLineSpec[] = [];
  let speaker = first;
  for (let i = 0; i < count; i++) {
    const text = sentences[Math.floor(random() * sentences.length)]!.text;
    if (i > 0 && random() < 0.7) {
      const label = SPEAKERS[Math.floor(random() * SPEAKERS.length)]!;
      speaker = SPEAKER_NAMES[label]!;
      out.push({ line: `${label}: ${text}`, speaker, text });
    } else out.push({ line: text, speaker, text });
  }
  return out;
}

export interface CaptureEvent {
  type: 'session' | 'line' | 'claim' | 'end';
  [key: string]: unknown;
}

/** A running `claimbench capture … --json`, with the events it has printed so far. */
export class CaptureProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private stdoutText = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, CLAIMBENCH_AUTHOR: 'CLI Tester' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (d: Buffer) => (this.stdoutText += d.toString('utf8')));
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString('utf8')));
    this.child.stdin.on('error', () => undefined); // writing to a killed process
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Complete JSON events printed so far (a line cut by a kill is left out). */
  events(): CaptureEvent[] {
    return this.stdoutText
      .split('\n')
      .slice(0, -1)
      .map((l) => JSON.parse(l) as CaptureEvent);
  }

  lineEvents(): CaptureEvent[] {
    return this.events().filter((e) => e.type === 'line');
  }

  async waitFor(test: (events: CaptureEvent[]) => boolean, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!test(this.events())) {
      if (this.child.exitCode !== null) throw new Error(`capture exited (${this.child.exitCode}): ${this.stderr}`);
      if (Date.now() > until) throw new Error(`capture: timed out; stderr: ${this.stderr}`);
      await sleep(20);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StoredChunk {
  seq: number;
  speaker: string | null;
  text: string;
}

/** The capture sessions' stored transcript chunks, and what the capture recorded as consumed. */
export function readCapture(file: string): {
  chunks: StoredChunk[];
  consumed: { source: string; consumed: number }[];
  integrity: string;
  sessions: number;
} {
  const ctx = createTestContext('CLI Tester', file);
  try {
    const db = ctx.workspace.db;
    const chunks = db
      .prepare(
        `SELECT t.seq, t.speaker, t.text FROM transcript_chunks t JOIN check_sessions s ON s.capture_document_id = t.document_id
         WHERE t.deleted = 0 ORDER BY s.started_at, t.seq`,
      )
      .all() as StoredChunk[];
    const consumed = db.prepare('SELECT source, consumed FROM capture_inputs').all() as { source: string; consumed: number }[];
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const sessions = db.prepare('SELECT count(*) FROM check_sessions').pluck().get() as number;
    return { chunks, consumed, integrity, sessions };
  } finally {
    ctx.workspace.close();
  }
}
