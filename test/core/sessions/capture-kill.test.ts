/**
 * The kill test: `claimbench capture` is SIGKILLed at a random moment while lines keep
 * arriving (seeded), then the workspace is opened and the stored transcript checked against
 * what was written and what the process acknowledged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runClaimbench } from '../../helpers/cli';
import {
  CaptureProcess,
  debateSentences,
  labelledLines,
  readCapture,
  seeded,
  sleep,
  type TranscriptLineSpec,
} from '../../helpers/capture';
import { createTestContext } from '../../helpers/workspace';
import { withoutShared } from '../../helpers/corpus';

/** Tests that read ../shared skip, with one line saying why, on a clone without it. */
const noShared = withoutShared(import.meta.url);

const ROUNDS = 4;
const LINES = 120;
const sentences = noShared ? [] : debateSentences();

function newWorkspace(): { dir: string; ws: string } {
  const ctx = createTestContext('CLI Tester');
  ctx.workspace.close();
  return { dir: ctx.dir, ws: ctx.file };
}

/**
 * Write lines at random intervals, sometimes a line in two writes (cut inside its bytes), until
 * the kill timer fires; returns how many whole lines were written and the bytes of a cut line.
 */
async function writeUntilKilled(
  random: () => number,
  lines: TranscriptLineSpec[],
  write: (bytes: Buffer) => void,
  killed: () => boolean,
): Promise<{ whole: number; rest: Buffer | null }> {
  for (let i = 0; i < lines.length; i++) {
    const bytes = Buffer.from(`${lines[i]!.line}\n`);
    if (random() < 0.25) {
      const cut = 1 + Math.floor(random() * (bytes.length - 1));
      write(bytes.subarray(0, cut));
      await sleep(random() * 12);
      if (killed()) return { whole: i, rest: bytes.subarray(cut) };
      write(bytes.subarray(cut));
    } else write(bytes);
    await sleep(random() * 20);
    if (killed()) return { whole: i + 1, rest: null };
  }
  return { whole: lines.length, rest: null };
}

/** (a) every acknowledged line is stored; (b) what is stored is exactly a prefix of what was written. */
function checkAfterKill(capture: CaptureProcess, ws: string, lines: TranscriptLineSpec[], whole: number): number {
  const stored = readCapture(ws);
  expect(stored.integrity).toBe('ok');
  const acked = capture.lineEvents();
  const n = stored.chunks.length;
  expect(n).toBeLessThanOrEqual(whole);
  expect(stored.chunks.map((c) => [c.seq, c.speaker, c.text])).toEqual(
    lines.slice(0, n).map((l, i) => [i + 1, l.speaker, l.text]),
  );
  expect(n).toBeGreaterThanOrEqual(acked.length);
  expect(acked.map((e) => [e.seq, e.text])).toEqual(lines.slice(0, acked.length).map((l, i) => [i + 1, l.line]));
  return n;
}

describe.skipIf(noShared)('claimbench capture killed mid-stream', () => {
  it('a growing file: acknowledged lines are stored, nothing twice, and a rerun stores the rest exactly once', async () => {
    let acknowledged = 0;
    let cutMidLine = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const random = seeded(8_000 + round);
      const { dir, ws } = newWorkspace();
      const transcript = path.join(dir, 'debate.txt');
      fs.writeFileSync(transcript, '');
      const lines = labelledLines(sentences, LINES, random);

      const capture = new CaptureProcess(['capture', ws, transcript, '--speaker', 'HOST', '--json']);
      await capture.waitFor((e) => e.some((x) => x.type === 'session'));
      let killed = false;
      const timer = setTimeout(
        () => {
          capture.child.kill('SIGKILL');
          killed = true;
        },
        100 + random() * 1_200,
      );
      const { whole, rest } = await writeUntilKilled(
        random,
        lines,
        (b) => fs.appendFileSync(transcript, b),
        () => killed,
      );
      clearTimeout(timer);
      if (!killed) capture.child.kill('SIGKILL');
      expect((await capture.exited).signal).toBe('SIGKILL');

      const n = checkAfterKill(capture, ws, lines, whole);
      acknowledged += capture.lineEvents().length;
      const consumed = readCapture(ws).consumed;
      const storedBytes = Buffer.byteLength(
        lines
          .slice(0, n)
          .map((l) => `${l.line}\n`)
          .join(''),
      );
      expect(consumed).toEqual(n === 0 ? [] : [{ source: fs.realpathSync(transcript), consumed: storedBytes }]);

      // (c) The writer goes on (finishing a cut line); a rerun resumes where the stored lines end.
      if (rest) {
        cutMidLine++;
        fs.appendFileSync(transcript, rest);
      }
      const more = whole + (rest ? 1 : 0) + 5;
      fs.appendFileSync(
        transcript,
        lines
          .slice(whole + (rest ? 1 : 0), more)
          .map((l) => `${l.line}\n`)
          .join(''),
      );
      const rerun = runClaimbench(['capture', ws, transcript, '--speaker', 'HOST', '--no-follow', '--json']);
      expect(rerun.code, rerun.stderr).toBe(0);
      const first = JSON.parse(rerun.stdout.split('\n')[0]!) as { type: string; from: number };
      expect(first).toMatchObject({ type: 'session', from: storedBytes });
      const after = readCapture(ws);
      expect(after.integrity).toBe('ok');
      expect(after.sessions).toBe(1);
      expect(after.chunks.map((c) => [c.seq, c.speaker, c.text])).toEqual(
        lines.slice(0, more).map((l, i) => [i + 1, l.speaker, l.text]),
      );
      expect(after.consumed[0]!.consumed).toBe(fs.statSync(transcript).size);
    }
    // The rounds did kill the process while it was storing lines (and, seeded, inside a line).
    expect(acknowledged).toBeGreaterThan(0);
    expect(cutMidLine + acknowledged).toBeGreaterThan(ROUNDS);
  });

  it('standard input: acknowledged lines are stored and the transcript is an untorn prefix', async () => {
    let acknowledged = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const random = seeded(9_000 + round);
      const { ws } = newWorkspace();
      const lines = labelledLines(sentences, LINES, random);

      const capture = new CaptureProcess(['capture', ws, '-', '--speaker', 'HOST', '--json', '--title', `Round ${round}`]);
      await capture.waitFor((e) => e.some((x) => x.type === 'session'));
      let killed = false;
      const timer = setTimeout(
        () => {
          capture.child.kill('SIGKILL');
          killed = true;
        },
        100 + random() * 1_200,
      );
      const { whole } = await writeUntilKilled(
        random,
        lines,
        (b) => capture.child.stdin.write(b),
        () => killed,
      );
      clearTimeout(timer);
      if (!killed) capture.child.kill('SIGKILL');
      expect((await capture.exited).signal).toBe('SIGKILL');

      const n = checkAfterKill(capture, ws, lines, whole);
      acknowledged += capture.lineEvents().length;

      // Capture goes on in the same session: new lines follow the stored ones directly.
      const next = lines.slice(n, n + 3);
      const resumed = runClaimbench(['capture', ws, '--speaker', next[0]!.speaker, '--json'], {
        // Labels for the labelled speakers; the typed first speaker (only ever at the start) has none.
        input: next.map((l) => (l.speaker === 'HOST' ? `${l.text}\n` : `${l.speaker.toUpperCase()}: ${l.text}\n`)).join(''),
      });
      expect(resumed.code, resumed.stderr).toBe(0);
      const after = readCapture(ws);
      expect(after.integrity).toBe('ok');
      expect(after.sessions).toBe(1);
      expect(after.chunks.map((c) => [c.speaker, c.text])).toEqual(lines.slice(0, n + 3).map((l) => [l.speaker, l.text]));
    }
    expect(acknowledged).toBeGreaterThan(0);
  });
});
