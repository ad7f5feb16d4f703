/**
 * The core process: the workspace session and every operation, off the UI thread. Started by
 * Electron's main process as a utilityProcess (messages on process.parentPort) or by the browser
 * host and the tests as a Node child process (process.send); the same code and protocol either way.
 */
import path from 'node:path';
import { dataChanged, eventToWire } from '../../../shared/events';
import { AppSession } from '../../shell/app-session';
import { FileIdentityStore } from '../identity/identity';
import { useNativeBinding } from '../store/sqlite';
import { runCoreCommand, runSessionOperation } from './core-commands';
import { coreConfigFromEnv } from './core-config';
import { CoreServer } from './core-server';
import { nodeChildPort, utilityParentPort, type ParentPortLike } from './ports';

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
const port = parentPort ? utilityParentPort(parentPort) : nodeChildPort();
const log = (message: string, error: unknown) => console.error(`[core] ${message}`, error);

const config = coreConfigFromEnv(process.env);
useNativeBinding(config.nativeBinding);
const server = new CoreServer(port);
const session = new AppSession({
  userDataDir: config.userDataDir,
  identity: new FileIdentityStore(path.join(config.userDataDir, 'identity.json')),
  nativeBinding: config.nativeBinding,
  host: server.host,
  // The renderer asks identity.get for the rest, as it does after the Electron shell's event.
  onChange: () => server.emit(eventToWire('workspace-changed')),
  onDataChanged: (touched) => server.emit(eventToWire(dataChanged(touched))),
  log,
});

function shutDown(code: number): void {
  server.close();
  session.close();
  process.exit(code);
}

for (const refusal of session.openInitial(config.workspace)) {
  // The file lets the shell offer a backup for a damaged workspace.
  const file = session.refusedAtStart.find((r) => r.error === refusal)?.file;
  server.emit({ kind: 'open-refused', payload: { code: refusal.code, message: refusal.message, ...(file ? { file } : {}) } });
}
server.start({
  context: () => session.context(),
  session: (name, input) => runSessionOperation(session, name, input),
  command: (name, input) => runCoreCommand(session, name, input),
  log,
});

// The host went away: close the workspace cleanly (last backup, sessions paused) and leave.
if (parentPort) process.on('exit', () => session.close());
else process.on('disconnect', () => shutDown(0));
process.on('SIGTERM', () => shutDown(0));
