import { ClaimbenchError } from '../../shared/result';
import { forTerminal } from './terminal-text';

/** Output helpers so every command prints the same way and tests can capture it. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, refused past `maxBytes` (a bound, so `/dev/zero` piped in cannot fill memory). */
  readStdin(maxBytes?: number): Promise<Buffer>;
}

/** Every line the CLI prints goes through forTerminal: stored text may carry escape sequences. */
const line = (text: string) => {
  const safe = forTerminal(text);
  return safe.endsWith('\n') ? safe : `${safe}\n`;
};

export const processIO: CliIO = {
  out: (text) => process.stdout.write(line(text)),
  err: (text) => process.stderr.write(line(text)),
  readStdin: async (maxBytes = Infinity) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin) {
      size += (chunk as Buffer).length;
      if (size > maxBytes)
        throw new ClaimbenchError('VALIDATION', `standard input is larger than ${Math.floor(maxBytes / 1048576)} MB, the limit`);
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  },
};

/** One line of a table: cells joined by two spaces, padded to the given widths. */
export function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c)).join('  ');
}

/** "1 claim", "2 claims": a count with its noun agreeing (plain digits, so scripts can read them). */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
