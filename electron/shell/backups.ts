import { APPLICATION_ID } from '../core/store/open';
import { periodicBackup, type BackupInfo } from '../core/store/backup';
import type { Workspace } from '../core/store/workspace';
import { openDatabase } from '../core/store/sqlite';

export const BACKUP_INTERVAL_MS = 10 * 60_000;
export const PERIODIC_BACKUPS_KEPT = 10;

export type ShellLog = (message: string, error?: unknown) => void;

export const defaultLog: ShellLog = (message, error) => {
  console.warn(`[claimbench] ${message}`, error instanceof Error ? error.message : (error ?? ''));
};

/**
 * Rolling backups of the open workspace: every `intervalMs` and when it is closed, but only when
 * something changed since the newest backup (periodicBackup compares against the change log), keeping
 * the newest `keep`. A failing backup is logged and never disturbs the work in progress.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | undefined;
  private workspace: Workspace | undefined;

  constructor(private readonly options: { intervalMs?: number; keep?: number; log?: ShellLog } = {}) {}

  start(workspace: Workspace): void {
    this.stop();
    this.workspace = workspace;
    this.timer = setInterval(() => this.backupNow(), this.options.intervalMs ?? BACKUP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stop the timer; with `finalBackup`, take one last backup of what changed first. */
  stop({ finalBackup = false }: { finalBackup?: boolean } = {}): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (finalBackup) this.backupNow();
    this.workspace = undefined;
  }

  /** The backup written, or null when nothing changed (or it failed, which is logged). */
  backupNow(): string | null {
    const workspace = this.workspace;
    if (!workspace || !workspace.db.open) return null;
    try {
      return periodicBackup(workspace.db, workspace.path, this.options.keep ?? PERIODIC_BACKUPS_KEPT);
    } catch (e) {
      (this.options.log ?? defaultLog)(`The automatic backup of ${workspace.name} failed`, e);
      return null;
    }
  }
}

const REASONS: Record<string, string> = {
  periodic: 'automatic',
  'before-merge': 'before a merge',
  'replaced-by-restore': 'the state a restore replaced',
};

/** A reason as a person reads it: 'before-migration-v3' → 'before upgrading the file (format 3)'. */
export function describeBackupReason(reason: string): string {
  const migration = /^before-migration-v(\d+)$/.exec(reason);
  if (migration) return `before upgrading the file (format ${migration[1]})`;
  return REASONS[reason] ?? reason.replace(/-/g, ' ');
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatBackupDate(iso: string, timeZone?: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  });
}

/** One line of the Restore from Backup dialog: date, reason and size. */
export function backupLabel(backup: BackupInfo, timeZone?: string): string {
  return `${formatBackupDate(backup.createdAt, timeZone)} — ${describeBackupReason(backup.reason)} — ${formatSize(backup.size)}`;
}

export const MAX_LISTED_BACKUPS = 8;

/**
 * The buttons of the Restore from Backup message box: the newest backups, then "Choose Another…"
 * when there are more (or to pick a file by hand), then Cancel. `backup` is null for those two.
 */
export function restoreChoices(
  backups: readonly BackupInfo[],
  timeZone?: string,
): { buttons: string[]; backups: Array<BackupInfo | null>; cancelId: number; otherId: number } {
  const listed = backups.slice(0, MAX_LISTED_BACKUPS);
  const buttons = [...listed.map((b) => backupLabel(b, timeZone)), 'Choose Another…', 'Cancel'];
  return { buttons, backups: [...listed, null, null], otherId: listed.length, cancelId: listed.length + 1 };
}

/** The button text offered when a workspace turns out to be damaged. */
export function corruptOfferButtons(backup: BackupInfo | null, timeZone?: string): string[] {
  return backup ? [`Restore latest good backup (${formatBackupDate(backup.createdAt, timeZone)})`, 'Cancel'] : ['OK'];
}

/** Whether a file someone picked by hand is a Claimbench workspace (a backup is one). */
export function isWorkspaceFile(file: string, nativeBinding?: string): boolean {
  try {
    const db = openDatabase(file, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      return db.pragma('application_id', { simple: true }) === APPLICATION_ID;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
