import path from 'node:path';
import { ClaimbenchError, type ErrorCode } from '../../shared/result';
import { backupFolderFor, type BackupInfo } from '../core/store/backup';
import { backupLabel, corruptOfferButtons, formatBackupDate, restoreChoices } from './backups';

/** The questions the restore flows ask; main.ts answers them with native message boxes and file dialogs. */
export interface RestorePrompts {
  /** Show `buttons` (newest backups, "Choose Another…", "Cancel"); resolve to the index pressed. */
  pickBackup(question: { message: string; detail: string; buttons: string[]; cancelId: number }): Promise<number>;
  /** An open-file dialog starting in the backups folder; null when cancelled. */
  pickFile(folder: string): Promise<string | null>;
  /** A yes/no confirmation; resolve true for the destructive choice. */
  confirm(question: { message: string; detail: string; buttons: string[] }): Promise<boolean>;
  timeZone?: string;
}

/** How a restore ended when it ran; the error is a ClaimbenchError or its wire shape. */
export type RestoreResult = { ok: true } | { ok: false; error: { code: ErrorCode; message: string } };

/** null: the person cancelled somewhere along the way; nothing changed. */
export type RestoreOutcome = RestoreResult | null;

/**
 * What the flows need of the workspace session: the AppSession itself, or the shell's proxy that
 * asks the core process.
 */
export interface RestoreTarget {
  readonly workspace: { name: string; path: string } | undefined;
  listBackups(): BackupInfo[] | Promise<BackupInfo[]>;
  latestGoodBackup(file: string): BackupInfo | null | Promise<BackupInfo | null>;
  restore(file: string, backup: string): RestoreResult | Promise<RestoreResult>;
}

/**
 * File > Restore from Backup…: list the open workspace's backups (date, reason, size), let the person
 * pick one (or another file), confirm, then close, restore and reopen. The state being replaced is kept
 * beside the backups (restoreBackup), so a restore can itself be undone the same way.
 */
export async function restoreFromBackup(session: RestoreTarget, prompts: RestorePrompts): Promise<RestoreOutcome> {
  const workspace = session.workspace;
  if (!workspace) return null;
  const backups = await session.listBackups();
  const choices = restoreChoices(backups, prompts.timeZone);
  const index = await prompts.pickBackup({
    message: backups.length > 0 ? `Restore ${workspace.name} from a backup` : `${workspace.name} has no backups yet`,
    detail:
      backups.length > 0
        ? 'Choose the backup to go back to. The current state is kept as a backup too, so this can be undone.'
        : 'Backups are taken automatically every few minutes while you work, and before merges and upgrades. You can still choose a backup file by hand.',
    buttons: choices.buttons,
    cancelId: choices.cancelId,
  });
  if (index === choices.cancelId || index < 0 || index >= choices.buttons.length) return null;
  let chosen: BackupInfo | { path: string } | null = choices.backups[index] ?? null;
  if (index === choices.otherId) {
    const file = await prompts.pickFile(backupFolderFor(workspace.path));
    if (!file) return null;
    chosen = { path: path.resolve(file) };
  }
  if (!chosen) return null;
  if (chosen.path === workspace.path) {
    return { ok: false, error: new ClaimbenchError('CONFLICT', 'A workspace cannot be restored from itself.') };
  }
  const what = 'reason' in chosen ? backupLabel(chosen, prompts.timeZone) : path.basename(chosen.path);
  const sure = await prompts.confirm({
    message: `Replace ${workspace.name} with the backup from ${what}?`,
    detail: 'Changes made after that backup will no longer be in the workspace. The current state is saved as a backup first.',
    buttons: ['Restore', 'Cancel'],
  });
  if (!sure) return null;
  return session.restore(workspace.path, chosen.path);
}

/**
 * A workspace refused as CORRUPT: offer the newest backup that passes quick_check, and restore it
 * when the person agrees. Returns null when there is none or they decline.
 */
export async function offerRestoreForCorrupt(
  session: RestoreTarget,
  file: string,
  error: { message: string },
  prompts: Pick<RestorePrompts, 'confirm' | 'timeZone'>,
): Promise<RestoreOutcome> {
  const backup = await session.latestGoodBackup(file);
  const name = path.basename(file);
  if (!backup) {
    await prompts.confirm({
      message: `${name} is damaged and there is no good backup of it.`,
      detail: error.message,
      buttons: corruptOfferButtons(null),
    });
    return null;
  }
  const restore = await prompts.confirm({
    message: `${name} is damaged.`,
    detail: `${error.message}\n\nThe latest good backup is from ${formatBackupDate(backup.createdAt, prompts.timeZone)}. Restoring it keeps the damaged file beside the backups.`,
    buttons: corruptOfferButtons(backup, prompts.timeZone),
  });
  if (!restore) return null;
  return session.restore(file, backup.path);
}
