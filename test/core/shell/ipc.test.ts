import { afterEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../../shared/api';
import { APP_EVENTS, type BridgeEvent } from '../../../shared/events';
import { inProcessCore } from '../../../electron/core/process/in-process-core';
import { createCoreIpcHandler } from '../../../electron/ipc';
import { productionAppUrl } from '../../../electron/shell/app-url';
import { createBridge } from '../../../electron/shell/bridge';
import { isTrustedSender } from '../../../electron/shell/security';
import { createTestContext } from '../../helpers/workspace';

const app = productionAppUrl('/opt/claimbench/out/renderer');
const trusted = { senderFrame: { url: 'app://claimbench/index.html', parent: null } };
const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };

type Frame = { url: string; parent: unknown } | null;
const contexts: ReturnType<typeof createTestContext>[] = [];
afterEach(() => contexts.splice(0).forEach((c) => c.workspace.close()));

function handler() {
  const ctx = createTestContext();
  contexts.push(ctx);
  const invoked: string[] = [];
  // The real protocol path: the main process's IPC handler routes to the core, here in this process.
  const core = inProcessCore(() => ctx, { onInvoke: (name) => invoked.push(name) });
  const handle = createCoreIpcHandler({
    isTrustedSender: (frame) => isTrustedSender(frame, app),
    invoke: (name, input) => core.invoke(name, input),
  });
  // The handler only reads senderFrame; a plain object stands in for Electron's event.
  const send = (event: { senderFrame: Frame }, name: unknown, input: unknown) => handle(event as never, name, input);
  return { ctx, send, invoked };
}

describe('the IPC handler', () => {
  it('runs an operation for the app renderer', async () => {
    const { send } = handler();
    const added = await send(trusted, 'claims.add', { text: 'The bridge opened in 1932.' });
    expect(added.ok).toBe(true);
    const listed = await send(trusted, 'claims.list', {});
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('refuses a foreign or missing sender before touching the store', async () => {
    const { send, ctx } = handler();
    for (const event of [foreign, { senderFrame: null }, { senderFrame: { url: trusted.senderFrame.url, parent: {} } }]) {
      const r = await send(event, 'claims.add', { text: 'Injected' });
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
    const count = ctx.workspace.db.prepare('SELECT count(*) AS n FROM claims').get() as { n: number };
    expect(count.n).toBe(0);
  });

  it('validates names and inputs with the contract', async () => {
    const { send } = handler();
    expect(await send(trusted, 'fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await send(trusted, '__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await send(trusted, 'claims.add', { text: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await send(trusted, 'claims.add', { text: 'x', extra: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('never routes a refused sender or a malformed name to the core', async () => {
    const { send, invoked } = handler();
    await send(foreign, 'claims.add', { text: 'Injected' });
    await send(trusted, 42, {});
    await send(trusted, '', {});
    await send(trusted, 'x'.repeat(201), {});
    expect(invoked).toEqual([]);
    await send(trusted, 'claims.list', {});
    expect(invoked).toEqual(['claims.list']);
  });
});

describe('the preload bridge', () => {
  it('has exactly one method per operation plus onEvent and the host kind, each sending its own name', async () => {
    const sent: [string, unknown][] = [];
    const bridge = createBridge(
      async (name, input) => {
        sent.push([name, input]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, 'host', 'onEvent'].sort());
    expect(bridge.host).toBe('desktop');
    expect(Object.isFrozen(bridge)).toBe(true);
    const call = bridge as unknown as Record<OperationName, (input?: unknown) => Promise<unknown>>;
    await call['claims.list']({ limit: 5 });
    await call['identity.get']();
    expect(sent).toEqual([
      ['claims.list', { limit: 5 }],
      ['identity.get', {}],
    ]);
  });

  it('drives real operations end to end through the IPC handler', async () => {
    const { send } = handler();
    const bridge = createBridge(
      (name, input) => send(trusted, name, input),
      () => () => undefined,
    );
    await bridge['claims.add']({ text: 'Over the bridge' });
    expect(await bridge['claims.list']({})).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('onEvent passes only known app events and well-formed data changes, and unsubscribes', () => {
    let emit: ((payload: unknown) => void) | undefined;
    let unsubscribed = 0;
    const bridge = createBridge(
      async () => null,
      (handler) => {
        emit = handler;
        return () => {
          unsubscribed++;
          emit = undefined;
        };
      },
    );
    const seen: BridgeEvent[] = [];
    const off = bridge.onEvent((e) => seen.push(e));
    emit?.('workspace-changed');
    emit?.('menu:undo');
    emit?.('evil:event');
    emit?.({ toString: () => 'menu:redo' });
    emit?.({ type: 'data-changed', touched: { claim: ['c1'], conflict: [] } });
    // A data change whose payload does not match its schema never reaches the page.
    emit?.({ type: 'data-changed', touched: { claim: 'c1' } });
    emit?.({ type: 'data-changed', touched: { passwords: [] } });
    emit?.({ type: 'data-changed', touched: {}, extra: 1 });
    expect(seen).toEqual(['workspace-changed', 'menu:undo', { type: 'data-changed', touched: { claim: ['c1'], conflict: [] } }]);
    expect(APP_EVENTS).toContain('menu:shortcuts');
    off();
    expect(unsubscribed).toBe(1);
    expect(emit).toBeUndefined();
  });
});
