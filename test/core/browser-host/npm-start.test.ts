import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/workspace';

const root = path.resolve(import.meta.dirname, '../../..');
const built = fs.existsSync(path.join(root, 'out/renderer/browser-bridge.js'));

function status(url: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        headers: host ? { Host: host } : {},
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The real `npm start` script without Electron's binary: one line why, then a loopback address behind a token. */
describe.skipIf(!built)('npm start without Electron', () => {
  it(
    'prints a loopback URL with a token; without the token or with a foreign Host it refuses',
    { timeout: 120_000 },
    async () => {
      const electronThere = fs.existsSync(path.join(root, 'node_modules/electron/dist'));
      const child = spawn(
        process.execPath,
        ['scripts/start.mjs', '--no-open', '--no-build', ...(electronThere ? ['--browser'] : [])],
        { cwd: root, env: { ...process.env, CLAIMBENCH_USER_DATA_DIR: tempDir('claimbench-npm-start-') }, detached: true },
      );
      let out = '';
      try {
        const url = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (chunk: Buffer) => {
            out += String(chunk);
            const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}/.exec(out);
            if (found) resolve(found[0]);
          });
          child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before printing an address:\n${out}`)));
        });
        if (!electronThere)
          expect(out.split('\n')[0]).toMatch(
            /^Electron's binary is not installed .*: serving Claimbench to your browser instead\.$/,
          );
        const base = url.slice(0, url.indexOf('?'));
        expect(await status(url)).toBe(303);
        expect(await status(base)).toBe(401);
        expect(await status(url, `evil.example:${new URL(url).port}`)).toBe(403);
        // A stop signal to the launcher alone (not its process group) stops the server it started.
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(child.pid!, 'SIGTERM');
        await exited;
        await expect
          .poll(
            () =>
              status(url).then(
                () => 'serving',
                () => 'stopped',
              ),
            { timeout: 10_000 },
          )
          .toBe('stopped');
      } finally {
        try {
          process.kill(-child.pid!, 'SIGINT');
        } catch {
          // Already gone with the launcher.
        }
      }
    },
  );
});

describe.skipIf(!built)('the browser host on a port in use', () => {
  it('says the port is in use and how to pick another, and exits', { timeout: 120_000 }, async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'electron/browser-host/main.ts', '--no-open', '--port', String(port)],
        { cwd: root, env: { ...process.env, CLAIMBENCH_USER_DATA_DIR: tempDir('claimbench-port-') } },
      );
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(err.trim()).toBe(`port ${port} is in use; pick another with --port or close the other app`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
