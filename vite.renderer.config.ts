import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './shared/csp';

const root = resolve(import.meta.dirname, 'renderer');

/** Writes the shared CSP into the built index.html, so the file is locked down even when served without headers. */
export function cspMetaPlugin(policy: string = CONTENT_SECURITY_POLICY): Plugin {
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

export const rendererPlugins = (): Plugin[] => [react(), cspMetaPlugin()];

/** The renderer build, shared with electron.vite.config.ts. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: rendererPlugins(),
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    rollupOptions: { input: resolve(root, 'index.html') },
  },
};

export default defineConfig(rendererConfig);
