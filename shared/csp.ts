/**
 * The renderer's Content Security Policy. One source: the Vite build writes it into index.html
 * as a meta tag and the shell sends it as a response header; tests assert both.
 * style-src needs 'unsafe-inline' because Radix primitives inject small <style> elements.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // 'self' lets the browser host's page reach its own WebSocket (ws: to the same host and port); nothing else.
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
