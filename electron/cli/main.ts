import { CommanderError } from 'commander';
import { isClaimbenchError } from '../../shared/result';
import { storageError } from '../core/store/busy';
import { COMMAND_GROUPS } from './command-groups';
import { COMMAND_INDEX } from './command-index.generated';
import { processIO, type CliIO } from './io';
import { createProgram, requestedCommand } from './program';

/** Exit codes: 0 ok, 1 user error (one line on stderr), 2 internal error, 3 the workspace is busy (try again). */
/** A still-busy workspace: a script may retry the same command. */
export const EXIT_BUSY = 3;

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = createProgram(io);
  const asked = requestedCommand(argv);
  const indexed = COMMAND_INDEX.find((c) => c.name === asked);
  if (indexed) {
    (await COMMAND_GROUPS[indexed.group]())(program, io);
  } else {
    // The program's own help, or an unknown command (commander suggests the nearest name):
    // list every command from the index without loading any of them.
    const terms = new Map(COMMAND_INDEX.map((c) => [c.name, c.term]));
    for (const c of COMMAND_INDEX) program.command(c.name).description(c.summary);
    const plain = program.createHelp();
    program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? plain.subcommandTerm(cmd) });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 1;
    }
    const error = isClaimbenchError(e) ? e : (storageError(e) ?? e);
    if (isClaimbenchError(error)) {
      io.err(`claimbench: ${error.message.split('\n')[0]}`);
      return error.code === 'INTERNAL' ? 2 : error.code === 'BUSY' ? EXIT_BUSY : 1;
    }
    io.err(`claimbench: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
