import { Command, CommanderError } from 'commander';
import { isClaimbenchError } from '../../shared/result';
import { storageError } from '../core/store/busy';
import { registerEvidenceCommands } from './commands/evidence';
import { registerImportCommands } from './commands/import';
import { registerIngestCommands } from './commands/ingest';
import { registerLibraryCommands, registerMatchCommand } from './commands/library';
import { registerReportCommands } from './commands/report';
import { registerSessionCommands } from './commands/sessions';
import { registerTeamCommands } from './commands/team';
import { registerWorkspaceCommands } from './commands/workspace';
import { processIO, type CliIO } from './io';

/** Exit codes: 0 ok, 1 user error (one line on stderr), 2 internal error, 3 the workspace is busy (try again). */
/** A still-busy workspace: a script may retry the same command. */
export const EXIT_BUSY = 3;

export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = new Command()
    .name('claimbench')
    .description('Claimbench: offline claim verification for fact-checkers')
    .option(
      '--author <name>',
      'your name on every change (default: $CLAIMBENCH_AUTHOR, else your user name); each name has its own signing key in $CLAIMBENCH_PROFILE (default ~/.config/claimbench)',
    )
    .addHelpText('after', '\nExit codes: 0 ok, 1 user error, 2 internal error, 3 the workspace is busy (run the command again).')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError(false);

  registerWorkspaceCommands(program, io);
  registerImportCommands(program, io);
  registerIngestCommands(program, io);
  registerEvidenceCommands(program, io);
  registerReportCommands(program, io);
  registerTeamCommands(program, io);
  registerSessionCommands(program, io);
  registerLibraryCommands(program, io);
  registerMatchCommand(program, io);

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
