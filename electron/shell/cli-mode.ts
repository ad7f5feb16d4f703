import { COMMAND_INDEX } from '../cli/command-index.generated';

const CLI_SWITCH = '--cli';
const HELP_WORDS = new Set(['help', '--help', '-h']);

/**
 * The command-line arguments when the app binary is run as the `claimbench` command
 * (`Claimbench --cli import w.claimbench a.txt`, or `claimbench import …` through the installed
 * link), else null and the window opens. A first argument that is a command's name, or help,
 * counts as a command line; a workspace file or no argument opens the app.
 *
 * `defaultApp` is Electron's process.defaultApp: true when run as `electron .`, whose argv carries
 * the app's folder before the user's arguments.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = argv.slice(defaultApp ? 2 : 1);
  const first = args[0];
  if (first === undefined) return null;
  if (first === CLI_SWITCH) return args.slice(1);
  if (HELP_WORDS.has(first) || COMMAND_INDEX.some((c) => c.name === first)) return [...args];
  return null;
}
