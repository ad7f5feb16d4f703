import type { Page } from 'playwright-core';
import { OPERATION_NAMES } from '../../shared/api';
import type { AppEvent } from '../../shared/events';
import type { CoreContext } from '../../electron/core/context';
import { invoke } from '../../electron/core/dispatch';

export interface TestBridge {
  /** Point the page at another core (e.g. the same file reopened); takes effect on the next call. */
  setContext(ctx: CoreContext): void;
  /** Fire a shell event (menu command, workspace switch) as the preload would. */
  emit(event: AppEvent): Promise<void>;
  /** Every operation the page called, in order: for asserting what crossed the boundary. */
  calls: { name: string; input: unknown }[];
  /** With `{ shell: true }`: the shell requests the page made (openExternal, reportContextSelection), in order. */
  shellRequests: { kind: string; value: unknown }[];
}

declare global {
  interface Window {
    __claimbenchInvoke(name: string, input: unknown): Promise<unknown>;
    __claimbenchEmit(event: string): void;
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
    const result = await invoke(ctx, name, input);
    return JSON.parse(JSON.stringify(result)) as unknown;
  });
  await page.addInitScript(
    ({ names, shell }: { names: string[]; shell: boolean }) => {
      const listeners = new Set<(event: string) => void>();
      const api: Record<string, unknown> = {
        onEvent(listener: (event: string) => void) {
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
      window.__claimbenchEmit = (event: string) => listeners.forEach((l) => l(event));
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
