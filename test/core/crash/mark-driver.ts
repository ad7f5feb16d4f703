/**
 * One writer process for the concurrency test: runs `claimbench mark` for each claim id given, all
 * started at once (each opens its own connection, as separate CLI invocations would), and prints the
 * exit codes and error lines as JSON.
 */
import { runCli } from '../../../electron/cli/main';

const [file, verdict, ...ids] = process.argv.slice(2) as [string, string, ...string[]];
const errors: string[] = [];
const warnings: string[] = [];
// A weak verdict's warning (sourced with no source) is advice, not a failure.
const err = (t: string) => void (t.startsWith('warning: ') ? warnings : errors).push(t.trim());
const io = { out: () => undefined, err, readStdin: async () => Buffer.alloc(0) };
const codes = await Promise.all(
  ids.map((id) =>
    runCli(['--author', `Writer ${process.pid}`, 'mark', file, id, verdict, '--rationale', `${verdict} by ${process.pid}`], io),
  ),
);
process.stdout.write(JSON.stringify({ codes, errors, warnings }));
