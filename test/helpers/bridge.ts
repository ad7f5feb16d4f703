import type { Page } from 'playwright-core';
import { OPERATION_NAMES } from '../../shared/api';
import { dataChanged, type BridgeEvent } from '../../shared/events';
import type { Touched } from '../../shared/touched';
import type { CoreContext } from '../../electron/core/context';
import { invoke } from '../../electron/core/dispatch';

export interface TestBridge {
  /** Point the page at another core (e.g. the same file reopened); takes effect on the next call. */
  setContext(ctx: CoreContext): void;
  /** Fire a shell event (menu command, workspace switch, data change) as the preload would. */
  emit(event: BridgeEvent): Promise<void>;
  /** Every operation the page called, in order: for asserting what crossed the boundary. */
  calls: { name: string; input: unknown }[];
  /** With `{ shell: true }`: the shell requests the page made (openExternal, reportContextSelection), in order. */
  shellRequests: { kind: string; value: unknown }[];
}

declare global {
  interface Window {
    __claimbenchInvoke(name: string, input: unknown): Promise<unknown>;
    __claimbenchEmit(event: unknown): void;
    __claimbenchShell(kind: string, value: unknown): Promise<boolean>;
  }
}

/**
 * Gives the page the same `window.claimbench` the preload gives the app, bound to the real core
 * in this process. Values cross as JSON, as they would over IPC (structured clone of plain data).
 * Call before `page.goto`; it survives reloads.
 */
export async function installBridge(page: Page, initial: CoreContext, options: { shell?: boolean } = {}): Promise<TestBridge> {
  let ctx = initial;
  const calls: TestBridge['calls'] = [];
  const shellRequests: TestBridge['shellRequests'] = [];
  if (options.shell) {
    // The Electron preload's two shell requests, recorded instead of opening a browser or a menu.
    await page.exposeFunction('__claimbenchShell', (kind: string, value: unknown) => {
      shellRequests.push({ kind, value });
      return true;
    });
  }
  await page.exposeFunction('__claimbenchInvoke', async (name: string, input: unknown) => {
    calls.push({ name, input });
    // As the app's main process does: what the operation touched goes out as one data-changed event.
    let touched: Touched | null = null;
    const result = await invoke({ ...ctx, onDataChanged: (t) => (touched = t) }, name, input, undefined, 'page');
    if (touched) await page.evaluate((e) => window.__claimbenchEmit(e), dataChanged(touched));
    return JSON.parse(JSON.stringify(result)) as unknown;
  });
  await page.addInitScript(
    ({ names, shell }: { names: string[]; shell: boolean }) => {
      const listeners = new Set<(event: unknown) => void>();
      const api: Record<string, unknown> = {
        onEvent(listener: (event: unknown) => void) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      for (const name of names) {
        api[name] = (input: unknown) => window.__claimbenchInvoke(name, input === undefined ? {} : input);
      }
      if (shell) {
        api.openExternal = (url: string) => window.__claimbenchShell('open-external', url);
        api.reportContextSelection = (claimable: boolean) => void window.__claimbenchShell('context-selection', claimable);
      }
      Object.defineProperty(window, 'claimbench', { value: Object.freeze(api), writable: false });
      window.__claimbenchEmit = (event: unknown) => listeners.forEach((l) => l(event));
    },
    { names: OPERATION_NAMES as string[], shell: options.shell === true },
  );
  return {
    setContext: (next) => {
      ctx = next;
    },
    emit: async (event) => {
      await page.evaluate((e) => window.__claimbenchEmit(e), event);
    },
    calls,
    shellRequests,
  };
}
