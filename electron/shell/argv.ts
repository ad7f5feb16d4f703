import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKSPACE_EXTENSION } from '../core/store/open';

/**
 * The workspace file the OS asked us to open, if any: the last argument that names a
 * `.claimbench` file. Switches (`--foo`, macOS `-psn_…`) and Electron's own entry argument are ignored.
 */
export function workspaceFileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (!arg || arg.startsWith('-')) continue;
    let candidate = arg;
    // A URL (not a Windows drive path like C:\x): only file: URLs name a local file.
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) {
      try {
        const url = new URL(arg);
        if (url.protocol !== 'file:') continue;
        candidate = fileURLToPath(url);
      } catch {
        continue;
      }
    }
    if (candidate.toLowerCase().endsWith(WORKSPACE_EXTENSION)) return path.resolve(cwd, candidate);
  }
  return undefined;
}
