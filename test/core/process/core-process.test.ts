import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostServices } from '../../../electron/core/host';
import { spawnCore, type SpawnedCore } from '../../../electron/core/process/spawn-core';
import { Workspace } from '../../../electron/core/store/workspace';
import type { Progress, ProtocolEvent } from '../../../shared/protocol';
import { tempDir } from '../../helpers/workspace';

/** A real core in a real Node child process, on a real workspace file. */
const dir = tempDir('claimbench-core-process-');
const file = path.join(dir, 'core.claimbench');
const chosen: string[] = [];
let saves = 0;
const host: HostServices = {
  chooseOpen: async (purpose) => {
    chosen.push(purpose);
    return [path.join(dir, 'picked.txt')];
  },
  // Never answers: the person leaves the dialog open.
  chooseSave: () => {
    saves++;
    return new Promise<string | null>(() => {});
  },
};
let core: SpawnedCore;
const events: ProtocolEvent[] = [];

/** A document with `n` sentences the spotter takes for claims (numbers, a named source). */
function claimText(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(`The ministry said unemployment in region ${i} rose to ${(i % 90) + 3}.${i % 10} percent in ${1990 + (i % 30)}.`);
  }
  return lines.join(' ');
}

beforeAll(async () => {
  Workspace.open(file, () => ({ actorId: 'setup000000000001', author: 'Setup' }), { create: true }).close();
  core = await spawnCore({ userDataDir: dir, workspace: file }, { host, log: () => {}, onEvent: (e) => events.push(e) });
  expect(await core.client.invoke('identity.setAuthor', { name: 'Child Checker' })).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  await core?.stop();
});

describe('the core in a child process', () => {
  it('answers operations on the workspace file it opened, and the writes are in that file', async () => {
    expect(core.child.pid).not.toBe(process.pid);
    const session = await core.client.invoke('identity.get', {});
    // A page reads where the workspace is; its path stays with the core's own callers.
    expect(session).toMatchObject({ ok: true, value: { author: 'Child Checker', workspace: { location: file, name: 'core' } } });
    expect((session as { value: { workspace: object } }).value.workspace).not.toHaveProperty('path');
    const created = await core.client.invoke('documents.createFromText', { title: 'Child', text: claimText(3) });
    expect(created.ok).toBe(true);
    const listed = await core.client.invoke('documents.list', {});
    expect(listed.ok && (listed.value as { title: string }[]).map((d) => d.title)).toEqual(['Child']);
    // Another reader of the same file sees the core's write.
    const reader = Workspace.open(file, () => ({ actorId: 'reader00000000001', author: 'Reader' }));
    try {
      const row = reader.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
      expect(row.n).toBe(1);
    } finally {
      reader.close();
    }
  });

  it('refuses an unknown operation and bad input in the envelope', async () => {
    expect(await core.client.invoke('no.such.operation', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await core.client.invoke('documents.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('survives a malformed message: refuses it with why, and keeps answering', async () => {
    core.child.send({ type: 'request', id: 'x1', name: 7 });
    core.child.send('not even an object');
    await expect.poll(() => core.client.refused.length).toBeGreaterThanOrEqual(2);
    expect(core.client.refused[0]).toMatch(/^Refused a message: name:/);
    expect(await core.client.invoke('documents.list', {})).toMatchObject({ ok: true });
  });

  it('reports progress of a long render, and a cancel stops it part way', async () => {
    await core.client.invoke('documents.createFromText', { title: 'Many', text: claimText(6_000) });
    const progress: Progress[] = [];
    const rendered = await core.client.invoke('report.render', { format: 'html' }, { onProgress: (p) => progress.push(p) });
    expect(rendered.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.total).toBeGreaterThan(0);
    const done = progress.map((p) => p.done);
    expect([...done].sort((a, b) => a - b)).toEqual(done);

    const controller = new AbortController();
    const seen: Progress[] = [];
    const cancelled = core.client.invoke(
      'report.render',
      { format: 'html' },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          controller.abort();
        },
      },
    );
    expect(await cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    // A progress message the core sent before the cancel reached it may still arrive; none says the render finished.
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen.at(-1)!.done).toBeLessThan(progress.at(-1)!.total!);
    // The core is free again at once.
    expect(await core.client.invoke('documents.list', {})).toMatchObject({ ok: true });
  });

  it('a cancelled host request settles CANCELLED while the host still waits', async () => {
    const controller = new AbortController();
    const call = core.client.invoke('report.chooseTarget', { format: 'html' }, { signal: controller.signal });
    await expect.poll(() => saves).toBe(1);
    controller.abort();
    expect(await call).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it("forwards the core's host requests to the host and returns its answer", async () => {
    // The page gets a token and the file's name; the path the host answered stays in the core.
    const picked = await core.client.invoke('libraries.chooseExisting', {});
    expect(picked).toEqual({ ok: true, value: { file: { token: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'picked.txt' } } });
    expect(JSON.stringify(picked)).not.toContain(dir);
    expect(chosen).toEqual(['library']);
  });

  it('keeps the parent responsive while the core is busy', async () => {
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    // Not the text an earlier test imported: a duplicate would be recognised at once, with no work to wait through.
    const busy = await core.client.invoke('documents.createFromText', { title: 'Busy', text: claimText(8_000) });
    const took = performance.now() - started;
    clearInterval(timer);
    expect(busy.ok).toBe(true);
    // The core worked for a long stretch; this process's timers kept firing throughout.
    expect(took).toBeGreaterThan(300);
    expect(longestGap).toBeLessThan(took / 3);
  });

  it('pushes workspace events', () => {
    expect(events.some((e) => e.kind === 'workspace-changed')).toBe(true);
  });

  it('carries the touched part of a write result across the process', async () => {
    const added = await core.client.invoke('claims.add', { text: 'The river flooded in 1953.' });
    expect(added).toMatchObject({ ok: true, touched: { claim: [expect.any(String)] } });
  });

  it("answers the shell's host-only commands: state, open, save a copy; and refuses bad input", async () => {
    expect(await core.client.command('state')).toMatchObject({
      ok: true,
      value: { title: 'core — Claimbench', workspace: { path: file, name: 'core' } },
    });
    const copy = path.join(dir, 'copy.claimbench');
    expect(await core.client.command('saveCopy', { target: copy })).toEqual({ ok: true, value: copy });
    const other = path.join(dir, 'other.claimbench');
    const created = await core.client.command('create', { file: other });
    expect(created).toMatchObject({
      ok: true,
      value: { workspace: { path: other }, recent: expect.arrayContaining([other, file]) },
    });
    expect(await core.client.invoke('identity.get', {})).toMatchObject({ ok: true, value: { workspace: { location: other } } });
    expect(await core.client.command('open', { file: path.join(dir, 'missing.claimbench') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await core.client.command('open', { file: 'relative.claimbench' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await core.client.command('formatDisk', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    // A command name sent as an operation request is just an unknown operation.
    expect(await core.client.invoke('saveCopy', { target: path.join(dir, 'x.claimbench') })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_OPERATION' },
    });
    expect(await core.client.command('open', { file })).toMatchObject({ ok: true, value: { workspace: { path: file } } });
    // Backup listings cross as plain data.
    const backups = await core.client.command('listBackups');
    expect(backups.ok && Array.isArray(backups.value)).toBe(true);
    const latest = await core.client.command('latestGoodBackup', { file: other });
    expect(latest).toMatchObject({ ok: true });
    expect(await core.client.command('latestGoodBackup', { file: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});
