import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where the renderer is served from: the built `out/renderer/index.html` in production, or the
 * electron-vite dev server in development. Every trust decision compares against this one value.
 */
export type AppUrl = { kind: 'file'; url: URL } | { kind: 'dev'; url: URL };

export function productionAppUrl(rendererIndexHtml: string): AppUrl {
  return { kind: 'file', url: pathToFileURL(path.resolve(rendererIndexHtml)) };
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

/**
 * Is `raw` the app's own renderer document? For a file, the very same path (query and fragment
 * ignored: the renderer may route with a hash); for the dev server, the same origin.
 */
export function isAppUrl(raw: unknown, app: AppUrl): boolean {
  const url = parseUrl(raw);
  if (!url) return false;
  if (app.kind === 'file') {
    return url.protocol === 'file:' && url.host === app.url.host && url.pathname === app.url.pathname;
  }
  return url.origin === app.url.origin;
}

/** The URL the window loads. */
export function appEntryUrl(app: AppUrl): string {
  return app.url.href;
}
