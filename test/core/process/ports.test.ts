import { describe, expect, it } from 'vitest';
import { CoreClient } from '../../../electron/core/process/core-client';
import { CoreServer } from '../../../electron/core/process/core-server';
import { utilityChildPort, utilityParentPort } from '../../../electron/core/process/ports';
import { utilityPair } from '../../helpers/utility-pair';
import { createTestContext } from '../../helpers/workspace';

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
      expect(
        await Promise.race([client.invoke('identity.get', {}), new Promise((r) => setTimeout(() => r('silent'), 100))]),
      ).toBe('silent');
    } finally {
      ctx.workspace.close();
    }
  });
});
