import os from 'node:os';
import path from 'node:path';
import { APP_NAME } from '../shell/app-session';

/**
 * The folder Electron's app.getPath('userData') gives the app, so the browser host opens the same
 * workspaces, recent list and identity; CLAIMBENCH_USER_DATA_DIR overrides it as it does for the app.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (env.CLAIMBENCH_USER_DATA_DIR) return path.resolve(env.CLAIMBENCH_USER_DATA_DIR);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/** Whether a browser window can be shown at all (Linux and BSD need a display server). */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens a URL in the system's browser (never through a shell, which would parse `&`). */
export function openCommand(url: string, platform = process.platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}
