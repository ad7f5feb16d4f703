/** Output helpers so every command prints the same way and tests can capture it. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<Buffer>;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  },
};

/** One line of a table: cells joined by two spaces, padded to the given widths. */
export function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(widths[i] ?? 0) : c)).join('  ');
}
