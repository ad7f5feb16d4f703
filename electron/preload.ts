/**
 * Runs in the sandboxed renderer before the page: bundled as one CommonJS file whose only
 * require is 'electron'. Exposes `window.claimbench` (one method per operation) and nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/api';
import { createBridge } from './shell/bridge';
import { SHELL_CHANNEL } from './shell/shell-requests';

const bridge = createBridge(
  (name, input) => ipcRenderer.invoke(IPC_CHANNEL, name, input),
  (handler) => {
    const listener = (_event: IpcRendererEvent, payload: unknown) => handler(payload);
    ipcRenderer.on(IPC_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  },
  (request) => ipcRenderer.invoke(SHELL_CHANNEL, request),
);

contextBridge.exposeInMainWorld('claimbench', bridge);
