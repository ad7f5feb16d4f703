import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { FileIdentityStore } from '../../../electron/core/identity/identity';
import { backupFolderFor, listBackups } from '../../../electron/core/store/backup';
import { AppSession } from '../../../electron/shell/app-session';
import { backupLabel, corruptOfferButtons, describeBackupReason, restoreChoices } from '../../../electron/shell/backups';
import { offerRestoreForCorrupt, restoreFromBackup, type RestorePrompts } from '../../../electron/shell/restore-flow';
import { tempDir } from '../../helpers/workspace';

function newSession(options: { backupIntervalMs?: number; backupsKept?: number } = {}) {
  const userDataDir = tempDir();
  const identity = new FileIdentityStore(path.join(userDataDir, 'identity.json'));
  identity.setAuthor('Ana Checker');
  const switches: string[] = [];
  const logged: string[] = [];
  const session = new AppSession({
    userDataDir,
    identity,
    onChange: (w) => switches.push(w.path),
    log: (m) => logged.push(m),
    ...options,
  });
  return { session, switches, logged };
}

async function addClaim(session: AppSession, text: string) {
  return call(session.context(), 'claims.add', { text });
}

async function claimTexts(session: AppSession): Promise<string[]> {
  return (await call(session.context(), 'claims.list', {})).items.map((c) => c.text).sort();
}

/** Scripted answers, recording every question asked. */
function prompts(answers: { pick?: number | 'other'; file?: string | null; confirm?: boolean }) {
  const asked: string[] = [];
  const buttonsSeen: string[][] = [];
  const p: RestorePrompts = {
    pickBackup: async ({ message, buttons }) => {
      asked.push(message);
      buttonsSeen.push(buttons);
      return answers.pick === 'other' ? buttons.length - 2 : (answers.pick ?? buttons.length - 1);
    },
    pickFile: async () => answers.file ?? null,
    confirm: async ({ message, buttons }) => {
      asked.push(message);
      buttonsSeen.push(buttons);
      return answers.confirm ?? false;
    },
    timeZone: 'UTC',
  };
  return { prompts: p, asked, buttonsSeen };
}

/** Damage pages in the middle of a closed workspace file; the header stays a valid SQLite header. */
function corrupt(file: string): void {
  const size = fs.statSync(file).size;
  expect(size).toBeGreaterThan(4096 * 6);
  const fd = fs.openSync(file, 'r+');
  try {
    fs.writeSync(fd, Buffer.alloc(4096 * 4, 0xa5), 0, 4096 * 4, 4096 * 2);
  } finally {
    fs.closeSync(fd);
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('rolling backups while a workspace is open', () => {
  it('backs up every interval only when something changed, keeps the newest N, and once more on close', async () => {
    // Only the timers are faked: the change log's clock and the backup names use the real time.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { session } = newSession({ backupIntervalMs: 60_000, backupsKept: 2 });
    const file = path.join(tempDir(), 'rolling.claimbench');
    expect(session.create(file).ok).toBe(true);
    const periodic = () => listBackups(file).filter((b) => b.reason === 'periodic');

    vi.advanceTimersByTime(60_000);
    expect(periodic()).toHaveLength(0); // a new, empty workspace: nothing to keep

    await addClaim(session, 'First claim');
    vi.advanceTimersByTime(59_999);
    expect(periodic()).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(periodic()).toHaveLength(1);
    vi.advanceTimersByTime(60_000 * 3);
    expect(periodic()).toHaveLength(1); // unchanged since: no new backup

    for (const text of ['Second claim', 'Third claim']) {
      await new Promise((r) => setTimeout(r, 5));
      await addClaim(session, text);
      vi.advanceTimersByTime(60_000);
    }
    const kept = periodic();
    expect(kept).toHaveLength(2);
    // The newest backup holds all three claims; it is a real, openable workspace copy.
    const check = newSession();
    expect(check.session.open(kept[0]!.path).ok).toBe(true);
    expect(await claimTexts(check.session)).toEqual(['First claim', 'Second claim', 'Third claim']);
    check.session.close();

    await new Promise((r) => setTimeout(r, 5));
    await addClaim(session, 'Fourth claim');
    session.close();
    const afterClose = periodic();
    expect(afterClose).toHaveLength(2);
    expect(afterClose[0]!.name).not.toBe(kept[0]!.name);
    // The timer stopped with the workspace.
    vi.advanceTimersByTime(60_000 * 5);
    expect(periodic().map((b) => b.name)).toEqual(afterClose.map((b) => b.name));
  });

  it('a failing backup is logged and the workspace keeps working', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { session, logged } = newSession({ backupIntervalMs: 1_000 });
    const dir = tempDir();
    const file = path.join(dir, 'blocked.claimbench');
    session.create(file);
    await addClaim(session, 'Claim');
    fs.writeFileSync(backupFolderFor(file), 'a file where the backup folder should be');
    vi.advanceTimersByTime(1_000);
    expect(logged.some((m) => /automatic backup of blocked failed/.test(m))).toBe(true);
    expect(await claimTexts(session)).toEqual(['Claim']);
    session.close();
  });
});

describe('File > Restore from Backup…', () => {
  async function withHistory() {
    const env = newSession();
    const file = path.join(tempDir(), 'history.claimbench');
    env.session.create(file);
    await addClaim(env.session, 'Before the backup');
    expect(env.session.backups.backupNow()).not.toBeNull();
    await addClaim(env.session, 'After the backup');
    return { ...env, file };
  }

  it('lists the backups with date, reason and size, then closes, restores and reopens', async () => {
    const { session, file, switches } = await withHistory();
    const { prompts: p, asked, buttonsSeen } = prompts({ pick: 0, confirm: true });
    const outcome = await restoreFromBackup(session, p);
    expect(outcome?.ok).toBe(true);
    expect(buttonsSeen[0]![0]).toMatch(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} — automatic — \d+ KB$/);
    expect(buttonsSeen[0]!.slice(-2)).toEqual(['Choose Another…', 'Cancel']);
    expect(asked[1]).toMatch(/^Replace history with the backup from/);
    expect(session.workspace?.path).toBe(file);
    expect(switches).toEqual([file, file]); // reopened: the shell sends 'workspace-changed'
    expect(await claimTexts(session)).toEqual(['Before the backup']);
    // The replaced state is itself kept, so the restore can be undone the same way.
    const replaced = listBackups(file).find((b) => b.reason === 'replaced-by-restore');
    expect(replaced).toBeDefined();
    const undo = await restoreFromBackup(
      session,
      prompts({ pick: session.listBackups().findIndex((b) => b.path === replaced!.path), confirm: true }).prompts,
    );
    expect(undo?.ok).toBe(true);
    expect(await claimTexts(session)).toEqual(['After the backup', 'Before the backup']);
    session.close();
  });

  it('cancelling the list or the confirmation changes nothing', async () => {
    const { session } = await withHistory();
    const before = session.workspace;
    expect(await restoreFromBackup(session, prompts({}).prompts)).toBeNull();
    expect(await restoreFromBackup(session, prompts({ pick: 0, confirm: false }).prompts)).toBeNull();
    expect(session.workspace).toBe(before);
    expect(before?.db.open).toBe(true);
    expect(await claimTexts(session)).toEqual(['After the backup', 'Before the backup']);
    session.close();
  });

  it('a file chosen by hand must be a Claimbench workspace; the open one stays open when it is not', async () => {
    const { session } = await withHistory();
    const junk = path.join(tempDir(), 'junk.claimbench');
    fs.writeFileSync(junk, 'not a database');
    const outcome = await restoreFromBackup(session, prompts({ pick: 'other', file: junk, confirm: true }).prompts);
    expect(outcome?.ok).toBe(false);
    expect(outcome && !outcome.ok && outcome.error.code).toBe('NOT_A_WORKSPACE');
    expect(await claimTexts(session)).toEqual(['After the backup', 'Before the backup']);
    session.close();
  });

  it('labels and buttons read well', () => {
    const backup = {
      path: '/b',
      name: 'b',
      reason: 'before-migration-v2',
      createdAt: '2026-03-01T09:05:07.000Z',
      size: 3 * 1024 * 1024,
    };
    expect(backupLabel(backup, 'UTC')).toBe('1 Mar 2026, 09:05:07 — before upgrading the file (format 2) — 3.0 MB');
    expect(describeBackupReason('before-merge')).toBe('before a merge');
    const many = Array.from({ length: 12 }, () => backup);
    const choices = restoreChoices(many, 'UTC');
    expect(choices.buttons).toHaveLength(10);
    expect(choices.cancelId).toBe(9);
    expect(choices.otherId).toBe(8);
    expect(corruptOfferButtons(backup, 'UTC')).toEqual(['Restore latest good backup (1 Mar 2026, 09:05:07)', 'Cancel']);
  });
});

describe('a damaged workspace on open', () => {
  async function damagedWithBackup() {
    const env = newSession();
    const file = path.join(tempDir(), 'fragile.claimbench');
    env.session.create(file);
    for (let i = 0; i < 40; i++)
      await addClaim(env.session, `Claim number ${i} with enough text to fill several pages ${'x'.repeat(400)}`);
    expect(env.session.backups.backupNow()).not.toBeNull();
    env.session.close();
    corrupt(file);
    return { ...env, file };
  }

  it('is refused as CORRUPT, and the latest good backup is offered and restored', async () => {
    const { session, file } = await damagedWithBackup();
    const refused = session.open(file);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('CORRUPT');
    const damagedBytes = fs.readFileSync(file);

    const good = session.latestGoodBackup(file);
    expect(good?.reason).toBe('periodic');
    const { prompts: p, buttonsSeen } = prompts({ confirm: true });
    const outcome = await offerRestoreForCorrupt(session, file, refused.error, p);
    expect(buttonsSeen[0]![0]).toMatch(/^Restore latest good backup \(\d{1,2} \w{3} \d{4}, /);
    expect(outcome?.ok).toBe(true);
    expect(session.workspace?.path).toBe(file);
    expect((await call(session.context(), 'claims.list', {})).total).toBe(40);
    // The damaged file is kept beside the backups, byte for byte.
    const kept = listBackups(file).find((b) => b.reason === 'replaced-by-restore');
    expect(fs.readFileSync(kept!.path).equals(damagedBytes)).toBe(true);
    session.close();
  });

  it('declining leaves the damaged file as it was; without a good backup there is nothing to offer', async () => {
    const { session, file } = await damagedWithBackup();
    const refused = session.open(file);
    if (refused.ok) throw new Error('expected a refusal');
    const bytes = fs.readFileSync(file);
    expect(await offerRestoreForCorrupt(session, file, refused.error, prompts({ confirm: false }).prompts)).toBeNull();
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);

    // Damage the only backup too: no good backup, so only an explanation with OK.
    for (const b of listBackups(file)) corrupt(b.path);
    expect(session.latestGoodBackup(file)).toBeNull();
    const { prompts: p, buttonsSeen } = prompts({ confirm: true });
    expect(await offerRestoreForCorrupt(session, file, refused.error, p)).toBeNull();
    expect(buttonsSeen).toEqual([['OK']]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});
