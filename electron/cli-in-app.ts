/**
 * The installed app run as the `claimbench` command: the same CLI as bin/claimbench.mjs, in
 * Electron's main process (the packaged binary cannot run as plain Node: its runAsNode fuse is
 * off), with the app's own better-sqlite3 build. No window, no single-instance lock.
 */
import { app } from 'electron';
import { runCli } from './cli/main';
import { useNativeBinding } from './core/store/sqlite';
import { nativeBindingPath } from './shell/native-binding';

export async function runCliInApp(args: string[]): Promise<void> {
  app.dock?.hide();
  const binding = nativeBindingPath({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, appPath: app.getAppPath() });
  if (binding) useNativeBinding(binding);
  const code = await runCli(args);
  app.exit(code);
}
