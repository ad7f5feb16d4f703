/**
 * `npm start` without Electron's binary: the core in a Node child process, the renderer and one
 * WebSocket on 127.0.0.1 behind a per-launch token, the page opened in the system's browser.
 *
 *   node --import tsx electron/browser-host/main.ts [--no-open] [--port N] [workspace.claimbench]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { spawnCore } from '../core/process/spawn-core';
import { PageConnections } from './pages';
import { refusalLine } from './refusal-line';
import { startBrowserHost } from './server';
import { defaultUserDataDir, hasDisplay, openCommand } from './user-data';

const here = path.dirname(fileURLToPath(import.meta.url));

/** out/renderer from the source tree (electron/browser-host/) and from the bundle (out/main/). */
function rendererDir(): string {
  const candidates = [path.resolve(here, '../renderer'), path.resolve(here, '../../out/renderer')];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'index.html'))) ?? candidates[1]!;
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return port;
}

const program = new Command('claimbench-browser')
  .description('Serve Claimbench to the system browser on 127.0.0.1 (used by `npm start` when Electron is not installed).')
  .argument('[workspace]', 'a workspace file to open (default: the most recent one, else the default workspace)')
  .option('--no-open', 'print the address instead of opening the browser')
  .option('--port <n>', 'listen on this port (default: a free one)', portNumber)
  .addHelpText(
    'after',
    '\nThrough npm: `npm start -- --no-open`; `npm start -- --browser` serves to the browser even where Electron is installed.',
  )
  .parse();

const options = program.opts<{ open: boolean; port?: number }>();
const workspaceArg = program.args[0];

async function main(): Promise<void> {
  const userDataDir = defaultUserDataDir();
  fs.mkdirSync(userDataDir, { recursive: true });
  const pages = new PageConnections(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-browser-')), userDataDir);
  const core = await spawnCore(
    { userDataDir, ...(workspaceArg ? { workspace: path.resolve(workspaceArg) } : {}) },
    {
      host: pages.host,
      // The page shows these on its welcome screen (or as a notice); the terminal says them too.
      onEvent: (event) => {
        const line = event.kind === 'open-refused' ? refusalLine(event.payload) : null;
        if (line) console.error(line);
      },
    },
  );
  const host = await startBrowserHost({
    rendererDir: rendererDir(),
    core: core.client,
    pages,
    port: options.port ?? 0,
    log: (m) => console.error(`[browser-host] ${m}`),
  }).catch(async (e: unknown) => {
    await core.stop();
    throw (e as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? new Error(`port ${options.port} is in use; pick another with --port or close the other app`)
      : e;
  });
  let stopping = false;
  core.child.once('exit', (code) => {
    if (stopping) return;
    console.error(`The core process stopped (exit code ${code}).`);
    void host.close().then(() => process.exit(1));
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => core.stop())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  if (!options.open || !hasDisplay()) {
    console.log(`Claimbench is running at ${host.url}`);
    console.log('Open that address in a browser on this computer. Press Ctrl+C to stop.');
    return;
  }
  console.log(`Claimbench is running at ${host.url} (opening it in your browser; Ctrl+C stops it).`);
  const { command, args } = openCommand(host.url);
  const opener = spawn(command, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => console.log('The browser could not be opened: open the address above yourself.'));
  opener.unref();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
