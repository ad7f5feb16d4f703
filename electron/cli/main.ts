import { Command, CommanderError } from 'commander';
import { isClaimbenchError } from '../../shared/result';
import { registerEvidenceCommands } from './commands/evidence';
import { registerImportCommands } from './commands/import';
import { registerIngestCommands } from './commands/ingest';
import { registerLibraryCommands, registerMatchCommand } from './commands/library';
import { registerReportCommands } from './commands/report';
import { registerSessionCommands } from './commands/sessions';
import { registerTeamCommands } from './commands/team';
import { registerWorkspaceCommands } from './commands/workspace';
import { processIO, type CliIO } from './io';

/** Exit codes: 0 ok, 1 user error (one line on stderr), 2 internal error. */
export async function runCli(argv: string[], io: CliIO = processIO): Promise<number> {
  const program = new Command()
    .name('claimbench')
    .description('Claimbench: offline claim verification for fact-checkers')
    .option('--author <name>', 'your name on every change (default: $CLAIMBENCH_AUTHOR, else your user name)')
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
    if (isClaimbenchError(e)) {
      io.err(`claimbench: ${e.message.split('\n')[0]}`);
      return e.code === 'INTERNAL' ? 2 : 1;
    }
    io.err(`claimbench: internal error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}
