import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/core/host';
import { coreEnv } from '../../../electron/core/process/core-config';
import { coreEntry } from '../../../electron/core/process/spawn-core';
import { CoreSupervisor, type CoreChild } from '../../../electron/shell/core-supervisor';
import { tempDir } from '../../helpers/workspace';

/** A real core process behind the UtilityProcess shape the supervisor drives (Electron's own cannot run here). */
function forkRealCore(userDataDir: string, children: ChildProcess[]): CoreChild {
  const entry = coreEntry();
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...coreEnv({ userDataDir }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  children.push(child);
  const proc = Object.assign(new EventEmitter(), {
    postMessage: (message: unknown) => {
      if (child.connected) child.send(message as object);
    },
    kill: () => child.kill(),
  });
  child.on('message', (message) => proc.emit('message', message));
  child.on('exit', (code, signal) => proc.emit('exit', code ?? (signal ? 1 : 0)));
  return proc as unknown as CoreChild;
}

let saveAsked = 0;
const host: HostServices = {
  chooseOpen: async () => null,
  // The person leaves the dialog open: the request stays in flight.
  chooseSave: () => {
    saveAsked++;
    return new Promise<string | null>(() => {});
  },
};

describe('the shell’s core supervisor, with a real core process', () => {
  it('routes requests, fails the one in flight when the core dies, reports the crash, and refuses until restarted', async () => {
    const children: ChildProcess[] = [];
    const crashes: number[] = [];
    const supervisor = new CoreSupervisor({
      fork: () => forkRealCore(tempDir('claimbench-supervisor-'), children),
      host,
      onEvent: () => {},
      onCrash: (code) => crashes.push(code),
      log: () => {},
    });
    await supervisor.start();
    expect(await supervisor.invoke('identity.get', {})).toMatchObject({
      ok: true,
      value: { workspace: { name: 'My Investigation' } },
    });
    expect(await supervisor.command('state', {})).toMatchObject({ ok: true, value: { title: 'My Investigation — Claimbench' } });

    const inFlight = supervisor.invoke('report.chooseTarget', { format: 'html' });
    await expect.poll(() => saveAsked).toBe(1);
    children[0]!.kill('SIGKILL');
    expect(await inFlight).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/core stopped before it answered/) },
    });
    expect(crashes).toEqual([1]);
    expect(supervisor.isRunning).toBe(false);
    expect(await supervisor.invoke('identity.get', {})).toMatchObject({ ok: false, error: { code: 'BUSY' } });

    await supervisor.start();
    expect(children).toHaveLength(2);
    expect(await supervisor.invoke('identity.get', {})).toMatchObject({ ok: true });
    await supervisor.stop();
    await expect.poll(() => children[1]!.exitCode !== null || children[1]!.signalCode !== null).toBe(true);
    // Stopping on purpose is not a crash.
    expect(crashes).toEqual([1]);
  }, 60_000);

  it('rejects start when the core exits before it is ready', async () => {
    const children: ChildProcess[] = [];
    const supervisor = new CoreSupervisor({
      // A user-data path that is not absolute: the core refuses its configuration and exits.
      fork: () => forkRealCore('relative/data', children),
      host,
      onEvent: () => {},
      onCrash: () => {
        throw new Error('not a crash: it never started');
      },
      log: () => {},
    });
    await expect(supervisor.start()).rejects.toThrow(/exited \(code \d+\) before it was ready/);
  }, 60_000);
});
