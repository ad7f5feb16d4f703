import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../shared/api';
import type { Result } from '../shared/result';

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

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
