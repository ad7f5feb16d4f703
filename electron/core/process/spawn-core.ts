import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProtocolEvent } from '../../../shared/protocol';
import type { HostServices } from '../host';
import { coreEnv, type CoreConfig } from './core-config';
import { CoreClient } from './core-client';
import { forkedChildPort } from './ports';

export interface SpawnedCore {
  client: CoreClient;
  child: ChildProcess;
  /** Ask the core to close its workspace and exit; resolves when it has. */
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The core entry to start: the bundled `core.js` beside a built main bundle, else the TypeScript
 * source run through tsx (development and tests).
 */
export function coreEntry(): { file: string; execArgv: string[] } {
  const bundled = path.join(here, 'core.js');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(here, 'entry.ts'), execArgv: ['--import', 'tsx'] };
}

/** Start the core in a Node child process and wait until it has opened its workspace. */
export async function spawnCore(
  config: CoreConfig,
  options: {
    host?: HostServices;
    entry?: { file: string; execArgv: string[] };
    log?: (message: string) => void;
    /** Subscribed before the core starts, so the events of its first open are seen too. */
    onEvent?: (event: ProtocolEvent) => void;
  } = {},
): Promise<SpawnedCore> {
  const entry = options.entry ?? coreEntry();
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...coreEnv(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  const client = new CoreClient(forkedChildPort(child), options.host, options.log);
  if (options.onEvent) client.onEvent(options.onEvent);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => client.failPending('The core process exited.'));
  await Promise.race([
    client.ready,
    exited.then(() => {
      throw new Error('The core process exited before it was ready (see its output above).');
    }),
  ]);
  return {
    client,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.disconnect();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      client.close();
    },
  };
}
