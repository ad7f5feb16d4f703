import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

const root = resolve(import.meta.dirname, 'renderer');

/** Directives a <meta> CSP cannot carry (browsers ignore them there and warn); the response header has them. */
const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

export function cspForMetaTag(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY_DIRECTIVES.includes(d.split(/\s+/)[0]!))
    .join('; ');
}

/** Writes the shared CSP into the built index.html, so the file is locked down even when served without headers. */
export function cspMetaPlugin(policy: string = cspForMetaTag()): Plugin {
  return {
    name: 'claimbench-csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
      ],
    },
  };
}

export const rendererPlugins = (): PluginOption[] => [react(), cspMetaPlugin()];

/**
 * The app, and the browser host's bridge (renderer/browser-host/bridge.ts) under a fixed name the
 * host puts before the app's script; Electron never loads it (its preload makes the bridge).
 */
export const rendererInputs = {
  index: resolve(root, 'index.html'),
  'browser-bridge': resolve(root, 'browser-host/bridge.ts'),
};

export function rendererEntryFileNames(chunk: { name: string }): string {
  return chunk.name === 'browser-bridge' ? 'browser-bridge.js' : 'assets/[name]-[hash].js';
}

/** The renderer build, shared with electron.vite.config.ts. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: rendererPlugins(),
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: {
      input: rendererInputs,
      output: { entryFileNames: rendererEntryFileNames },
    },
  },
};

export default defineConfig(rendererConfig);
