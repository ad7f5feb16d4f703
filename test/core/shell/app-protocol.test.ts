import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { APP_SCHEME_PRIVILEGES, resolveAppRequest } from '../../../electron/shell/app-protocol';
import { appEntryUrl, devAppUrl, productionAppUrl } from '../../../electron/shell/app-url';
import { tempDir } from '../../helpers/workspace';

/** A renderer folder with the shapes Vite writes, and a secret beside it that must stay unreachable. */
function rendererFolder() {
  const base = tempDir('claimbench-app-protocol-');
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Claimbench</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'name with space.svg'), '<svg/>');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
  return { base, root, app: productionAppUrl(root) };
}

function read(result: ReturnType<typeof resolveAppRequest>): string {
  if (!result.ok) throw new Error(`refused: ${result.status}`);
  return fs.readFileSync(result.file, 'utf8');
}

describe('the app:// protocol', () => {
  it('registers a standard, secure scheme that never bypasses the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, corsEnabled: true },
    });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('allowServiceWorkers');
  });

  it('sends no CORS header, so no other origin can read the app’s files', () => {
    const { app } = rendererFolder();
    const page = resolveAppRequest('app://claimbench/index.html', 'GET', app);
    expect(page.ok && Object.keys(page.headers).some((h) => h.toLowerCase().startsWith('access-control'))).toBe(false);
  });

  it('loads the entry page from app://claimbench/index.html', () => {
    const { app } = rendererFolder();
    expect(appEntryUrl(app)).toBe('app://claimbench/index.html');
  });

  it('serves the built files with their type, the CSP as a real header, and no sniffing', () => {
    const { app } = rendererFolder();
    const page = resolveAppRequest('app://claimbench/index.html', 'GET', app);
    expect(read(page)).toContain('<title>Claimbench</title>');
    expect(page.ok && page.headers).toEqual({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    const script = resolveAppRequest('app://claimbench/assets/index-abc.js?v=1#x', 'GET', app);
    expect(read(script)).toBe('console.log(1)');
    expect(script.ok && script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(resolveAppRequest('app://claimbench/assets/index-abc.css', 'HEAD', app)).toMatchObject({
      ok: true,
      headers: { 'Content-Type': 'text/css; charset=utf-8' },
    });
    expect(read(resolveAppRequest('app://claimbench/assets/name%20with%20space.svg', 'GET', app))).toBe('<svg/>');
    expect(read(resolveAppRequest('app://claimbench/', 'GET', app))).toContain('Claimbench');
  });

  it.each([
    ['a parent folder', 'app://claimbench/../secret.txt'],
    ['an encoded parent folder', 'app://claimbench/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://claimbench/assets%2f..%2f..%2fsecret.txt'],
    ['a backslash', 'app://claimbench/assets%5c..%5c..%5csecret.txt'],
    ['a NUL byte', 'app://claimbench/index.html%00.js'],
    ['a drive letter', 'app://claimbench/C:/Windows/win.ini'],
    ['an absolute path smuggled in', 'app://claimbench//etc/passwd'],
  ])('refuses %s', (_what, url) => {
    const { app } = rendererFolder();
    const result = resolveAppRequest(url, 'GET', app);
    if (result.ok) {
      // Some shapes are normalised by the URL parser itself; then they must still land inside the folder.
      expect(path.relative(app.kind === 'app' ? app.root : '', result.file).startsWith('..')).toBe(false);
      expect(fs.existsSync(result.file)).toBe(false);
    } else {
      expect([400, 403, 404]).toContain(result.status);
    }
  });

  it('refuses other hosts, other schemes, writes and bad encodings', () => {
    const { app } = rendererFolder();
    expect(resolveAppRequest('app://evil/index.html', 'GET', app)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://user:pw@claimbench/index.html', 'GET', app)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('file:///etc/passwd', 'GET', app)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://claimbench/index.html', 'POST', app)).toMatchObject({ ok: false, status: 405 });
    expect(resolveAppRequest('app://claimbench/%E0%A4%A', 'GET', app)).toMatchObject({ ok: false, status: 400 });
    expect(resolveAppRequest('not a url', 'GET', app)).toMatchObject({ ok: false, status: 404 });
    expect(resolveAppRequest('app://claimbench/index.html', 'GET', devAppUrl('http://localhost:5173/')!)).toMatchObject({
      ok: false,
    });
  });

  it.skipIf(!fs.existsSync('out/renderer/index.html'))('serves every file of the real built renderer', () => {
    const app = productionAppUrl(path.resolve('out/renderer'));
    const files = fs
      .readdirSync('out/renderer', { recursive: true, encoding: 'utf8' })
      .filter((f) => fs.statSync(path.join('out/renderer', f)).isFile());
    for (const file of files) {
      const result = resolveAppRequest(`app://claimbench/${file.split(path.sep).map(encodeURIComponent).join('/')}`, 'GET', app);
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(result.headers['Content-Type'], file).not.toBe('application/octet-stream');
    }
  });
});
