#!/usr/bin/env node
/**
 * `npm start`: the Electron app when Electron's binary is installed; otherwise one line saying so,
 * and the same renderer and core served to the system browser on 127.0.0.1 (see
 * electron/browser-host/). Arguments after `--` go to whichever starts (`--no-open`, a workspace file);
 * `--browser` picks the browser host where Electron is installed, `--no-build` skips the renderer build.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);

function electronInstalled() {
  try {
    return fs.existsSync(require('electron'));
  } catch {
    return false;
  }
}

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The app itself, for as long as it runs: a stop signal sent to this launcher (a service manager, `kill`) reaches
 * it too, so no server is left behind; its exit status is the launcher's.
 */
function serve(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (electronInstalled() && !args.includes('--browser')) {
  serve(bin('electron-vite'), ['preview', ...args]);
} else {
  if (!args.includes('--browser')) {
    process.stdout.write(
      "Electron's binary is not installed (node_modules/electron/dist is missing): serving Claimbench to your browser instead.\n",
    );
  }
  // --no-build: serve out/renderer as it is (tests, and a second launch that changed nothing).
  if (!args.includes('--no-build')) run(bin('vite'), ['build', '--config', 'vite.renderer.config.ts', '--logLevel', 'error']);
  const hostArgs = args.filter((a) => a !== '--browser' && a !== '--no-build');
  serve(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'browser-host', 'main.ts'), ...hostArgs]);
}
