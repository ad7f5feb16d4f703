#!/usr/bin/env node
// The command line runs the bundle that `npm run build` writes beside the app (out/main/cli.js).
// In a source checkout whose sources are newer than that bundle (or with no build yet), it runs
// the TypeScript sources through tsx instead, so a change is never masked by a stale build.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'out', 'main', 'cli.js');
const SOURCE_DIRS = ['electron', 'shared'];

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  let built;
  try {
    built = fs.statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  const sources = SOURCE_DIRS.map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  return sources.every((d) => newestSourceTime(d) <= built);
}

if (bundleIsCurrent()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'electron', 'cli', 'entry.ts')).href);
}
