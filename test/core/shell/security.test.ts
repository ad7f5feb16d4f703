import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { devAppUrl, isAppUrl, productionAppUrl } from '../../../electron/shell/app-url';
import {
  contentSecurityPolicy,
  decidePermission,
  externalUrlForRequest,
  isNavigationAllowed,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  windowOpenDecision,
  withCspHeader,
} from '../../../electron/shell/security';

const indexHtml = path.resolve('out/renderer/index.html');
const prod = productionAppUrl(path.dirname(indexHtml));
const prodUrl = 'app://claimbench/index.html';
const dev = devAppUrl('http://localhost:5173/')!;

describe('window options', () => {
  it('locks the renderer down', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('content security policy header', () => {
  it('is the shared policy verbatim in production', () => {
    expect(contentSecurityPolicy(prod)).toBe(CONTENT_SECURITY_POLICY);
    const headers = withCspHeader({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] }, prod);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(Object.keys(headers).filter((k) => k.toLowerCase() === 'content-security-policy')).toHaveLength(1);
  });

  it('widens only script and connect sources for the dev server', () => {
    const policy = contentSecurityPolicy(dev);
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("connect-src 'none'");
    expect(withCspHeader(undefined, dev)['Content-Security-Policy']).toEqual([policy]);
  });

  it.skipIf(!fs.existsSync(indexHtml))('matches the meta tag of the built renderer', () => {
    const { document } = new JSDOM(fs.readFileSync(indexHtml, 'utf8')).window;
    const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
      (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
    );
    expect(metas).toHaveLength(1);
    // A <meta> policy cannot carry frame-ancestors (and a few others): browsers ignore them there,
    // so the build leaves them out and the response header supplies them. Everything else matches.
    const directives = (policy: string) => policy.split(';').map((d) => d.trim());
    const headerOnly = /^(frame-ancestors|report-uri|report-to|sandbox)\b/;
    expect(directives(metas[0]?.getAttribute('content') ?? '')).toEqual(
      directives(contentSecurityPolicy(prod)).filter((d) => !headerOnly.test(d)),
    );
  });
});

describe('navigation policy', () => {
  it('allows only the app document itself', () => {
    expect(isNavigationAllowed(prodUrl, prod)).toBe(true);
    expect(isNavigationAllowed(`${prodUrl}#/claims`, prod)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5173/index.html', dev)).toBe(true);
  });

  it.each([
    pathToFileURL('/etc/passwd').href,
    pathToFileURL(indexHtml).href,
    'app://claimbench/other.html',
    'app://evil/index.html',
    'app://user@claimbench/index.html',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'https://example.org/a?b=1',
    'about:blank',
    'chrome://settings',
    'not a url',
  ])('denies navigating to %s', (url) => {
    expect(isNavigationAllowed(url, prod)).toBe(false);
  });

  it('denies other origins in development, including look-alikes', () => {
    expect(isNavigationAllowed('http://localhost:5174/', dev)).toBe(false);
    expect(isNavigationAllowed('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isNavigationAllowed('https://localhost:5173/', dev)).toBe(false);
  });

  it('never opens windows, whatever the disposition (a script-submitted form looks like a click)', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('opens an external link only on a request right after a real gesture, and only safe http(s)', () => {
    expect(externalUrlForRequest('https://example.org/', true)).toBe('https://example.org/');
    expect(externalUrlForRequest('http://example.org/x y', true)).toBe('http://example.org/x%20y');
    expect(externalUrlForRequest('https://example.org/', false)).toBeNull();
    expect(externalUrlForRequest('file:///etc/passwd', true)).toBeNull();
    expect(externalUrlForRequest('javascript:alert(1)', true)).toBeNull();
    expect(externalUrlForRequest(prodUrl, true)).toBeNull();
    expect(externalUrlForRequest({ href: 'https://example.org/' }, true)).toBeNull();
  });

  it('rejects a dev server URL that is not loopback http', () => {
    expect(devAppUrl('https://localhost:5173')).toBeUndefined();
    expect(devAppUrl('http://example.org:5173')).toBeUndefined();
    expect(devAppUrl('not a url')).toBeUndefined();
  });
});

describe('external link policy', () => {
  it.each(['https://example.org', 'http://example.org/path?q=1#x', 'HTTPS://EXAMPLE.ORG/'])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'file:///etc/passwd',
    'data:text/html,hi',
    'vbscript:msgbox(1)',
    'claimbench://open',
    'ms-msdt:/id',
    'smb://server/share',
    'https://bank.example@evil.example/',
    'https://user:pass@example.org/',
    'http://',
    'not a url',
    '//example.org/protocol-relative',
    '',
    'https://' + 'a'.repeat(9_000) + '.example',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl({ toString: () => 'https://example.org' })).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('trusts only the top frame showing the app document', () => {
    expect(isTrustedSender({ url: prodUrl, parent: null }, prod)).toBe(true);
    expect(isTrustedSender({ url: `${prodUrl}?x=1#/doc/1`, parent: null }, prod)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, dev)).toBe(true);
  });

  it('refuses missing, child, foreign and look-alike frames', () => {
    expect(isTrustedSender(null, prod)).toBe(false);
    expect(isTrustedSender(undefined, prod)).toBe(false);
    expect(isTrustedSender({ url: prodUrl, parent: { url: prodUrl } }, prod)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: pathToFileURL('/tmp/evil/out/renderer/index.html').href, parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: pathToFileURL(indexHtml).href, parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: 'app://claimbench.evil/index.html', parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: `${prodUrl}.html`, parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: 'about:blank', parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, prod)).toBe(false);
    expect(isTrustedSender({ url: prodUrl, parent: null }, dev)).toBe(false);
    expect(isTrustedSender({ url: 'http://127.0.0.1:5173/', parent: null }, dev)).toBe(false);
    expect(isAppUrl('', prod)).toBe(false);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies %s', (p) => {
    expect(decidePermission(p)).toBe(false);
  });
});
