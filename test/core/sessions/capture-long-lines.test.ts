import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineSplitter, MAX_LINE_BYTES } from '../../../electron/core/capture/transcript-lines';
import { runClaimbench } from '../../helpers/cli';
import { tempDir } from '../../helpers/workspace';

describe('capture lines are bounded', () => {
  it('splits a line over 200,000 bytes at spaces, keeping byte offsets exact', () => {
    const sentence = 'The ministry said 157 drones were launched on Tuesday. ';
    const long = sentence.repeat(Math.ceil((MAX_LINE_BYTES * 2.5) / sentence.length));
    const input = Buffer.from(`HOST: hello\n${long}\nnext line\n`);
    const splitter = new LineSplitter(0);
    const lines = [];
    for (let i = 0; i < input.length; i += 65536) lines.push(...splitter.push(input.subarray(i, i + 65536)));
    expect(lines[0]).toMatchObject({ text: 'HOST: hello', complete: true });
    const pieces = lines.filter((l) => l.split);
    expect(pieces.length).toBe(2);
    for (const l of lines) expect(Buffer.byteLength(l.text)).toBeLessThanOrEqual(MAX_LINE_BYTES);
    for (const p of pieces) expect(p.text.endsWith(' ')).toBe(true);
    expect(
      lines
        .slice(1, -1)
        .map((l) => l.text)
        .join(''),
    ).toBe(long);
    expect(lines.at(-1)).toMatchObject({ text: 'next line', end: input.length });
  });

  it('never cuts inside a multi-byte character when there is no space', () => {
    const input = Buffer.from('ж'.repeat(MAX_LINE_BYTES)); // 400,000 bytes, no space, no newline
    const splitter = new LineSplitter(0);
    const lines = splitter.push(input);
    const rest = splitter.rest();
    const all = [...lines, ...(rest ? [rest] : [])];
    expect(all.map((l) => l.text).join('')).toBe('ж'.repeat(MAX_LINE_BYTES));
    expect(all.at(-1)!.end).toBe(input.length);
  });

  it('stops on binary input (NUL bytes) with a message instead of waiting for a newline', () => {
    const splitter = new LineSplitter(0);
    expect(() => {
      for (let i = 0; i < 10; i++) splitter.push(Buffer.alloc(65536));
    }).toThrow(/not UTF-8 text \(it contains NUL bytes/);
  });

  it('`capture … /dev/zero` and zeros on standard input end quickly with that message', () => {
    const ws = path.join(tempDir(), 'cap.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const t0 = performance.now();
    const file = runClaimbench(['capture', ws, '/dev/zero', '--speaker', 'Host']);
    expect(file.code).toBe(1);
    expect(file.stderr).toMatch(/not UTF-8 text .*capture stopped/);
    const stdin = runClaimbench(['capture', ws, '--speaker', 'Host'], { input: '\0'.repeat(1_000_000) });
    expect(stdin.code).toBe(1);
    expect(stdin.stderr).toMatch(/not UTF-8 text/);
    expect(performance.now() - t0).toBeLessThan(60_000);
  }, 90_000);

  it('a 500,000-character line is captured in pieces, with a message, and capture goes on', () => {
    const dir = tempDir();
    const ws = path.join(dir, 'cap.claimbench');
    expect(runClaimbench(['init', ws]).code).toBe(0);
    const long = 'and so on and so forth, we went on talking. '.repeat(11_400); // ~500,000 characters
    const transcript = path.join(dir, 't.txt');
    fs.writeFileSync(transcript, `${long}\nOfficials said 12 bridges were closed in 2023.\n`);
    const r = runClaimbench(['capture', ws, transcript, '--speaker', 'Host', '--no-follow', '--json']);
    // (the events of the three pieces carry their text: about 500 KB of output)
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/longer than 200,000 bytes was stored in pieces/);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string; text?: string; end?: number });
    const lines = events.filter((e) => e.type === 'line');
    expect(lines.length).toBe(4);
    expect(lines.at(-1)).toMatchObject({
      text: 'Officials said 12 bridges were closed in 2023.',
      end: fs.statSync(transcript).size,
    });
  }, 120_000);
});
