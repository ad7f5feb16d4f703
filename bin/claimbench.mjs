#!/usr/bin/env node
// The CLI runs the same TypeScript core as the app, loaded through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
await import(fileURLToPath(new URL('../electron/cli/entry.ts', import.meta.url)));
