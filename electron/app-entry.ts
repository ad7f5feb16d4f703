/**
 * The app binary's entry: run as the `claimbench` command (electron/shell/cli-mode.ts), it runs
 * the CLI and exits; otherwise it is the desktop app (main.ts).
 */
import { cliArguments } from './shell/cli-mode';

const cliArgs = cliArguments(process.argv, process.defaultApp === true);
if (cliArgs) {
  const { runCliInApp } = await import('./cli-in-app');
  await runCliInApp(cliArgs);
} else {
  await import('./main');
}
