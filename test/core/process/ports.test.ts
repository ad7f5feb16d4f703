import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CoreClient } from '../../../electron/core/process/core-client';
import { CoreServer } from '../../../electron/core/process/core-server';
import { utilityChildPort, utilityParentPort } from '../../../electron/core/process/ports';
import { createTestContext } from '../../helpers/workspace';

/**
 * Electron's utilityProcess speaks through `process.parentPort` (events carry `data`) on the core's
 * side and `child.postMessage` / 'message' on main's side. Two emitters wired the same way carry
 * the real server and client, so the adapters are exercised without the Electron binary.
 */
function utilityPair() {
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

describe('the utilityProcess ports', () => {
  it('carry requests, results and events between a core server and its client', async () => {
    const { parentPort, child } = utilityPair();
    const ctx = createTestContext('Utility Tester');
    const server = new CoreServer(utilityParentPort(parentPort));
    const client = new CoreClient(utilityChildPort(child));
    const events: string[] = [];
    client.onEvent((e) => events.push(e.kind));
    try {
      server.start({ context: () => ctx });
      await client.ready;
      expect(await client.invoke('identity.get', {})).toMatchObject({ ok: true, value: { author: 'Utility Tester' } });
      server.emit({ kind: 'workspace-changed' });
      await expect.poll(() => events).toEqual(['workspace-changed']);
      client.close();
      server.close();
      // Closed: the server no longer answers.
      expect(await Promise.race([client.invoke('identity.get', {}), new Promise((r) => setTimeout(() => r('silent'), 100))])).toBe('silent');
    } finally {
      ctx.workspace.close();
    }
  });
});
