import { Command } from 'commander';
import type { CliIO } from './io';

/** The top-level `claimbench` program with its global options, before any command is added. */
export function createProgram(io: CliIO): Command {
  return new Command()
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
}

/** Global options that take a value, so the word after them is not mistaken for a command. */
const GLOBAL_OPTIONS_WITH_VALUE = new Set(['--author']);

/**
 * The command a command line asks for (`claimbench --author X merge …` → "merge",
 * `claimbench help merge` → "merge"), or null for the program's own help.
 */
export function requestedCommand(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') return argv[i + 1] ?? null;
    if (GLOBAL_OPTIONS_WITH_VALUE.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    if (word === 'help') return argv[i + 1] ?? null;
    return word;
  }
  return null;
}
