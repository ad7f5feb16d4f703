import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { pageMessageSchema, parseMessage, type ProtocolEvent, type ToPageMessage } from '../../shared/protocol';
import type { HostServices } from '../core/host';
import type { CoreLink } from '../core/process/core-client';
import { PageConnections, type PageLink } from './pages';
import { admitRequest, admitUpgrade, LOOPBACK, newToken, ownOrigin, securityHeaders } from './security';

/** Written by the renderer build beside index.html; creates `window.claimbench` over the WebSocket. */
export const BRIDGE_SCRIPT = 'browser-bridge.js';
export const SOCKET_PATH = '/ws';
/** Picked files travel as base64 inside one message. */
const MAX_MESSAGE_BYTES = 80 * 1024 * 1024;

/** Content types of the files a built renderer holds. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface BrowserHostOptions {
  /** The built renderer (out/renderer), with browser-bridge.js beside index.html. */
  rendererDir: string;
  core: CoreLink;
  /** The pages and their HostServices; pass one when the core needs `pages.host` before the server starts. */
  pages?: PageConnections;
  port?: number;
  log?: (message: string) => void;
}

export interface BrowserHost {
  port: number;
  origin: string;
  token: string;
  /** The address to open: carries the token once; the page then lives on a cookie. */
  url: string;
  /** Dialogs and downloads through the connected page, for a core that needs them. */
  host: HostServices;
  broadcast(event: ProtocolEvent): void;
  close(): Promise<void>;
}

/** index.html with the bridge script first: module scripts run in document order, so the bridge exists before the app. */
function pageHtml(rendererDir: string): string {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const tag = `<script type="module" src="./${BRIDGE_SCRIPT}"></script>`;
  const at = html.indexOf('<script');
  return at >= 0 ? `${html.slice(0, at)}${tag}\n    ${html.slice(at)}` : html.replace('</head>', `${tag}</head>`);
}

function refuse(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

function refuseUpgrade(socket: Duplex, status: 401 | 403): void {
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The browser host: serves the built renderer and one WebSocket on 127.0.0.1 at a free port, and
 * relays the page's requests to the core (a child process, or a core in this process for tests).
 * Every request and upgrade goes through security.ts first.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = path.resolve(options.rendererDir);
  for (const needed of ['index.html', BRIDGE_SCRIPT]) {
    if (!fs.existsSync(path.join(rendererDir, needed))) {
      throw new Error(`${path.join(rendererDir, needed)} is missing: run \`npm run build:renderer\` first.`);
    }
  }
  const token = newToken();
  const log = options.log ?? (() => {});
  const pages = options.pages ?? new PageConnections(fs.mkdtempSync(path.join(os.tmpdir(), 'claimbench-browser-')));
  let port = 0;

  const server = http.createServer((req, res) => {
    const admission = admitRequest(req, port, token);
    if (!admission.ok) {
      log(`Refused ${req.method} ${req.url?.split('?')[0]}: ${admission.why}`);
      refuse(
        res,
        admission.status,
        admission.status === 401
          ? 'Claimbench: open the address printed when it started (this one lacks its key).'
          : 'Claimbench answers only at its own address.',
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      refuse(res, 405, 'Method not allowed');
      return;
    }
    if (admission.redirectTo) {
      res.writeHead(303, { ...securityHeaders(), 'Set-Cookie': admission.setCookie!, Location: admission.redirectTo }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', ownOrigin(port)).pathname);
    } catch {
      // A malformed %-escape: refused here, never an exception that would end the host.
      refuse(res, 400, 'Bad request');
      return;
    }
    const download = pathname.startsWith('/download/') ? pages.download(pathname.slice('/download/'.length)) : undefined;
    if (download) {
      res.writeHead(200, {
        ...securityHeaders(),
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(download.name)}`,
      });
      fs.createReadStream(download.file).pipe(res);
      return;
    }
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, { ...securityHeaders(), 'Content-Type': CONTENT_TYPES['.html']! }).end(pageHtml(rendererDir));
      return;
    }
    const file = path.resolve(rendererDir, `.${pathname}`);
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      refuse(res, 404, 'Not found');
      return;
    }
    res.writeHead(200, { ...securityHeaders(), 'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const admission = new URL(req.url ?? '/', ownOrigin(port)).pathname === SOCKET_PATH ? admitUpgrade(req, port, token) : null;
    if (!admission || !admission.ok) {
      log(`Refused a WebSocket: ${admission ? admission.why : 'wrong path'}`);
      refuseUpgrade(socket, admission && !admission.ok ? admission.status : 403);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => servePage(ws));
  });

  function servePage(ws: WebSocket): void {
    const page: PageLink = {
      send: (message: ToPageMessage) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      },
    };
    const running = new Map<string, AbortController>();
    pages.add(page);
    ws.on('message', (data, isBinary) => {
      let raw: unknown;
      try {
        raw = isBinary ? undefined : JSON.parse(String(data));
      } catch {
        raw = undefined;
      }
      const parsed = parseMessage(pageMessageSchema, raw);
      if (!parsed.ok) {
        page.send({ type: 'refused', ...(parsed.id ? { id: parsed.id } : {}), message: `Refused a message: ${parsed.why}` });
        return;
      }
      const message = parsed.message;
      pages.touch(page);
      if (message.type === 'picked-files') {
        pages.resolvePick(message.id, message.files);
      } else if (message.type === 'cancel') {
        running.get(message.id)?.abort();
      } else if (running.has(message.id)) {
        page.send({ type: 'refused', id: message.id, message: `Refused a message: request ${message.id} is already running.` });
      } else {
        const controller = new AbortController();
        running.set(message.id, controller);
        const { id } = message;
        void options.core
          .invoke(message.name, message.input ?? {}, {
            signal: controller.signal,
            onProgress: (progress) => page.send({ type: 'progress', id, progress }),
          })
          .then((result) => {
            running.delete(id);
            page.send({ type: 'result', id, result });
            pages.afterResult(page);
          });
      }
    });
    ws.on('close', () => {
      for (const controller of running.values()) controller.abort();
      pages.disconnect(page);
    });
  }

  const stopEvents = options.core.onEvent((event) => pages.broadcast({ type: 'event', event }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = ownOrigin(port);
  return {
    port,
    origin,
    token,
    url: `${origin}/?token=${token}`,
    host: pages.host,
    broadcast: (event) => pages.broadcast({ type: 'event', event }),
    close: async () => {
      stopEvents();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
