import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig, rendererEntryFileNames, rendererInputs } from './vite.renderer.config';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(here, 'out/main'),
      // playwright-core (a devDependency) prints PDFs for the CLI only; the app prints with
      // webContents.printToPDF. Left external so its 6 MB are not bundled into the app.
      externalizeDeps: { include: ['playwright-core'] },
      rolldownOptions: {
        input: {
          index: resolve(here, 'electron/app-entry.ts'),
          // Started by electron/core/ingest/worker-pool.ts as ./parse-worker.js beside the main bundle.
          'parse-worker': resolve(here, 'electron/core/ingest/parse-worker.ts'),
          // Started by electron/core/team/share-reader.ts as ./share-read-worker.js beside the main bundle.
          'share-read-worker': resolve(here, 'electron/core/team/share-read-worker.ts'),
          // The shipped command line (bin/claimbench.mjs, and `Claimbench --cli` in an installed app).
          cli: resolve(here, 'electron/cli/entry.ts'),
          // The core process: started by main.ts as a utilityProcess and by the browser host as a Node child.
          core: resolve(here, 'electron/core/process/entry.ts'),
          // The browser host, run by scripts/start.mjs when Electron's binary is not installed.
          'browser-host': resolve(here, 'electron/browser-host/main.ts'),
        },
        // Chunks sit beside the entries so the workers' `./parse-worker.js` (and the browser host's
        // `./core.js`) resolve from any of them.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(here, 'out/preload'),
      // The sandbox loads a preload as one classic script: CommonJS, everything bundled
      // (zod and the contract included), nothing required but 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(here, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: rendererConfig.root,
    base: './',
    plugins: rendererConfig.plugins,
    build: {
      outDir: resolve(here, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: { input: rendererInputs, output: { entryFileNames: rendererEntryFileNames } },
    },
  },
});
