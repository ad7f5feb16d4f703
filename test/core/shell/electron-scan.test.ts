import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCspPolicy, CHECKS, cspFromHtml, scanProject, scanScript, type CheckId } from '../../../scripts/scan-electron';
import { tempDir } from '../../helpers/workspace';

const root = path.resolve(import.meta.dirname, '../../..');

function rules(code: string, file = 'fixture.ts'): CheckId[] {
  return scanScript(code, file).findings.map((f) => f.rule as CheckId);
}

/** A minimal shell that passes every check; each test breaks one thing. */
const GOOD_MAIN = `
import { app, BrowserWindow, session, shell } from 'electron';
function prefs(preload) { return { preload, contextIsolation: true, sandbox: true, nodeIntegration: false }; }
function harden(contents) {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  async function openLink(sender, url) { const u = externalUrlForRequest(url, gestures.consume()); if (u) await shell.openExternal(u); }
}
session.defaultSession.setPermissionRequestHandler((_c, _p, cb) => cb(false));
session.defaultSession.setPermissionCheckHandler(() => false);
session.defaultSession.webRequest.onHeadersReceived((d, cb) => cb({ responseHeaders: { 'Content-Security-Policy': ["default-src 'none'"] } }));
ipcMain.handle('x', (event) => isTrustedSender(event.senderFrame));
`;
const GOOD_HTML = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; object-src 'none'">`;

function project(
  main: string,
  { preload = "contextBridge.exposeInMainWorld('api', { ping: () => 1 }); require('electron');", html = GOOD_HTML } = {},
) {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'electron/shell'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out/main'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out/preload'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out/renderer'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron/main.ts'), main);
  fs.writeFileSync(path.join(dir, 'out/main/index.js'), main);
  fs.writeFileSync(path.join(dir, 'out/preload/index.cjs'), preload);
  fs.writeFileSync(path.join(dir, 'out/renderer/index.html'), html);
  return dir;
}

function failed(dir: string): CheckId[] {
  return scanProject(dir)
    .checks.filter((c) => !c.passed)
    .map((c) => c.id);
}

describe('Electron security scanner', () => {
  it('passes the real app: sources and the built bundles', () => {
    const report = scanProject(root);
    const high = report.findings.filter((f) => f.severity === 'HIGH');
    expect(high, JSON.stringify(high, null, 2)).toEqual([]);
    // It really read the shell, the shipped main and preload bundles, and the page.
    expect(report.scanned).toEqual(
      expect.arrayContaining(['electron/main.ts', 'electron/shell/security.ts', 'electron/preload.ts']),
    );
    expect(report.scanned.some((f) => f.startsWith('out/main/'))).toBe(true);
    expect(report.scanned).toContain('out/preload/index.cjs');
    expect(report.scanned).toContain('out/renderer/index.html');
    expect(report.checks.map((c) => c.id)).toEqual(Object.keys(CHECKS));
  });

  it('a minimal hardened shell passes every check', () => {
    expect(failed(project(GOOD_MAIN))).toEqual([]);
  });

  it('flags each insecure webPreferences switch', () => {
    expect(rules('new BrowserWindow({ webPreferences: { nodeIntegration: true } })')).toContain('NODE_INTEGRATION');
    expect(rules('x = { nodeIntegrationInWorker: true }')).toEqual(['NODE_INTEGRATION']);
    expect(rules('x = { contextIsolation: false }')).toEqual(['CONTEXT_ISOLATION']);
    expect(rules('x = { sandbox: !1 }', 'bundle.js')).toEqual(['SANDBOX']);
    expect(rules('x = { webSecurity: false }')).toEqual(['WEB_SECURITY']);
    expect(rules('x = { allowRunningInsecureContent: true }')).toEqual(['INSECURE_CONTENT']);
    expect(rules('x = { experimentalFeatures: true }')).toEqual(['EXPERIMENTAL_FEATURES']);
    expect(rules("x = { enableBlinkFeatures: 'CSSVariables' }")).toEqual(['BLINK_FEATURES']);
    expect(rules('x = { webviewTag: true }')).toEqual(['WEBVIEW']);
    expect(rules('x = { enableRemoteModule: true }')).toEqual(['REMOTE_MODULE']);
    expect(rules("import remote from '@electron/remote';")).toEqual(['REMOTE_MODULE']);
    // webPreferences that name two of the three key switches must name all three.
    expect(rules('x = { contextIsolation: true, nodeIntegration: false }')).toEqual(['SANDBOX']);
    expect(rules('x = { contextIsolation: true, sandbox: true, nodeIntegration: false }')).toEqual([]);
  });

  it('flags openExternal without a URL check, http: loads and weakening switches', () => {
    expect(rules('function f(u) { shell.openExternal(u); }')).toEqual(['OPEN_EXTERNAL']);
    expect(rules('function f(u) { if (isSafeExternalUrl(u)) shell.openExternal(u); }')).toEqual([]);
    expect(rules("win.loadURL('http://example.com/app')")).toEqual(expect.arrayContaining(['INSECURE_PROTOCOL']));
    expect(rules("const dev = 'http://localhost:5173/'")).toEqual([]);
    expect(rules("app.commandLine.appendSwitch('ignore-certificate-errors')")).toEqual(['INSECURE_PROTOCOL']);
    expect(rules("app.on('certificate-error', (e, w, u, er, c, cb) => cb(true))")).toEqual(['INSECURE_PROTOCOL']);
    expect(rules("contents.on('new-window', () => {})")).toEqual(['WINDOW_OPEN']);
  });

  it('flags a preload that hands the page ipcRenderer', () => {
    expect(rules("contextBridge.exposeInMainWorld('ipc', ipcRenderer)")).toEqual(['EXPOSED_IPC']);
    expect(rules("contextBridge.exposeInMainWorld('api', { ipc: ipcRenderer })")).toEqual(['EXPOSED_IPC']);
    expect(rules("contextBridge.exposeInMainWorld('api', { send: (n) => ipcRenderer.invoke('c', n) })")).toEqual([]);
  });

  it('notices a missing handler in the shell (each one removed in turn)', () => {
    const without = (needle: string) =>
      GOOD_MAIN.split('\n')
        .filter((l) => !l.includes(needle))
        .join('\n');
    expect(failed(project(without('setPermissionRequestHandler')))).toEqual(['PERMISSIONS']);
    expect(failed(project(without("'will-navigate'")))).toEqual(['NAVIGATION']);
    expect(failed(project(without('setWindowOpenHandler')))).toEqual(['WINDOW_OPEN']);
    expect(failed(project(without('will-attach-webview')))).toEqual(['WEBVIEW']);
    expect(failed(project(without('onHeadersReceived')))).toEqual(['CSP']);
    expect(failed(project(without('isTrustedSender')))).toEqual(['IPC_SENDER']);
    expect(failed(project(without('function prefs')))).toEqual(['CONTEXT_ISOLATION']);
  });

  it('checks the page: a CSP that restricts scripts, no webviews, no remote scripts', () => {
    expect(failed(project(GOOD_MAIN, { html: '<html></html>' }))).toEqual(['CSP']);
    expect(failed(project(GOOD_MAIN, { html: `${GOOD_HTML}<webview src="x">` }))).toEqual(['WEBVIEW']);
    expect(failed(project(GOOD_MAIN, { html: `${GOOD_HTML}<script src="http://cdn.example/x.js"></script>` }))).toEqual([
      'INSECURE_PROTOCOL',
    ]);
    expect(checkCspPolicy("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'", 'p')).toHaveLength(1);
    expect(checkCspPolicy("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'", 'p')).toHaveLength(1);
    expect(checkCspPolicy("default-src 'self'; script-src 'self'", 'p')).toEqual(['p: object-src is not restricted']);
    expect(checkCspPolicy("script-src 'self'", 'p')).toEqual(expect.arrayContaining(['p: the policy has no default-src']));
    expect(cspFromHtml(`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;">`)).toBe(
      "default-src 'none'",
    );
  });

  it('an unbuilt app is a finding, not a pass', () => {
    const dir = project(GOOD_MAIN);
    fs.rmSync(path.join(dir, 'out'), { recursive: true });
    expect(failed(dir)).toEqual(expect.arrayContaining(['NAVIGATION', 'EXPOSED_IPC', 'CSP']));
  });
});
