import {
  coreMessageSchema,
  parseMessage,
  type ClientPort,
  type HostRequest,
  type Progress,
  type ProtocolEvent,
} from '../../../shared/protocol';
import { isClaimbenchError, type Result } from '../../../shared/result';
import type { HostServices } from '../host';

export interface InvokeOptions {
  /** Aborting sends a cancel; the call then settles with CANCELLED. */
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What a host needs of a core, wherever it runs: the child-process client and the in-process core both give it. */
export interface CoreLink {
  invoke(name: string, input: unknown, options?: InvokeOptions): Promise<Result<unknown>>;
  onEvent(listener: (event: ProtocolEvent) => void): () => void;
}

interface Pending {
  settle(result: Result<unknown>): void;
  onProgress?: (progress: Progress) => void;
}

/** The host's answer to one host-request, from whatever HostServices it has (none: FORBIDDEN). */
export async function serveHostRequest(host: HostServices | undefined, request: HostRequest): Promise<Result<unknown>> {
  const refuse = (what: string): Result<unknown> => ({
    ok: false,
    error: { code: 'FORBIDDEN', message: `${what} is not available here.` },
  });
  try {
    switch (request.service) {
      case 'chooseOpen':
        return host ? { ok: true, value: await host.chooseOpen(request.purpose, request.multiple) } : refuse('Choosing files');
      case 'chooseSave':
        return host
          ? { ok: true, value: await host.chooseSave(request.purpose, request.defaultName, request.extension) }
          : refuse('Choosing where to save');
      case 'openPath':
        if (!host?.openPath) return refuse('Opening files in the system viewer');
        await host.openPath(request.path);
        return { ok: true, value: null };
      case 'printToPdf': {
        if (!host?.printToPdf) return refuse('Printing to PDF');
        const bytes = await host.printToPdf(request.html, { footerText: request.footerText });
        return { ok: true, value: Buffer.from(bytes).toString('base64') };
      }
      case 'pdfStatus':
        if (!host?.printToPdf) return { ok: true, value: 'Printing to PDF is not available here.' };
        return { ok: true, value: (await host.pdfUnavailable?.()) ?? null };
      case 'folderStatus':
        if (!host) return { ok: true, value: 'Choosing a folder is not available here.' };
        return { ok: true, value: (await host.folderChoiceUnavailable?.()) ?? null };
    }
  } catch (e) {
    if (isClaimbenchError(e)) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'INTERNAL', message: `The host could not ${request.service}.` } };
  }
}

/**
 * The client's side of the protocol over any port: requests with ids, their results and progress,
 * cancellation, pushed events, and the host services the core asks for. Messages from the core are
 * validated like any other input; a malformed one is dropped and logged.
 */
export class CoreClient implements CoreLink {
  readonly ready: Promise<void>;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<(event: ProtocolEvent) => void>();
  private readonly refusals: string[] = [];
  private nextId = 0;
  private markReady!: () => void;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly port: ClientPort,
    private readonly host?: HostServices,
    private readonly log: (message: string) => void = (m) => console.error(m),
  ) {
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
    this.unsubscribe = port.onMessage((raw) => this.receive(raw));
  }

  /** What the core refused of ours (a bug on this side): kept for tests and logs. */
  get refused(): readonly string[] {
    return this.refusals;
  }

  invoke(name: string, input: unknown, options: InvokeOptions = {}): Promise<Result<unknown>> {
    const id = `c${++this.nextId}`;
    return new Promise((resolve) => {
      const onAbort = () => {
        const pending = this.pending.get(id);
        // Progress already on its way belongs to work the caller no longer wants.
        if (pending) pending.onProgress = undefined;
        this.port.send({ type: 'cancel', id });
      };
      const settle = (result: Result<unknown>) => {
        this.pending.delete(id);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(result);
      };
      this.pending.set(id, { settle, onProgress: options.onProgress });
      this.port.send({ type: 'request', id, name, input: input ?? {} });
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** A host-only command (command-schemas.ts): only the shell calls this; no renderer message reaches it. */
  command(name: string, input: unknown = {}): Promise<Result<unknown>> {
    const id = `c${++this.nextId}`;
    return new Promise((resolve) => {
      this.pending.set(id, {
        settle: (result) => {
          this.pending.delete(id);
          resolve(result);
        },
      });
      this.port.send({ type: 'command', id, name, input });
    });
  }

  onEvent(listener: (event: ProtocolEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setRecentWorkspaces(files: string[]): void {
    this.port.send({ type: 'host-state', recentWorkspaces: files.slice(0, 100) });
  }

  /** Every call still waiting settles with `why` (the core exited). */
  failPending(why: string): void {
    for (const pending of [...this.pending.values()]) pending.settle({ ok: false, error: { code: 'INTERNAL', message: why } });
  }

  close(): void {
    this.unsubscribe();
    this.failPending('The core was closed.');
  }

  private receive(raw: unknown): void {
    const parsed = parseMessage(coreMessageSchema, raw);
    if (!parsed.ok) {
      this.log(`Dropped a malformed message from the core: ${parsed.why}`);
      // The caller waiting on that id gets an answer rather than waiting forever.
      if (parsed.id) {
        this.pending.get(parsed.id)?.settle({
          ok: false,
          error: { code: 'INTERNAL', message: `The core's answer could not be read (${parsed.why}).` },
        });
      }
      return;
    }
    const message = parsed.message;
    switch (message.type) {
      case 'ready':
        this.markReady();
        return;
      case 'result':
        this.pending.get(message.id)?.settle(message.result as Result<unknown>);
        return;
      case 'progress':
        this.pending.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'event':
        for (const listener of this.listeners) listener(message.event);
        return;
      case 'refused':
        this.refusals.push(message.message);
        this.log(message.message);
        if (message.id)
          this.pending.get(message.id)?.settle({ ok: false, error: { code: 'VALIDATION', message: message.message } });
        return;
      case 'host-request': {
        const { id, request } = message;
        void serveHostRequest(this.host, request).then((result) => this.port.send({ type: 'host-reply', id, result }));
        return;
      }
    }
  }
}
