import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import { devAppUrl, isAppUrl, productionAppUrl } from '../../../electron/shell/app-url';
import {
  contentSecurityPolicy,
  decideNavigation,
  decidePermission,
  decideWindowOpen,
  isSafeExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  withCspHeader,
} from '../../../electron/shell/security';

const indexHtml = path.resolve('out/renderer/index.html');
const prod = productionAppUrl(indexHtml);
const prodUrl = pathToFileURL(indexHtml).href;
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

  it.skipIf(!fs.existsSync(indexHtml))('equals the meta tag of the built renderer', () => {
    const html = fs.readFileSync(indexHtml, 'utf8');
    const meta = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/i.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy(prod));
  });
});

describe('navigation policy', () => {
  it('allows only the app document itself', () => {
    expect(decideNavigation(prodUrl, prod)).toEqual({ allow: true, openExternally: null });
    expect(decideNavigation(`${prodUrl}#/claims`, prod).allow).toBe(true);
    expect(decideNavigation('http://localhost:5173/index.html', dev).allow).toBe(true);
  });

  it('denies other files, data:, javascript: and remote pages; offers http(s) to the system browser', () => {
    expect(decideNavigation(pathToFileURL('/etc/passwd').href, prod)).toEqual({ allow: false, openExternally: null });
    expect(decideNavigation(pathToFileURL(path.resolve('out/renderer/other.html')).href, prod).allow).toBe(false);
    expect(decideNavigation('data:text/html,<script>alert(1)</script>', prod)).toEqual({ allow: false, openExternally: null });
    expect(decideNavigation('javascript:alert(1)', prod)).toEqual({ allow: false, openExternally: null });
    expect(decideNavigation('https://example.org/a?b=1', prod)).toEqual({
      allow: false,
      openExternally: 'https://example.org/a?b=1',
    });
    // Same host, other port: not the dev server.
    expect(decideNavigation('http://localhost:5174/', dev)).toEqual({ allow: false, openExternally: 'http://localhost:5174/' });
    expect(decideNavigation('http://localhost:5173.evil.example/', dev).allow).toBe(false);
  });

  it('never opens windows; link clicks to http(s) go to the system browser', () => {
    expect(decideWindowOpen({ url: 'https://example.org/', disposition: 'foreground-tab' })).toEqual({
      allow: false,
      openExternally: 'https://example.org/',
    });
    expect(decideWindowOpen({ url: 'https://example.org/', disposition: 'other' }).openExternally).toBeNull();
    expect(decideWindowOpen({ url: 'https://example.org/' }).openExternally).toBeNull();
    expect(decideWindowOpen({ url: 'file:///etc/passwd', disposition: 'foreground-tab' }).openExternally).toBeNull();
    expect(decideWindowOpen({ url: prodUrl, disposition: 'new-window' }).allow).toBe(false);
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
