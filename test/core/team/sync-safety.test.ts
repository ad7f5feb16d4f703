import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { call } from '../../../electron/core/dispatch';
import { backupFolderFor } from '../../../electron/core/store/backup';
import { parseSyncFile, SYNC_SUFFIX } from '../../../electron/core/team/sync-file';
import { isClaimbenchError } from '../../../shared/result';
import { cliActorId, tempDir } from '../../helpers/workspace';
import { flipBytes, repeatRange, rng, truncate } from '../fuzz/mutate';
import { person, snapshot, type TestContext } from './team-helpers';

const open: TestContext[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.workspace.close();
});

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const backups = (file: string) => (fs.existsSync(backupFolderFor(file)) ? fs.readdirSync(backupFolderFor(file)).length : 0);
const ownFile = (folder: string, ctx: TestContext) => path.join(folder, `${ctx.identity.get().actorId}${SYNC_SUFFIX}`);

/** Ana and Ben linked to one folder; Ana has a claim (already synced when `synced`). */
async function team(synced = true) {
  const dir = tempDir();
  const folder = path.join(dir, 'shared');
  fs.mkdirSync(folder);
  const [ana, ben] = ['Ana', 'Ben'].map((n) => {
    const ctx = person(path.join(dir, 'local'), n);
    open.push(ctx);
    return ctx;
  }) as [TestContext, TestContext];
  for (const p of [ana, ben]) await call(p, 'team.sync.link', { folder });
  await call(ana, 'documents.createFromText', { text: 'Wages rose 7 percent in 2023, the office said.' });
  const claimId = (await call(ana, 'claims.list', {})).items[0]!.id;
  if (synced) await call(ana, 'team.sync.now', {});
  return { dir, folder, ana, ben, claimId };
}

async function refusal(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(isClaimbenchError(e)).toBe(true);
  return e as Error & { code: string };
}

describe('files in a sync folder are never followed through links', () => {
  it('an own change file linked to the workspace: refused, the workspace intact and unchanged', async () => {
    const { folder, ana } = await team(false);
    await call(ana, 'claims.add', { text: 'Rents doubled since 2015.' });
    ana.workspace.db.pragma('wal_checkpoint(TRUNCATE)');
    fs.symlinkSync(ana.file, ownFile(folder, ana));
    const before = snapshot(ana.workspace.db);
    const target = sha(ana.file);
    const e = await refusal(call(ana, 'team.sync.now', {}));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/not a plain file .*will not write through it/);
    expect(sha(ana.file)).toBe(target);
    expect(snapshot(ana.workspace.db)).toEqual(before);
    expect(ana.workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('an own change file linked to any other file: that file is untouched, also through the CLI', async () => {
    const { dir, folder, ana } = await team(false);
    const other = path.join(dir, 'diary.txt');
    fs.writeFileSync(other, 'line one\nline two without end');
    // The CLI's Ana has her own profile identity: link the file the CLI will write to.
    const cliOwnFile = path.join(folder, `${cliActorId('Ana')}${SYNC_SUFFIX}`);
    fs.symlinkSync(other, cliOwnFile);
    ana.workspace.close();
    open.splice(open.indexOf(ana), 1);
    const errors: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void errors.push(t), readStdin: async () => Buffer.alloc(0) };
    expect(await runCli(['--author', 'Ana', 'sync', ana.file], io)).toBe(1);
    expect(errors.join('')).toMatch(/not a plain file/);
    expect(fs.readFileSync(other, 'utf8')).toBe('line one\nline two without end');
    expect(fs.lstatSync(cliOwnFile).isSymbolicLink()).toBe(true);
  });

  it('an own change file hard-linked to another file is refused too', async () => {
    const { dir, folder, ana } = await team(false);
    const other = path.join(dir, 'notes.txt');
    fs.writeFileSync(other, 'keep me');
    fs.linkSync(other, ownFile(folder, ana));
    await refusal(call(ana, 'team.sync.now', {}));
    expect(fs.readFileSync(other, 'utf8')).toBe('keep me');
  });

  it('a peer file that is a link is skipped by name, and the other files still merge', async () => {
    const { dir, folder, ana, ben } = await team();
    const secret = path.join(dir, 'secret.changes.jsonl');
    fs.copyFileSync(ownFile(folder, ana), secret);
    const linked = path.join(folder, `${'c'.repeat(16)}${SYNC_SUFFIX}`);
    fs.symlinkSync(secret, linked);
    const r = await call(ben, 'team.sync.now', {});
    expect(r.imported).toBeGreaterThan(0);
    expect(r.peers.find((p) => p.file === linked)?.problem).toMatch(/symbolic link/);
    expect(snapshot(ben.workspace.db).claims).toEqual(snapshot(ana.workspace.db).claims);
  });
});

describe('a damaged own change file', () => {
  it('is rewritten whole from the log, atomically, and stops growing', async () => {
    const { folder, ana, ben, claimId } = await team();
    await call(ana, 'claims.setVerdict', { ids: [claimId], verdict: 'sourced', rationale: 'Office table 2' });
    await call(ana, 'team.sync.now', {});
    const file = ownFile(folder, ana);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const goodCount = lines.length;
    lines[2] = lines[2]!.slice(0, 20); // a line cut in the middle of the file
    fs.writeFileSync(file, lines.join('\n'));
    expect(parseSyncFile(fs.readFileSync(file, 'utf8')).problem).toMatch(/line 3/);

    const sizes: number[] = [];
    for (let round = 0; round < 3; round++) {
      await call(ana, 'team.sync.now', {});
      sizes.push(fs.readFileSync(file, 'utf8').split('\n').length);
    }
    expect(sizes).toEqual([goodCount, goodCount, goodCount]);
    expect(parseSyncFile(fs.readFileSync(file, 'utf8')).problem).toBeNull();
    expect(fs.readdirSync(folder).filter((n) => n.includes('partial'))).toEqual([]);
    await call(ben, 'team.sync.now', {});
    expect((await call(ben, 'claims.get', { id: claimId })).verdict).toBe('sourced');
  });
});

describe('one bad peer file never blocks the others', () => {
  it('a row reusing a timestamp here with different content skips that file, named, and merges the rest', async () => {
    const { dir, folder, ana, ben } = await team();
    await call(ben, 'team.sync.now', {});
    const cleo = person(path.join(dir, 'local'), 'Cleo');
    open.push(cleo);
    await call(cleo, 'team.sync.link', { folder });
    await call(cleo, 'team.sync.now', {});
    await call(cleo, 'claims.add', { text: 'Cleo’s own claim about 12 ministers.' });
    await call(cleo, 'team.sync.now', {});

    // Mallory copies one of Ana's rows and makes it her own, unsigned (as an older app would write
    // it), keeping the timestamp: it passes the authorship check and clashes with Ana's row.
    const anaChange = fs
      .readFileSync(ownFile(folder, ana), 'utf8')
      .split('\n')
      .slice(1)
      .map((l) => (l ? (JSON.parse(l) as { c?: string }) : {}))
      .find((l) => l.c !== undefined)!;
    const body = JSON.parse(anaChange.c!) as Record<string, unknown>;
    const forged = { ...body, actor_id: 'd'.repeat(16), author: 'Mallory', signature: null };
    const bodyText = JSON.stringify(forged);
    const check = createHash('sha256').update(bodyText).digest('hex').slice(0, 16);
    const mallory = path.join(folder, `${'d'.repeat(16)}${SYNC_SUFFIX}`);
    fs.writeFileSync(
      mallory,
      `${JSON.stringify({ format: 'claimbench-changes', version: 1, actorId: 'd'.repeat(16) })}\n${JSON.stringify({ s: check, c: bodyText })}\n`,
    );

    const r = await call(ben, 'team.sync.now', {});
    const skipped = r.peers.find((p) => p.file === mallory);
    expect(skipped?.problem).toMatch(/reuses the clock timestamp .* of a different change/);
    expect(r.peers.filter((p) => p.problem).map((p) => p.file)).toEqual([mallory]);
    const texts = (await call(ben, 'claims.list', {})).items.map((c) => c.text).sort();
    expect(texts).toEqual(
      [...(await call(ana, 'claims.list', {})).items.map((c) => c.text), 'Cleo’s own claim about 12 ministers.'].sort(),
    );

    // Through the CLI: the skipped file is named, and the sync succeeds.
    ben.workspace.close();
    open.splice(open.indexOf(ben), 1);
    const out: string[] = [];
    const io = {
      out: (t: string) => void out.push(t),
      err: (t: string) => void out.push(t),
      readStdin: async () => Buffer.alloc(0),
    };
    expect(await runCli(['--author', 'Ben', 'sync', ben.file], io)).toBe(0);
    expect(out.join('\n')).toContain(`skipped ${mallory}: it carries a change that reuses the clock timestamp`);
  });
});

describe('a backup before a sync that brings changes', () => {
  it('is taken when changes arrive, and not when nothing does', async () => {
    const { ana, ben } = await team();
    expect(backups(ben.file)).toBe(0);
    const r = await call(ben, 'team.sync.now', {});
    expect(r.imported).toBeGreaterThan(0);
    const taken = fs.readdirSync(backupFolderFor(ben.file));
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatch(/-before-sync\.claimbench$/);
    const backup = new Database(path.join(backupFolderFor(ben.file), taken[0]!), { readonly: true });
    expect(backup.prepare('SELECT count(*) FROM claims').pluck().get()).toBe(0);
    backup.close();
    await call(ben, 'team.sync.now', {});
    await call(ana, 'team.sync.now', {});
    expect(backups(ben.file)).toBe(1);
  });
});

describe('own change file fuzzing', () => {
  it('whatever damage it takes, the next sync leaves it clean, it stops growing, and peers get everything', async () => {
    const { folder, ana, ben, claimId } = await team();
    await call(ana, 'claims.setVerdict', { ids: [claimId], verdict: 'disputed', rationale: 'Real wages fell' });
    await call(ana, 'attachments.add', { claimId, name: 'table.txt', base64: Buffer.from('wages 7%').toString('base64') });
    await call(ana, 'team.sync.now', {});
    const file = ownFile(folder, ana);
    const clean = new Uint8Array(fs.readFileSync(file));
    const workspace = snapshot(ana.workspace.db);
    const r = rng(1818);
    const mutations = [flipBytes, truncate, repeatRange];
    for (let i = 0; i < 45; i++) {
      fs.writeFileSync(file, mutations[i % mutations.length]!(r, clean));
      await call(ana, 'team.sync.now', {});
      const size = fs.statSync(file).size;
      await call(ana, 'team.sync.now', {});
      expect(fs.statSync(file).size, `case ${i} grew`).toBe(size);
      expect(parseSyncFile(fs.readFileSync(file, 'utf8')).problem, `case ${i}`).toBeNull();
      expect(snapshot(ana.workspace.db), `case ${i}`).toEqual(workspace);
    }
    expect(fs.readdirSync(folder).filter((n) => n.includes('partial'))).toEqual([]);
    await call(ben, 'team.sync.now', {});
    expect(snapshot(ben.workspace.db).changes).toEqual(workspace.changes);
  }, 120_000);
});
