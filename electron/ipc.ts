import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../shared/api';
import { isClaimbenchError, type Result } from '../shared/result';
import type { CoreContext } from './core/context';
import { invoke, type Logger } from './core/dispatch';

export interface IpcDeps {
  /** The sender check: the frame must be our own renderer document (see shell/security.ts). */
  isTrustedSender(frame: IpcMainInvokeEvent['senderFrame']): boolean;
  /** The current workspace's context; may throw a ClaimbenchError while none is open. */
  context(): CoreContext;
  /** Told after each dispatched operation (the shell follows sync links and exports new changes). */
  afterInvoke?(name: string, result: Result<unknown>): void;
  log?: Logger;
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/**
 * The one IPC handler. Every message: check who sent it, then hand the name and raw input to
 * the dispatcher, which validates the input with the operation's zod schema. Nothing else of
 * the event is trusted, and errors come back in the envelope, never as a thrown IPC error.
 */
export function createIpcHandler(deps: IpcDeps) {
  return async (event: SenderEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!deps.isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Claimbench operations.' } };
    }
    let ctx: CoreContext;
    try {
      ctx = deps.context();
    } catch (e) {
      if (isClaimbenchError(e)) return { ok: false, error: { code: e.code, message: e.message } };
      throw e;
    }
    const result = await invoke(ctx, name, input, deps.log);
    try {
      if (typeof name === 'string') deps.afterInvoke?.(name, result);
    } catch {
      // Follow-up work (sync export) must never turn a finished operation into a failure.
    }
    return result;
  };
}

export function registerIpc(ipcMain: IpcMain, deps: IpcDeps): void {
  ipcMain.removeHandler(IPC_CHANNEL);
  ipcMain.handle(IPC_CHANNEL, createIpcHandler(deps));
}

export interface CoreIpcDeps {
  /** The sender check: the frame must be our own renderer document (see shell/security.ts). */
  isTrustedSender(frame: IpcMainInvokeEvent['senderFrame']): boolean;
  /** Hand an operation to the core process; the core validates the name and input. */
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
}

/**
 * The one IPC handler when the core runs in its own process: check who sent it, then route the
 * name and raw input to the core as an operation request. Host-only commands travel as another
 * message type, so no renderer message can become one.
 */
export function createCoreIpcHandler(deps: CoreIpcDeps) {
  return async (event: SenderEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!deps.isTrustedSender(event.senderFrame)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This window may not call Claimbench operations.' } };
    }
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Unknown operation.' } };
    }
    return deps.invoke(name, input);
  };
}

export function registerCoreIpc(ipcMain: IpcMain, deps: CoreIpcDeps): void {
  ipcMain.removeHandler(IPC_CHANNEL);
  ipcMain.handle(IPC_CHANNEL, createCoreIpcHandler(deps));
}
