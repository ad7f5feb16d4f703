import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/claimbench.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the real `claimbench` executable in a child process, as a user would. */
export function runClaimbench(args: string[], options: { input?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, CLAIMBENCH_AUTHOR: 'CLI Tester', ...options.env },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
