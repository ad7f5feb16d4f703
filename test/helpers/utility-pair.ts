import { EventEmitter } from 'node:events';

/**
 * Electron's utilityProcess speaks through `process.parentPort` (events carry `data`) on the core's
 * side and `child.postMessage` / 'message' on main's side. Two emitters wired the same way carry
 * the real server and client, so the adapters are exercised without the Electron binary.
 */
export function utilityPair() {
  const toCore = new EventEmitter();
  const toMain = new EventEmitter();
  const parentPort = {
    postMessage: (message: unknown) => setImmediate(() => toMain.emit('message', structuredClone(message))),
    on: (event: 'message', listener: (e: { data: unknown }) => void) => toCore.on(event, listener),
    off: (event: 'message', listener: (e: { data: unknown }) => void) => toCore.off(event, listener),
  };
  const child = {
    postMessage: (message: unknown) => setImmediate(() => toCore.emit('message', { data: structuredClone(message) })),
    on: (event: 'message', listener: (message: unknown) => void) => toMain.on(event, listener),
    off: (event: 'message', listener: (message: unknown) => void) => toMain.off(event, listener),
  };
  return { parentPort, child };
}
