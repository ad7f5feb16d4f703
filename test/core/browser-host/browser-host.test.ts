import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { KEPT_FOLDER, PageConnections } from '../../../electron/browser-host/pages';
import { cookieName } from '../../../electron/browser-host/security';
import { BRIDGE_SCRIPT, startBrowserHost, type BrowserHost } from '../../../electron/browser-host/server';
import { call } from '../../../electron/core/dispatch';
import { inProcessCore } from '../../../electron/core/process/in-process-core';
import { CONTENT_SECURITY_POLICY } from '../../../shared/csp';
import type { ToPageMessage } from '../../../shared/protocol';
import { createTestContext, tempDir } from '../../helpers/workspace';

/** A real browser host on a real port, in front of a real core on a temporary workspace. */
const rendererDir = tempDir('claimbench-host-renderer-');
fs.writeFileSync(
  path.join(rendererDir, 'index.html'),
  '<!doctype html><html><head><script type="module" src="./app.js"></script></head><body></body></html>',
);
fs.writeFileSync(path.join(rendererDir, 'app.js'), 'document.title = "app";');
fs.writeFileSync(path.join(rendererDir, BRIDGE_SCRIPT), 'window.bridged = true;');
const filesRoot = tempDir('claimbench-host-files-');
const keptRoot = tempDir('claimbench-host-user-data-');
const pages = new PageConnections(filesRoot, keptRoot);
const ctx = { ...createTestContext('Host Tester'), host: pages.host };
let server: BrowserHost;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so the Host header can be anything (fetch would not let us set it). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, path: pathname, headers: { Host: `127.0.0.1:${server.port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => `${cookieName(server.port)}=${server.token}`;

/** Open a WebSocket as a page would; resolves with the socket, or the HTTP status that refused it. */
function connect(headers: Record<string, string>): Promise<{ ws?: WebSocket; refused?: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ refused: res.statusCode }));
    ws.once('error', () => resolve({ refused: -1 }));
  });
}

const pageHeaders = () => ({ Cookie: cookie(), Origin: server.origin });

function nextMessage(ws: WebSocket, type: ToPageMessage['type']): Promise<ToPageMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as ToPageMessage;
      if (message.type !== type) return;
      ws.off('message', onMessage);
      resolve(message);
    };
    ws.on('message', onMessage);
  });
}

/** Sends the page's requests on `ws`, each resolving to the result the host relays back. */
function requester(ws: WebSocket) {
  return (id: string, name: string, input: unknown) => {
    const reply = nextMessage(ws, 'result');
    ws.send(JSON.stringify({ type: 'request', id, name, input }));
    return reply as Promise<{ result: { ok: boolean; value: Record<string, unknown> } }>;
  };
}

beforeAll(async () => {
  server = await startBrowserHost({ rendererDir, core: inProcessCore(() => ctx), pages });
});

afterAll(async () => {
  await server?.close();
  ctx.workspace.close();
});

describe('the browser host over HTTP', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return;
    const reached = await new Promise<boolean>((resolve) => {
      const req = http.get({ host: external.address, port: server.port, path: '/', timeout: 2_000 }, () => resolve(true));
      req.on('error', () => resolve(false));
      req.on('timeout', () => {
        req.destroy();
        resolve(false);
      });
    });
    expect(reached).toBe(false);
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/app.js')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/', { Cookie: `${cookieName(server.port)}=${'x'.repeat(server.token.length)}` })).status).toBe(401);
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie and a clean address', async () => {
    const first = await get(`/?token=${server.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    expect(first.headers['set-cookie']).toEqual([`${cookie()}; HttpOnly; SameSite=Strict; Path=/`]);
  });

  it('serves the app with the bridge first, the CSP as a header, and no CORS headers', async () => {
    const page = await get('/', { Cookie: cookie(), Origin: 'https://evil.example' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(Object.keys(page.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(page.body.indexOf(BRIDGE_SCRIPT)).toBeGreaterThan(0);
    expect(page.body.indexOf(BRIDGE_SCRIPT)).toBeLessThan(page.body.indexOf('app.js'));
    expect((await get('/app.js', { Cookie: cookie() })).body).toContain('document.title');
  });

  it('refuses a foreign Host header even with the right cookie (DNS rebinding)', async () => {
    for (const host of [`evil.example:${server.port}`, `localhost:${server.port}`, '127.0.0.1', `127.0.0.1:${server.port + 1}`]) {
      expect((await get('/', { Cookie: cookie(), Host: host })).status, host).toBe(403);
      expect((await get(`/?token=${server.token}`, { Host: host })).status, host).toBe(403);
    }
  });

  it('serves nothing outside the renderer folder', async () => {
    expect((await get('/../package.json', { Cookie: cookie() })).status).toBe(404);
    expect((await get('/%2e%2e/%2e%2e/etc/passwd', { Cookie: cookie() })).status).toBe(404);
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    expect((await get('/%E0%A4%A', { Cookie: cookie() })).status).toBe(400);
    expect((await get('/', { Cookie: cookie() })).status).toBe(200);
  });
});

describe('the browser host WebSocket', () => {
  it('refuses an upgrade without the cookie, from a foreign Origin or to a foreign Host', async () => {
    expect(await connect({ Origin: server.origin })).toEqual({ refused: 401 });
    expect(await connect({ Cookie: cookie(), Origin: 'https://evil.example' })).toEqual({ refused: 403 });
    expect(await connect({ Cookie: cookie() })).toEqual({ refused: 403 });
    expect(await connect({ ...pageHeaders(), Host: `evil.example:${server.port}` })).toEqual({ refused: 403 });
  });

  it('relays requests to the core and refuses malformed messages without dropping the page', async () => {
    const { ws } = await connect(pageHeaders());
    expect(ws).toBeDefined();
    try {
      const refused = nextMessage(ws!, 'refused');
      ws!.send('{"type":"request","id":"a"}');
      expect(await refused).toMatchObject({
        type: 'refused',
        id: 'a',
        message: expect.stringMatching(/^Refused a message: name:/),
      });
      const result = nextMessage(ws!, 'result');
      ws!.send(JSON.stringify({ type: 'request', id: 'b', name: 'identity.get', input: {} }));
      expect(await result).toMatchObject({ id: 'b', result: { ok: true, value: { author: 'Host Tester' } } });
    } finally {
      ws!.close();
    }
  });

  it("chooses files with the page's file input: the bytes arrive as files the core reads, the page sees only names", async () => {
    const { ws } = await connect(pageHeaders());
    try {
      const ask = nextMessage(ws!, 'pick-files');
      const result = nextMessage(ws!, 'result');
      ws!.send(JSON.stringify({ type: 'request', id: 'open', name: 'ingest.importChosen', input: {} }));
      const pick = await ask;
      expect(pick).toMatchObject({
        type: 'pick-files',
        multiple: true,
        accept: expect.arrayContaining(['.pdf', '.docx', '.txt']),
      });
      const files = [
        { name: 'notes.txt', base64: Buffer.from('Прозрачность выросла на 42% в 2023 году.').toString('base64') },
        { name: '../../escape.md', base64: Buffer.from('# hi').toString('base64') },
      ];
      ws!.send(JSON.stringify({ type: 'picked-files', id: (pick as { id: string }).id, files }));
      const reply = (await result) as { result: { ok: true; value: { names: string[] } } };
      expect(reply.result.value.names).toEqual(['notes.txt', 'escape.md']);
      expect(JSON.stringify(reply)).not.toContain(filesRoot);
      await expect.poll(() => call(ctx, 'documents.list', {}).then((d) => d.length), { timeout: 20_000 }).toBeGreaterThan(0);
      const texts = await Promise.all(
        (await call(ctx, 'documents.list', {})).map((d) => call(ctx, 'documents.get', { id: d.id })),
      );
      expect(texts.map((d) => d.text).join('\n')).toContain('Прозрачность выросла на 42%');
    } finally {
      ws!.close();
    }
  });

  it('exports through a download: the core writes the chosen file, the page gets its name and a one-page download link', async () => {
    const { ws } = await connect(pageHeaders());
    try {
      const request = requester(ws!);
      const chosen = await request('choose', 'report.chooseTarget', { format: 'csv' });
      const file = chosen.result.value.file as { token: string; name: string };
      expect(file.name).toMatch(/-report-\d{4}-\d{2}-\d{2}\.csv$/);
      const offered = nextMessage(ws!, 'download');
      const exported = await request('export', 'report.export', { format: 'csv', chosen: file.token });
      expect(exported.result).toMatchObject({ ok: true, value: { name: file.name } });
      expect(exported.result.value).not.toHaveProperty('path');
      expect(JSON.stringify(exported)).not.toContain(filesRoot);
      const download = (await offered) as { url: string; name: string };
      expect(download.name).toBe(file.name);
      expect((await get(download.url)).status).toBe(401);
      const bytes = await get(download.url, { Cookie: cookie() });
      expect(bytes.status).toBe(200);
      expect(bytes.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${file.name}`);
      expect(bytes.body.split('\n')[0]).toContain('claim');
    } finally {
      ws!.close();
    }
  });

  it('makes a new fact-check library in the user-data folder, which outlives the launch, never over another', async () => {
    const { ws } = await connect(pageHeaders());
    try {
      const request = requester(ws!);
      const made: string[] = [];
      for (const n of [1, 2]) {
        const chosen = await request(`choose-${n}`, 'libraries.chooseNew', {});
        const created = await request(`create-${n}`, 'libraries.create', {
          chosen: (chosen.result.value.file as { token: string }).token,
        });
        expect(created.result.ok).toBe(true);
        made.push(created.result.value.name as string);
      }
      const folder = path.join(keptRoot, KEPT_FOLDER);
      expect(made).toEqual(['fact-checks.claimbench-library', 'fact-checks-2.claimbench-library']);
      expect(
        fs
          .readdirSync(folder)
          .filter((f) => f.endsWith('.claimbench-library'))
          .sort(),
      ).toEqual([...made].sort());
    } finally {
      ws!.close();
    }
  });

  it('refuses a page that asks the host for paths directly', async () => {
    const { ws } = await connect(pageHeaders());
    try {
      for (const [name, input] of [
        ['host.chooseOpen', { purpose: 'import', multiple: true }],
        ['host.chooseSave', { purpose: 'report', defaultName: 'Report', extension: 'csv' }],
        ['host.openPath', { path: path.join(filesRoot, 'x.txt') }],
      ] as const) {
        const reply = nextMessage(ws!, 'result');
        ws!.send(JSON.stringify({ type: 'request', id: name, name, input }));
        expect(await reply, name).toMatchObject({ result: { ok: false, error: { code: 'VALIDATION' } } });
      }
    } finally {
      ws!.close();
    }
  });

  it('pushes core events to every page', async () => {
    const { ws } = await connect(pageHeaders());
    try {
      const event = nextMessage(ws!, 'event');
      server.broadcast({ kind: 'menu:find' });
      expect(await event).toEqual({ type: 'event', event: { kind: 'menu:find' } });
    } finally {
      ws!.close();
    }
  });
});
