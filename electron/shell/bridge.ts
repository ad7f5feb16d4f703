import { OPERATION_NAMES, type ClaimbenchBridge, type OperationName } from '../../shared/api';
import { parseBridgeEvent, type BridgeEvent } from '../../shared/events';
import type { ShellRequest } from './shell-requests';

export type InvokeFn = (name: OperationName, input: unknown) => Promise<unknown>;
/** Subscribe to raw event payloads; returns the matching unsubscribe. */
export type SubscribeFn = (handler: (payload: unknown) => void) => () => void;
/** Send a request to the shell itself (shell-requests.ts); resolves to the shell's reply. */
export type ShellRequestFn = (request: ShellRequest) => Promise<unknown>;

/**
 * The object the preload exposes as `window.claimbench`: one method per operation of the
 * contract, each sending only its own name, and `onEvent` for pushed app events (checked here). The renderer
 * never gets ipcRenderer or the raw IPC event (whose `sender` would leak a handle to it).
 */
export function createBridge(
  invoke: InvokeFn,
  subscribe: SubscribeFn,
  shellRequest?: ShellRequestFn,
  host: ClaimbenchBridge['host'] = 'desktop',
): ClaimbenchBridge {
  const bridge: Record<string, unknown> = { host };
  for (const name of OPERATION_NAMES) {
    bridge[name] = (input: unknown) => invoke(name, input ?? {});
  }
  bridge.onEvent = (listener: (event: BridgeEvent) => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
    return subscribe((payload) => {
      const event = parseBridgeEvent(payload);
      if (event !== null) listener(event);
    });
  };
  if (shellRequest) {
    bridge.openExternal = async (url: string) => {
      const reply = await shellRequest({ kind: 'open-external', url: String(url) });
      return typeof reply === 'object' && reply !== null && (reply as { opened?: unknown }).opened === true;
    };
    bridge.reportContextSelection = (claimable: boolean) => {
      void shellRequest({ kind: 'context-selection', claimable: claimable === true });
    };
  }
  return Object.freeze(bridge) as ClaimbenchBridge;
}
