import { randomBytes, timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

/**
 * The browser host's checks, as plain functions (server.ts applies them to every request and
 * WebSocket upgrade). Anything on this machine can reach a loopback port, and any web page the
 * person visits can make their browser send requests to it, so:
 * - a per-launch secret token: in the URL once, then an HttpOnly SameSite=Strict cookie;
 * - the Host header must name 127.0.0.1 and our port, so a DNS-rebinding page (evil.example
 *   resolving to 127.0.0.1) is refused even though its requests arrive here;
 * - a WebSocket's Origin must be our own origin (browsers send cookies on cross-site WebSocket
 *   handshakes, and SameSite does not cover every case);
 * - no CORS headers, ever: other origins cannot read our responses.
 */
export const LOOPBACK = '127.0.0.1';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The cookie's name carries the port: cookies are shared by every port of 127.0.0.1. */
export function cookieName(port: number): string {
  return `claimbench-${port}`;
}

export function tokenMatches(given: string | undefined | null, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `${LOOPBACK}:${port}`;
}

export function ownOrigin(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === ownOrigin(port);
}

/** The value of cookie `name` in a Cookie header, if present exactly once. */
export function cookieValue(cookieHeader: string | undefined, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  const values = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
  return values.length === 1 ? values[0] : undefined;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Headers on every response: the app's CSP as a real header (frame-ancestors works only there). */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

export type Admission = { ok: true; setCookie?: string; redirectTo?: string } | { ok: false; status: 401 | 403; why: string };

/**
 * Decide one HTTP request: foreign Host → 403; `?token=` right → set the cookie and redirect to
 * the same address without it; wrong → 401; otherwise the cookie must hold the token.
 */
export function admitRequest(
  req: { url?: string; headers: { host?: string; cookie?: string } },
  port: number,
  token: string,
): Admission {
  if (!isAllowedHost(req.headers.host, port)) return { ok: false, status: 403, why: 'foreign Host header' };
  const url = new URL(req.url ?? '/', ownOrigin(port));
  const given = url.searchParams.get('token');
  if (given !== null) {
    if (!tokenMatches(given, token)) return { ok: false, status: 401, why: 'wrong token' };
    url.searchParams.delete('token');
    return { ok: true, setCookie: sessionCookie(port, token), redirectTo: `${url.pathname}${url.search}` };
  }
  if (!tokenMatches(cookieValue(req.headers.cookie, cookieName(port)), token)) {
    return { ok: false, status: 401, why: 'missing or wrong token' };
  }
  return { ok: true };
}

/** A WebSocket upgrade: our Host, our Origin, and the cookie. */
export function admitUpgrade(
  req: { headers: { host?: string; cookie?: string; origin?: string } },
  port: number,
  token: string,
): Admission {
  if (!isAllowedHost(req.headers.host, port)) return { ok: false, status: 403, why: 'foreign Host header' };
  if (!isAllowedOrigin(req.headers.origin, port)) return { ok: false, status: 403, why: 'foreign Origin' };
  if (!tokenMatches(cookieValue(req.headers.cookie, cookieName(port)), token)) {
    return { ok: false, status: 401, why: 'missing or wrong token' };
  }
  return { ok: true };
}
