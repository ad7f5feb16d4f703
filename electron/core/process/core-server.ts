import {
  cancelledResult,
  clientMessageSchema,
  hostValueSchemas,
  parseMessage,
  type CoreMessage,
  type CorePort,
  type HostRequest,
  type HostService,
  type HostValue,
  type ProtocolEvent,
} from '../../../shared/protocol';
import { ClaimbenchError, isClaimbenchError, type Result } from '../../../shared/result';
import type { CoreContext } from '../context';
import { invoke, type Logger } from '../dispatch';
import type { HostServices } from '../host';
import { SESSION_OPERATIONS, type SessionOperation } from '../../../shared/workspace-api';

const isSessionOperation = (name: string): name is SessionOperation => (SESSION_OPERATIONS as string[]).includes(name);

export interface CoreServerHooks {
  /** The context requests run in; may throw a ClaimbenchError while no workspace is open. */
  context(): CoreContext;
  /** Told after each finished operation (the session follows sync links, exports new changes). */
  afterInvoke?(name: string, result: Result<unknown>): void;
  /**
   * The operations about the session (shared/workspace-api.ts), answered with or without an open
   * workspace; absent: they run like any other operation, against the context's workspace.
   */
  session?(name: SessionOperation, input: unknown): Result<unknown>;
  /** The host-only commands (command-schemas.ts); absent: every command is refused. */
  command?(name: string, input: unknown): Result<unknown>;
  log?: Logger;
}

/** Results cross as JSON: whatever JSON cannot carry (undefined fields, class instances) is dropped here, once. */
function jsonSafe(result: Result<unknown>): Result<unknown> {
  return JSON.parse(JSON.stringify(result)) as Result<unknown>;
}

let nextHostRequest = 0;

/**
 * The core's side of the protocol: answers requests with the dispatcher, honours cancellation,
 * reports progress, pushes events, and asks its host for dialogs and viewers (`host`). Each
 * request starts on the next turn of the event loop, so a cancel that arrives with it wins.
 */
export class CoreServer {
  private readonly running = new Map<string, AbortController>();
  private readonly pendingHost = new Map<string, { service: HostService; settle(result: Result<unknown>): void }>();
  private recent: string[] = [];
  private hooks: CoreServerHooks | undefined;
  private readonly unsubscribe: () => void;

  constructor(private readonly port: CorePort) {
    this.unsubscribe = port.onMessage((raw) => this.receive(raw));
  }

  /** Start answering requests (until then they are refused) and tell the client the core is ready. */
  start(hooks: CoreServerHooks): void {
    this.hooks = hooks;
    this.send({ type: 'ready' });
  }

  emit(event: ProtocolEvent): void {
    this.send({ type: 'event', event });
  }

  close(): void {
    this.unsubscribe();
    for (const controller of this.running.values()) controller.abort();
    this.running.clear();
    for (const pending of this.pendingHost.values()) pending.settle(cancelledResult());
    this.pendingHost.clear();
  }

  /** HostServices served by the client at the other end of the port. */
  readonly host: HostServices = {
    chooseOpen: async (purpose, multiple) => this.askHost({ service: 'chooseOpen', purpose, multiple }),
    chooseSave: async (purpose, defaultName, extension) =>
      this.askHost({ service: 'chooseSave', purpose, defaultName, ...(extension ? { extension } : {}) }),
    recentWorkspaces: () => [...this.recent],
    openPath: async (file) => {
      await this.askHost({ service: 'openPath', path: file });
    },
    printToPdf: async (html, options) => {
      const base64 = await this.askHost(
        { service: 'printToPdf', html, ...(options?.footerText ? { footerText: options.footerText } : {}) },
        options?.signal,
      );
      return new Uint8Array(Buffer.from(base64, 'base64'));
    },
    pdfUnavailable: async () => this.askHost({ service: 'pdfStatus' }),
    folderChoiceUnavailable: async () => this.askHost({ service: 'folderStatus' }),
  };

  private send(message: CoreMessage): void {
    this.port.send(message);
  }

  private askHost<S extends HostService>(request: HostRequest & { service: S }, signal?: AbortSignal): Promise<HostValue<S>> {
    const id = `h${++nextHostRequest}`;
    return new Promise<HostValue<S>>((resolve, reject) => {
      const settle = (result: Result<unknown>) => {
        this.pendingHost.delete(id);
        signal?.removeEventListener('abort', onAbort);
        if (!result.ok) {
          reject(new ClaimbenchError(result.error.code, result.error.message));
          return;
        }
        const parsed = hostValueSchemas[request.service].safeParse(result.value);
        if (parsed.success) resolve(parsed.data as HostValue<S>);
        else reject(new ClaimbenchError('VALIDATION', `The host's answer to ${request.service} is not valid.`));
      };
      const onAbort = () => settle(cancelledResult());
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pendingHost.set(id, { service: request.service, settle });
      this.send({ type: 'host-request', id, request });
    });
  }

  private receive(raw: unknown): void {
    const parsed = parseMessage(clientMessageSchema, raw);
    if (!parsed.ok) {
      this.send({ type: 'refused', ...(parsed.id ? { id: parsed.id } : {}), message: `Refused a message: ${parsed.why}` });
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'request':
        this.startRequest(message.id, message.name, message.input);
        return;
      case 'cancel': {
        const controller = this.running.get(message.id);
        if (!controller) return;
        this.running.delete(message.id);
        controller.abort();
        this.send({ type: 'result', id: message.id, result: cancelledResult() });
        return;
      }
      case 'command':
        setImmediate(() => this.runCommand(message.id, message.name, message.input));
        return;
      case 'host-reply':
        this.pendingHost.get(message.id)?.settle(message.result);
        return;
      case 'host-state':
        this.recent = message.recentWorkspaces;
        return;
    }
  }

  private runCommand(id: string, name: string, input: unknown): void {
    let result: Result<unknown>;
    if (!this.hooks) result = { ok: false, error: { code: 'BUSY', message: 'The core is still starting.' } };
    else if (!this.hooks.command)
      result = { ok: false, error: { code: 'FORBIDDEN', message: 'This core takes no host commands.' } };
    else {
      try {
        result = this.hooks.command(name, input);
      } catch (e) {
        this.hooks.log?.(`Core command ${name}`, e);
        result = { ok: false, error: { code: 'INTERNAL', message: `The core could not ${name}.` } };
      }
    }
    this.send({ type: 'result', id, result: jsonSafe(result) });
  }

  private startRequest(id: string, name: string, input: unknown): void {
    if (this.running.has(id)) {
      this.send({ type: 'refused', id, message: `Refused a message: request ${id} is already running.` });
      return;
    }
    const controller = new AbortController();
    this.running.set(id, controller);
    setImmediate(() => void this.run(id, name, input, controller));
  }

  private async run(id: string, name: string, input: unknown, controller: AbortController): Promise<void> {
    if (controller.signal.aborted) return;
    const result = await this.dispatch(id, name, input, controller.signal);
    if (controller.signal.aborted) return;
    this.running.delete(id);
    this.send({ type: 'result', id, result: jsonSafe(result) });
    try {
      this.hooks?.afterInvoke?.(name, result);
    } catch (e) {
      // Follow-up work (sync export) must never turn a finished operation into a failure.
      this.hooks?.log?.('After an operation', e);
    }
  }

  private async dispatch(id: string, name: string, input: unknown, signal: AbortSignal): Promise<Result<unknown>> {
    if (!this.hooks) return { ok: false, error: { code: 'BUSY', message: 'The core is still starting.' } };
    if (this.hooks.session && isSessionOperation(name)) return this.hooks.session(name, input);
    let base: CoreContext;
    try {
      base = this.hooks.context();
    } catch (e) {
      if (isClaimbenchError(e)) return { ok: false, error: { code: e.code, message: e.message } };
      this.hooks.log?.('No context for a request', e);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Something went wrong before ${name} could run. Your data was not changed.` },
      };
    }
    const ctx: CoreContext = {
      ...base,
      signal,
      progress: (progress) => {
        if (!signal.aborted) this.send({ type: 'progress', id, progress });
      },
    };
    // Every operation request reaches the core from a page (Electron IPC or the browser host's socket).
    return invoke(ctx, name, input, this.hooks.log, 'page');
  }
}
