/**
 * Loaded before the app when the browser host serves it (never in Electron, whose preload does
 * this): `window.claimbench` from the same createBridge, over the host's WebSocket. The cookie the
 * host set when the page was first opened authenticates the socket.
 */
import { createBridge } from '../../electron/shell/bridge';
import type { ShellRequest } from '../../electron/shell/shell-requests';
import { eventFromWire } from '../../shared/events';
import { parseMessage, toPageMessageSchema, type PageMessage, type PickedFile, type Progress } from '../../shared/protocol';
import type { Result } from '../../shared/result';

const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
const queue: string[] = [];
const pending = new Map<string, { resolve(result: Result<unknown>): void; onProgress?: (p: Progress) => void }>();
const listeners = new Set<(payload: unknown) => void>();
let nextId = 0;
let closed = false;

function send(message: PageMessage): void {
  const text = JSON.stringify(message);
  if (socket.readyState === WebSocket.OPEN) socket.send(text);
  else queue.push(text);
}

socket.addEventListener('open', () => {
  for (const text of queue.splice(0)) socket.send(text);
});

socket.addEventListener('close', () => {
  closed = true;
  for (const [id, call] of pending) {
    pending.delete(id);
    call.resolve({
      ok: false,
      error: { code: 'INTERNAL', message: 'Claimbench has stopped. Start it again and reload this page.' },
    });
  }
});

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The browser's own file chooser stands in for the native dialog; the host gets the bytes. */
function pickFiles(id: string, multiple: boolean, accept: string[]): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = multiple;
  input.accept = accept.join(',');
  input.style.display = 'none';
  const answer = (files: PickedFile[] | null) => {
    input.remove();
    send({ type: 'picked-files', id, files });
  };
  input.addEventListener('cancel', () => answer(null));
  input.addEventListener('change', () => {
    const chosen = [...(input.files ?? [])];
    void Promise.all(chosen.map(async (f) => ({ name: f.name, base64: toBase64(new Uint8Array(await f.arrayBuffer())) }))).then(
      (files) => answer(files.length > 0 ? files : null),
    );
  });
  document.body.append(input);
  input.click();
}

function download(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = new URL(url, location.origin).href;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

socket.addEventListener('message', (event) => {
  let raw: unknown;
  try {
    raw = JSON.parse(String(event.data));
  } catch {
    return;
  }
  const parsed = parseMessage(toPageMessageSchema, raw);
  if (!parsed.ok) {
    console.error(`Claimbench: dropped a malformed message from the host (${parsed.why})`);
    return;
  }
  const message = parsed.message;
  switch (message.type) {
    case 'result':
      pending.get(message.id)?.resolve(message.result as Result<unknown>);
      pending.delete(message.id);
      return;
    case 'progress':
      pending.get(message.id)?.onProgress?.(message.progress);
      return;
    case 'refused':
      console.error(message.message);
      if (message.id) {
        pending.get(message.id)?.resolve({ ok: false, error: { code: 'VALIDATION', message: message.message } });
        pending.delete(message.id);
      }
      return;
    case 'event': {
      // Delivered as the preload delivers them: createBridge checks each with parseBridgeEvent.
      const delivered = eventFromWire(message.event);
      for (const listener of listeners) listener(delivered);
      return;
    }
    case 'pick-files':
      pickFiles(message.id, message.multiple, message.accept);
      return;
    case 'download':
      download(message.url, message.name);
      return;
  }
});

function invoke(name: string, input: unknown): Promise<Result<unknown>> {
  if (closed) {
    return Promise.resolve({
      ok: false,
      error: { code: 'INTERNAL', message: 'Claimbench has stopped. Start it again and reload this page.' },
    });
  }
  const id = `r${++nextId}`;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    send({ type: 'request', id, name, input });
  });
}

/** Links open in a new tab of this browser: it is already the system browser. */
async function shellRequest(request: ShellRequest): Promise<unknown> {
  if (request.kind !== 'open-external') return {};
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { opened: false };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { opened: false };
  // With noopener, window.open returns null even when the tab opened.
  window.open(url.href, '_blank', 'noopener,noreferrer');
  return { opened: true };
}

const bridge = createBridge(
  invoke,
  (handler) => {
    listeners.add(handler);
    return () => listeners.delete(handler);
  },
  shellRequest,
  'browser',
);
Object.defineProperty(window, 'claimbench', { value: bridge, writable: false, configurable: false });
