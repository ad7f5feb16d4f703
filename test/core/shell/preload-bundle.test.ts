import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { PreloadConfigFactory } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL, OPERATION_NAMES } from '../../../shared/api';
import electronViteConfig from '../../../electron.vite.config';
import { SHELL_CHANNEL } from '../../../electron/shell/shell-requests';
import { tempDir } from '../../helpers/workspace';

const root = path.resolve(import.meta.dirname, '../../..');

/** Build the preload exactly as `electron-vite build` does (same config and built-in plugins), into a temp folder. */
async function buildPreload(): Promise<string> {
  const outDir = tempDir('claimbench-preload-');
  const preload = structuredClone((electronViteConfig as { preload?: { build?: object } }).preload ?? {});
  const factory = new PreloadConfigFactory(
    { ...preload, build: { ...preload.build, outDir } },
    { logLevel: 'silent', mode: 'production' },
    { root },
  );
  await build({ ...(await factory.build()), configFile: false } as InlineConfig);
  return outDir;
}

describe('the preload bundle', () => {
  it('is one CommonJS file that needs nothing but electron and exposes one method per operation', async () => {
    const outDir = await buildPreload();
    expect(fs.readdirSync(outDir)).toEqual(['index.cjs']);
    const code = fs.readFileSync(path.join(outDir, 'index.cjs'), 'utf8');

    // A context with no Node globals at all: stricter than Electron's sandbox.
    const required: string[] = [];
    const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: Record<string, (...args: unknown[]) => unknown>) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (...args: unknown[]) => invoked.push(args),
        on: () => undefined,
        removeListener: () => undefined,
      },
    };
    const module = { exports: {} };
    vm.runInNewContext(code, {
      module,
      exports: module.exports,
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`the preload required ${name}`);
        return electron;
      },
    });

    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['claimbench']);
    const api = exposed.get('claimbench')!;
    expect(Object.keys(api).sort()).toEqual(
      [...OPERATION_NAMES, 'host', 'onEvent', 'openExternal', 'reportContextSelection'].sort(),
    );
    // The page learns which host runs it (hints name the desktop menus); everything else is a function.
    expect(api.host).toBe('desktop');
    expect(Object.entries(api).every(([k, v]) => k === 'host' || typeof v === 'function')).toBe(true);
    expect('invoke' in api || 'send' in api || 'ipcRenderer' in api).toBe(false);
    await api['claims.list']!({ limit: 3 });
    expect(invoked).toEqual([[IPC_CHANNEL, 'claims.list', { limit: 3 }]]);
    // Shell requests go on their own channel, as data the main process validates.
    await api.openExternal!('https://example.org/');
    api.reportContextSelection!(true);
    expect(invoked.slice(1)).toEqual([
      [SHELL_CHANNEL, { kind: 'open-external', url: 'https://example.org/' }],
      [SHELL_CHANNEL, { kind: 'context-selection', claimable: true }],
    ]);
  }, 60_000);
});
