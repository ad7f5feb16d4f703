import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { isAppUrl, parseUrl, type AppUrl } from './app-url';

/**
 * The renderer's webPreferences. A plain object so Node tests can assert every switch;
 * main.ts passes it to BrowserWindow unchanged.
 */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  } as const;
}

/**
 * The policy sent as a response header. In development the Vite dev server needs its HMR
 * websocket and React Refresh's inline preamble, so only there the script and connect
 * sources are widened to the dev server's own origin; production gets the shared policy verbatim.
 */
export function contentSecurityPolicy(app: AppUrl): string {
  if (app.kind === 'file') return CONTENT_SECURITY_POLICY;
  const ws = `ws://${app.url.host}`;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'none'",
    `connect-src 'self' ${ws}`,
  );
}

/** Response headers with our CSP set, replacing any the server sent (whatever its casing). */
export function withCspHeader(
  headers: Record<string, string[] | string> | undefined,
  app: AppUrl,
): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== 'content-security-policy') out[key] = value;
  }
  out['Content-Security-Policy'] = [contentSecurityPolicy(app)];
  return out;
}

/**
 * Links we hand to the system browser: http and https with a host and no embedded credentials
 * (`https://bank.example@evil.example` tricks). Everything else — javascript:, file:, data:,
 * custom schemes, malformed text — is refused.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  const url = parseUrl(raw);
  if (!url) return false;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (!url.hostname) return false;
  if (url.username || url.password) return false;
  return true;
}

/**
 * will-navigate / will-redirect: the window never leaves the app's own document. Nothing is
 * opened from here: a navigation may come from a script as well as a click, and Electron does
 * not say which, so external links go through window.open (target="_blank") below.
 */
export function isNavigationAllowed(target: unknown, app: AppUrl): boolean {
  return isAppUrl(target, app);
}

/** Dispositions Chromium reports for a click on a link with target=_blank, or a middle/modifier click. */
const LINK_CLICK_DISPOSITIONS = new Set(['foreground-tab', 'background-tab']);

/**
 * setWindowOpenHandler: no window is ever created. A link click to an http(s) URL is handed to
 * the system browser; anything else (popups with features, other schemes) is dropped.
 */
export function externalUrlForWindowOpen(details: { url: unknown; disposition?: string }): string | null {
  const clicked = details.disposition !== undefined && LINK_CLICK_DISPOSITIONS.has(details.disposition);
  return clicked && isSafeExternalUrl(details.url) ? new URL(details.url).href : null;
}

/**
 * Is an IPC message from our own renderer? The sender frame must still exist, be the top
 * frame, and show the app's document. A compromised subframe or a navigated-away window fails.
 */
export function isTrustedSender(frame: { url: string; parent?: unknown } | null | undefined, app: AppUrl): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url, app);
}

/** Every permission request (camera, notifications, geolocation, …) is refused. */
export function decidePermission(_permission: string): boolean {
  return false;
}
