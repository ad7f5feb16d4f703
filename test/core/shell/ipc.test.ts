import { afterEach, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../../shared/api';
import { APP_EVENTS, type BridgeEvent } from '../../../shared/events';
import { createIpcHandler } from '../../../electron/ipc';
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
  const logged: unknown[] = [];
  const handle = createIpcHandler({
    isTrustedSender: (frame) => isTrustedSender(frame, app),
    context: () => ctx,
    log: (_m, e) => logged.push(e),
  });
  // The handler only reads senderFrame; a plain object stands in for Electron's event.
  const send = (event: { senderFrame: Frame }, name: unknown, input: unknown) => handle(event as never, name, input);
  return { ctx, send, logged };
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

  it('tells the shell after each dispatched operation, and a failing follow-up never spoils the result', async () => {
    const ctx = createTestContext();
    contexts.push(ctx);
    const seen: Array<[string, boolean]> = [];
    const handle = createIpcHandler({
      isTrustedSender: (frame) => isTrustedSender(frame, app),
      context: () => ctx,
      afterInvoke: (name, result) => {
        seen.push([name, result.ok]);
        throw new Error('follow-up failed');
      },
    });
    const added = await handle(trusted as never, 'claims.add', { text: 'Turnout was 71 percent.' });
    expect(added.ok).toBe(true);
    await handle(trusted as never, 'claims.add', { text: 7 });
    // A refused sender never reaches the dispatcher, so nothing follows it either.
    await handle(foreign as never, 'claims.add', { text: 'Injected' });
    expect(seen).toEqual([
      ['claims.add', true],
      ['claims.add', false],
    ]);
  });

  it('returns a context failure in the envelope', async () => {
    const handle = createIpcHandler({
      isTrustedSender: () => true,
      context: () => {
        throw Object.assign(new Error('No workspace is open.'), { name: 'ClaimbenchError', code: 'NOT_FOUND' });
      },
    });
    expect(await handle({ senderFrame: null } as never, 'identity.get', {})).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No workspace is open.' },
    });
  });
});

describe('the preload bridge', () => {
  it('has exactly one method per operation plus onEvent, each sending its own name', async () => {
    const sent: [string, unknown][] = [];
    const bridge = createBridge(
      async (name, input) => {
        sent.push([name, input]);
        return { ok: true, value: null };
      },
      () => () => undefined,
    );
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES, 'onEvent'].sort());
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
