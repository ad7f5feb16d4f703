import { runCli } from './main';

// `claimbench claims … | head -1`: the reader has gone, so stop quietly, as Unix tools do,
// instead of an EPIPE stack trace. Any write in progress is a transaction and rolls back.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    // A command that stops gracefully on its own (capture closes its last sentence) has its own listener.
    if (stream.listenerCount('error') > 1) return;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`claimbench: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
