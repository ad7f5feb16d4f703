/**
 * Wires the shell's security and offline decisions (electron/shell/security.ts, app-protocol.ts,
 * print-pdf.ts, spellcheck.ts) to Electron's sessions and web contents. No decisions here.
 */
import { protocol, session, type WebContents } from 'electron';
import fs from 'node:fs';
import { resolveAppRequest } from './shell/app-protocol';
import { APP_SCHEME, type AppUrl } from './shell/app-url';
import { isPdfRequestAllowed, PDF_PARTITION } from './shell/print-pdf';
import { decidePermission, isNavigationAllowed, windowOpenDecision, withCspHeader } from './shell/security';
import { listDictionaryFiles, spellcheckPolicy, type SpellcheckPolicy } from './shell/spellcheck';

/** Locks every web contents down: no navigation away, no new windows, no webviews. */
export function hardenWebContents(contents: WebContents, appUrl: AppUrl): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Never opens anything: links reach the system browser only through the shell's open-external request.
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

export function hardenSession(appUrl: AppUrl): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, appUrl) });
  });
}

/** The PDF print window's session: only the report file being printed, nothing from the network. */
export function hardenPrintSession(printableFiles: ReadonlySet<string>): void {
  const ses = session.fromPartition(PDF_PARTITION);
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(decidePermission(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => decidePermission(permission));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPdfRequestAllowed(details.url, printableFiles) }));
}

/** Serve the built renderer on app://claimbench, with the CSP as a real response header. */
export function serveAppProtocol(appUrl: AppUrl): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, request.method, appUrl);
    if (!resolved.ok) return new Response(resolved.message, { status: resolved.status });
    try {
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(resolved.file);
      return new Response(body, { status: 200, headers: resolved.headers });
    } catch {
      return new Response('Not found.', { status: 404 });
    }
  });
}

/** Spellcheck for the default session: local dictionaries only, on or off as the person chose. */
export function applySpellcheck(setting: boolean | undefined, dictionariesDir: string): SpellcheckPolicy {
  const policy = spellcheckPolicy({
    platform: process.platform,
    setting,
    dictionariesDir,
    bundled: listDictionaryFiles(dictionariesDir),
  });
  const ses = session.defaultSession;
  if (policy.dictionaryUrl) ses.setSpellCheckerDictionaryDownloadURL(policy.dictionaryUrl);
  if (policy.enabled && policy.languages.length > 0) ses.setSpellCheckerLanguages(policy.languages);
  ses.setSpellCheckerEnabled(policy.enabled);
  return policy;
}
