import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../../electron/core/dispatch';
import { FixedIdentityStore } from '../../../electron/core/identity/identity';
import { MAX_WORKSPACE_NAME_BYTES } from '../../../electron/core/store/open';
import { Workspace } from '../../../electron/core/store/workspace';
import { runClaimbench } from '../../helpers/cli';
import { createTestContext, tempDir } from '../../helpers/workspace';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/claimbench.mjs');
const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('workspace names the file system would reject', () => {
  it('a 251-byte name is refused before anything is written (no 0-byte file)', () => {
    const dir = tempDir();
    const name = `${'n'.repeat(240)}.claimbench`; // 251 bytes: the file fits, its -journal would not
    const r = runClaimbench(['init', path.join(dir, name)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/name is 251 bytes long; the limit is 247 bytes/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('counts bytes, not characters, and accepts a name at the limit', () => {
    const dir = tempDir();
    const cyrillic = `${'д'.repeat(120)}.claimbench`; // 240 characters, 251 bytes
    expect(() => createTestContext('N', path.join(dir, cyrillic))).toThrow(/251 bytes long/);
    expect(fs.readdirSync(dir)).toEqual([]);
    const fits = `${'n'.repeat(MAX_WORKSPACE_NAME_BYTES - '.claimbench'.length)}.claimbench`;
    const ctx = createTestContext('N', path.join(dir, fits));
    ctx.workspace.close();
    expect(fs.readdirSync(dir)).toEqual([fits]);
  });
});

describe('read-only workspaces', () => {
  it('opened read-only: listing and search work, a write is refused with a clear message, the file is unchanged', async () => {
    const ctx = createTestContext('Reader');
    await invoke(ctx, 'claims.add', { text: 'Officials said 12 bridges were closed in 2023.' });
    ctx.workspace.close();
    const before = sha(ctx.file);
    const identity = new FixedIdentityStore('Reader');
    const ws = Workspace.open(ctx.file, () => ({ actorId: identity.get().actorId, author: 'Reader' }), { readonly: true });
    const ro = { workspace: ws, identity };
    try {
      expect(ws.readOnly).toBe(true);
      const list = await invoke(ro, 'claims.list', {});
      expect(list.ok).toBe(true);
      const claims = (list as { ok: true; value: { items: { id: string }[] } }).value.items;
      expect(claims).toHaveLength(1);
      const mark = await invoke(ro, 'claims.setVerdict', { ids: [claims[0]!.id], verdict: 'sourced' });
      expect(mark).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/open read-only/) } });
    } finally {
      ws.close();
    }
    expect(sha(ctx.file)).toBe(before);
    // SQLite may leave an empty -wal beside a WAL file it read; never one with content.
    if (fs.existsSync(`${ctx.file}-wal`)) expect(fs.statSync(`${ctx.file}-wal`).size).toBe(0);
  });

  const canDropPrivileges = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
  it.skipIf(!canDropPrivileges)(
    'on a folder and file another user cannot write: claims, search and report work; mark says read-only',
    () => {
      const dir = tempDir();
      fs.chmodSync(dir, 0o755);
      const ws = path.join(dir, 'shared.claimbench');
      expect(runClaimbench(['init', ws]).code).toBe(0);
      expect(runClaimbench(['add', ws, 'Officials said 12 bridges were closed in 2023.']).code).toBe(0);
      fs.chmodSync(ws, 0o444);
      fs.chmodSync(dir, 0o555);
      const out = tempDir();
      fs.chmodSync(out, 0o777);
      const before = sha(ws);
      const asNobody = (args: string[]) => {
        const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], {
          encoding: 'utf8',
          // A profile folder this user cannot write: reading needs no identity.
          env: { ...process.env, CLAIMBENCH_AUTHOR: 'Nobody', HOME: out, CLAIMBENCH_PROFILE: path.join(dir, 'profile') },
          timeout: 60_000,
        });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const claims = asNobody(['claims', ws]);
      expect(claims.code, claims.stderr).toBe(0);
      expect(claims.stdout).toMatch(/12 bridges/);
      expect(asNobody(['search', ws, 'bridges']).stdout).toMatch(/\[bridges\]/);
      const report = asNobody(['report', ws, '--format', 'csv', '-o', path.join(out, 'r.csv')]);
      expect(report.code, report.stderr).toBe(0);
      expect(fs.readFileSync(path.join(out, 'r.csv'), 'utf8')).toMatch(/12 bridges/);
      const id = claims.stdout.split(/\s+/)[0]!;
      const mark = asNobody(['mark', ws, id, 'sourced']);
      expect(mark.code).toBe(1);
      expect(mark.stderr).toMatch(/open read-only/);
      expect(sha(ws)).toBe(before);
      expect(fs.readdirSync(dir)).toEqual(['shared.claimbench']);
      fs.chmodSync(dir, 0o755);
    },
    120_000,
  );
});
