import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { isAppUrl, parseUrl, type AppUrl } from './app-url';

/** The switches every window of the app keeps, the report's print window included. */
export const LOCKED_DOWN_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
} as const;

/**
 * The renderer's webPreferences. A plain object so Node tests can assert every switch;
 * main.ts passes it to BrowserWindow unchanged.
 */
export function secureWebPreferences(preloadPath: string, options: { spellcheck: boolean } = { spellcheck: false }) {
  return {
    preload: preloadPath,
    ...LOCKED_DOWN_WEB_PREFERENCES,
    navigateOnDragDrop: false,
    // Off unless spellcheckPolicy() allows it: Hunspell on Windows and Linux would download dictionaries.
    spellcheck: options.spellcheck,
  } as const;
}

/**
 * The policy sent as a response header. In development the Vite dev server needs its HMR
 * websocket and React Refresh's inline preamble, so only there the script and connect
 * sources are widened to the dev server's own origin; production gets the shared policy verbatim.
 */
export function contentSecurityPolicy(app: AppUrl): string {
  if (app.kind === 'app') return CONTENT_SECURITY_POLICY;
  const ws = `ws://${app.url.host}`;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
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
 * will-navigate / will-redirect: the window never leaves the app's own document, and nothing is
 * opened from here (a navigation may come from a script as well as a click).
 */
export function isNavigationAllowed(target: unknown, app: AppUrl): boolean {
  return isAppUrl(target, app);
}

/**
 * setWindowOpenHandler: always deny, never open anything. Chromium reports a script-submitted
 * `target=_blank` form as `foreground-tab`, exactly like a click, so a disposition proves nothing;
 * external links go through the shell's open-external request instead (see user-gesture.ts).
 */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * An open-external request from the renderer: the URL must be a safe http(s) link and the person
 * must have clicked or pressed a key in that window just before (`gestureIsRecent`, measured in the
 * main process from real input events, which page scripts cannot forge). Returns the URL to hand
 * to shell.openExternal, normalised, or null.
 */
export function externalUrlForRequest(url: unknown, gestureIsRecent: boolean): string | null {
  if (!gestureIsRecent || !isSafeExternalUrl(url)) return null;
  return new URL(url).href;
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
