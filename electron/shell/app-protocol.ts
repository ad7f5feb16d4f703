import path from 'node:path';
import { APP_ENTRY, APP_SCHEME, isAppOrigin, parseUrl, type AppUrl } from './app-url';
import { contentSecurityPolicy } from './security';

/**
 * The scheme's privileges, registered before 'ready': `standard` gives it real origins (so 'self'
 * in the CSP means app://claimbench), `secure` makes it a secure context like https, and
 * `corsEnabled` lets Vite's `<script type="module" crossorigin>` load in CORS mode (responses carry
 * no Access-Control-Allow-Origin, so no other origin can read them). No service workers, no
 * streaming, no CSP bypass: the renderer only loads its own built files.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export type AppResponse =
  { ok: true; file: string; headers: Record<string, string> } | { ok: false; status: 400 | 403 | 404 | 405; message: string };

/** The headers every app:// response carries: its type, the CSP as a real header, no sniffing. */
export function appResponseHeaders(file: string, app: AppUrl): Record<string, string> {
  return {
    'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': contentSecurityPolicy(app),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * Map an app:// request to a file of the built renderer, or refuse it. Only GET/HEAD on
 * app://claimbench; the path is decoded once and must stay inside the renderer folder
 * (`..`, encoded dots, backslashes, NUL and drive letters are refused, not normalised away).
 */
export function resolveAppRequest(rawUrl: string, method: string, app: AppUrl): AppResponse {
  if (app.kind !== 'app') return { ok: false, status: 404, message: 'Not served in development.' };
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, message: 'Method not allowed.' };
  const url = parseUrl(rawUrl);
  if (!url || !isAppOrigin(url, app)) return { ok: false, status: 404, message: 'Not found.' };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? APP_ENTRY : url.pathname);
  } catch {
    return { ok: false, status: 400, message: 'Bad path.' };
  }
  if (
    relative.includes('\u0000') ||
    relative.includes('\\') ||
    /(^|\/)\.\.?(\/|$)/.test(relative) ||
    /^\/[a-z]:/i.test(relative)
  ) {
    return { ok: false, status: 403, message: 'Forbidden.' };
  }
  const file = path.resolve(app.root, `.${relative}`);
  const inside = path.relative(app.root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return { ok: false, status: 403, message: 'Forbidden.' };
  return { ok: true, file, headers: appResponseHeaders(file, app) };
}
