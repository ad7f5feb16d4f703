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

export interface NavigationDecision {
  /** Navigation inside the window: only to the app's own document (e.g. a reload). */
  allow: boolean;
  /** The URL to open in the system browser instead, when it is a safe http(s) link. */
  openExternally: string | null;
}

/** will-navigate / will-redirect: the window never leaves the app's own document. */
export function decideNavigation(target: unknown, app: AppUrl): NavigationDecision {
  if (isAppUrl(target, app)) return { allow: true, openExternally: null };
  return { allow: false, openExternally: isSafeExternalUrl(target) ? new URL(target).href : null };
}

/** Dispositions Chromium reports for a click on a link (target=_blank, middle- or modifier-click). */
const LINK_CLICK_DISPOSITIONS = new Set(['foreground-tab', 'background-tab', 'new-window']);

/**
 * setWindowOpenHandler: no window is ever created. A link click to an http(s) URL goes to the
 * system browser; window.open() from a script with other dispositions (e.g. 'other') is dropped.
 */
export function decideWindowOpen(details: { url: unknown; disposition?: string }): NavigationDecision {
  const clicked = details.disposition !== undefined && LINK_CLICK_DISPOSITIONS.has(details.disposition);
  return {
    allow: false,
    openExternally: clicked && isSafeExternalUrl(details.url) ? new URL(details.url).href : null,
  };
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
