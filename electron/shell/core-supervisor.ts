import type { ProtocolEvent } from '../../shared/protocol';
import type { Result } from '../../shared/result';
import { CoreClient } from '../core/process/core-client';
import type { CoreCommand, CoreCommandInput } from '../core/process/command-schemas';
import type { HostServices } from '../core/host';
import { utilityChildPort } from '../core/process/ports';

/** Electron's UtilityProcess, reduced to what the shell uses of it. */
export interface CoreChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
  kill(): boolean;
}

export interface CoreSupervisorDeps {
  /** Start a core process (utilityProcess.fork of out/main/core.js, told which workspace to open). */
  fork(): CoreChild;
  host: HostServices;
  onEvent(event: ProtocolEvent): void;
  /** The core died on its own after it was ready (not through stop()). */
  onCrash(code: number): void;
  log?: (message: string) => void;
}

const NOT_RUNNING = 'The Claimbench core is not running (it stopped or is restarting). Try again in a moment.';

/**
 * The Electron shell's one core process: starts it, routes requests and host commands to it,
 * fails whatever is in flight when it dies (no caller waits forever), and reports the crash so
 * the shell can offer a restart.
 */
export class CoreSupervisor {
  private running: { child: CoreChild; client: CoreClient; stopping: boolean } | undefined;

  constructor(private readonly deps: CoreSupervisorDeps) {}

  get isRunning(): boolean {
    return this.running !== undefined && !this.running.stopping;
  }

  /** Fork a core and resolve once it is ready; rejects when it exits first. */
  async start(): Promise<void> {
    const child = this.deps.fork();
    const client = new CoreClient(utilityChildPort(child), this.deps.host, this.deps.log);
    client.onEvent((event) => this.deps.onEvent(event));
    const entry = { child, client, stopping: false };
    let ready = false;
    const exited = new Promise<number>((resolve) =>
      child.on('exit', (code) => {
        client.failPending('The Claimbench core stopped before it answered. Your last change may not have been saved.');
        client.close();
        if (this.running === entry) this.running = undefined;
        if (ready && !entry.stopping) this.deps.onCrash(code);
        resolve(code);
      }),
    );
    this.running = entry;
    await Promise.race([
      client.ready,
      exited.then((code) => {
        throw new Error(`The core process exited (code ${code}) before it was ready.`);
      }),
    ]);
    ready = true;
  }

  invoke(name: string, input: unknown): Promise<Result<unknown>> {
    if (!this.isRunning) return Promise.resolve({ ok: false, error: { code: 'BUSY', message: NOT_RUNNING } });
    return this.running!.client.invoke(name, input);
  }

  command<C extends CoreCommand>(name: C, input: CoreCommandInput<C>): Promise<Result<unknown>> {
    if (!this.isRunning) return Promise.resolve({ ok: false, error: { code: 'BUSY', message: NOT_RUNNING } });
    return this.running!.client.command(name, input);
  }

  setRecentWorkspaces(files: string[]): void {
    if (this.isRunning) this.running!.client.setRecentWorkspaces(files);
  }

  /** Close the workspace cleanly, then end the process (also when it does not answer in time). */
  async stop(timeoutMs = 10_000): Promise<void> {
    const entry = this.running;
    if (!entry || entry.stopping) return;
    const closed = entry.client.command('close', {});
    entry.stopping = true;
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    entry.child.kill();
  }
}
