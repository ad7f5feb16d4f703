/**
 * One writer process for the concurrency test: runs `claimbench mark` for each claim id given, all
 * started at once (each opens its own connection, as separate CLI invocations would), and prints the
 * exit codes and error lines as JSON.
 */
import { runCli } from '../../../electron/cli/main';

const [file, verdict, ...ids] = process.argv.slice(2) as [string, string, ...string[]];
const errors: string[] = [];
const io = { out: () => undefined, err: (t: string) => void errors.push(t.trim()), readStdin: async () => Buffer.alloc(0) };
const codes = await Promise.all(
  ids.map((id) =>
    runCli(['--author', `Writer ${process.pid}`, 'mark', file, id, verdict, '--rationale', `${verdict} by ${process.pid}`], io),
  ),
);
process.stdout.write(JSON.stringify({ codes, errors }));
