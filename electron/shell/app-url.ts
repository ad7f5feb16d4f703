import path from 'node:path';

/**
 * Where the renderer is served from: the built `out/renderer/` through the app's own `app://`
 * scheme in production (see app-protocol.ts), or the electron-vite dev server in development.
 * Every trust decision compares against this one value.
 */
export type AppUrl = { kind: 'app'; url: URL; root: string } | { kind: 'dev'; url: URL };

/** The privileged scheme and the one host the renderer lives on: `app://claimbench/index.html`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'claimbench';
export const APP_ENTRY = '/index.html';

/** The production renderer: the folder holding the built index.html, served as app://claimbench/. */
export function productionAppUrl(rendererRoot: string): AppUrl {
  return { kind: 'app', url: new URL(`${APP_SCHEME}://${APP_HOST}${APP_ENTRY}`), root: path.resolve(rendererRoot) };
}

/** The dev server URL electron-vite passes in ELECTRON_RENDERER_URL; only loopback http is accepted. */
export function devAppUrl(devServerUrl: string): AppUrl | undefined {
  const url = parseUrl(devServerUrl);
  if (!url || url.protocol !== 'http:') return undefined;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  return { kind: 'dev', url };
}

export function parseUrl(raw: unknown): URL | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8_192) return undefined;
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** Is `raw` on the app's own origin? Node's URL gives custom schemes an opaque origin, so compare the parts. */
export function isAppOrigin(url: URL, app: AppUrl): boolean {
  if (app.kind === 'app') return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  return url.origin === app.url.origin;
}

/**
 * Is `raw` the app's own renderer document? In production the entry page of app://claimbench
 * (query and fragment ignored: the renderer may route with a hash); for the dev server, the same origin.
 */
export function isAppUrl(raw: unknown, app: AppUrl): boolean {
  const url = parseUrl(raw);
  if (!url || !isAppOrigin(url, app)) return false;
  return app.kind === 'dev' || url.pathname === APP_ENTRY;
}

/** The URL the window loads. */
export function appEntryUrl(app: AppUrl): string {
  return app.url.href;
}
