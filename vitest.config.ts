import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/temp-root.ts'],
    projects: [
      {
        test: {
          name: 'core',
          include: ['test/core/**/*.test.ts'],
          environment: 'node',
          // check-tables: every workspace a test wrote to must equal a replay of its change log.
          setupFiles: ['test/helpers/cli-profile.ts', 'test/helpers/check-tables.ts'],
          testTimeout: 120_000,
          // The replay check after a test that wrote thousands of changes can take seconds on a busy machine.
          hookTimeout: 60_000,
          // Both cores: many core tests wait on child processes, timers and files. The browser tests run after.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/helpers/cli-profile.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two browsers at a time, after the core tests: each file has its own workspace, server and browser.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
          // A page reflects a write after a round trip through the core; on a loaded machine that can take seconds.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: 'electron',
          include: ['test/electron/**/*.test.ts'],
          environment: 'node',
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
        },
      },
    ],
  },
});
