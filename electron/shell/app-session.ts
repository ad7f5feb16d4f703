import fs from 'node:fs';
import path from 'node:path';
import { ClaimbenchError, isClaimbenchError } from '../../shared/result';
import { DATA_KINDS, type Touched } from '../../shared/touched';
import { ENTITIES } from '../core/store/entities';
import type { CoreContext, IdentityStore } from '../core/context';
import type { HostServices } from '../core/host';
import type { StartupStatus } from '../../shared/workspace-api';
import { latestGoodBackup, listBackups, restoreBackup, writeCopy, type BackupInfo } from '../core/store/backup';
import { WORKSPACE_EXTENSION } from '../core/store/open';
import { Workspace } from '../core/store/workspace';
import type { Identity } from '../core/store/recorder';
import { BackupScheduler, isWorkspaceFile, type ShellLog } from './backups';
import { pauseRunningSessions, pauseSessionsLeftRunning } from '../core/sessions/lifecycle';
import { stopFollowers } from '../core/capture/follow';
import { FolderSync } from './folder-sync';
import { RecentList } from './recent';
import { describeWorkspace, knownWorkspaceFiles, newWorkspaceFile, WORKSPACES_FOLDER } from './known-workspaces';
import type { KnownWorkspace } from '../../shared/workspace-api';
import { storageError } from '../core/store/busy';

export const APP_NAME = 'Claimbench';
export const DEFAULT_WORKSPACE_NAME = `My Investigation${WORKSPACE_EXTENSION}`;

export function windowTitle(workspaceName: string | undefined): string {
  return workspaceName ? `${workspaceName} — ${APP_NAME}` : APP_NAME;
}

export interface AppSessionOptions {
  userDataDir: string;
  identity: IdentityStore;
  /** better-sqlite3 built for Electron's ABI; undefined under plain Node. */
  nativeBinding?: string;
  /** Called after every successful switch (title, menu, 'workspace-changed'). */
  onChange?: (workspace: Workspace) => void;
  /** Native dialogs and the system viewer, handed to every operation (absent in tests that need none). */
  host?: HostServices;
  /** Stored data changed (an operation, or a shared-folder sync): forwarded as `data-changed`. */
  onDataChanged?: (touched: Touched) => void;
  /** Rolling backups: how often and how many (defaults: 10 minutes, 10). */
  backupIntervalMs?: number;
  backupsKept?: number;
  /** Shared-folder watching: the debounce, and the pause before this person's changes are exported. */
  syncDebounceMs?: number;
  syncExportDelayMs?: number;
  log?: ShellLog;
}

/** The kinds the change log carries: a write to one of them is what a shared folder exports. */
const LOGGED_KINDS = DATA_KINDS.filter((k) => k in ENTITIES);

/** A refusal a person can act on, in the words of the ClaimbenchError that caused it. */
export type OpenOutcome = { ok: true; workspace: Workspace } | { ok: false; error: ClaimbenchError };

function asClaimbenchError(e: unknown, file: string): ClaimbenchError {
  if (isClaimbenchError(e)) return e;
  const typed = storageError(e);
  if (typed) return typed;
  const why = e instanceof Error ? e.message : String(e);
  return new ClaimbenchError('IO', `${path.basename(file)} could not be opened: ${why}`);
}

/**
 * The app's one open workspace and the switches between them. Plain Node, so the same
 * code that the menu drives is tested on real files; the current workspace is only
 * replaced once the new one is open, so a refused file leaves the old one in place.
 */
export class AppSession {
  readonly recent: RecentList;
  readonly backups: BackupScheduler;
  readonly folderSync: FolderSync;
  private current: Workspace | undefined;
  /** The files openInitial could not open, with why (the shell offers a backup for a CORRUPT one). */
  refusedAtStart: Array<{ file: string; error: ClaimbenchError }> = [];

  constructor(private readonly options: AppSessionOptions) {
    this.recent = new RecentList(path.join(options.userDataDir, 'recent-workspaces.json'));
    this.backups = new BackupScheduler({ intervalMs: options.backupIntervalMs, keep: options.backupsKept, log: options.log });
    this.folderSync = new FolderSync({
      actorId: () => options.identity.get().actorId,
      onDataChanged: (touched) => options.onDataChanged?.(touched),
      debounceMs: options.syncDebounceMs,
      exportDelayMs: options.syncExportDelayMs,
      log: options.log,
    });
  }

  get defaultWorkspacePath(): string {
    return path.join(this.options.userDataDir, DEFAULT_WORKSPACE_NAME);
  }

  get workspace(): Workspace | undefined {
    return this.current;
  }

  get title(): string {
    return windowTitle(this.current?.name);
  }

  /** The context IPC calls run in; throws while no workspace is open. */
  context(): CoreContext {
    if (!this.current) throw new ClaimbenchError('NOT_FOUND', 'No workspace is open.');
    return {
      workspace: this.current,
      identity: this.options.identity,
      host: this.options.host,
      onDataChanged: (touched) => this.dataChanged(touched),
    };
  }

  /**
   * First launch and every launch after: the file the OS asked for, else the most recent
   * workspace, else the default one in user-data (created when missing). A refused request
   * falls back to the next choice; the refusals are returned so the shell can show them. When
   * even the default workspace is refused, no workspace is open: the app starts on its welcome
   * screen with the refusals (startupStatus), and every refused file is left as it was.
   */
  openInitial(requested?: string): ClaimbenchError[] {
    const refusals: ClaimbenchError[] = [];
    this.refusedAtStart = [];
    const candidates = [requested, this.recent.list()[0]].filter((f): f is string => Boolean(f));
    for (const file of candidates) {
      const outcome = this.open(file);
      if (outcome.ok) return refusals;
      refusals.push(outcome.error);
      this.refusedAtStart.push({ file: path.resolve(file), error: outcome.error });
    }
    const fallback = this.open(this.defaultWorkspacePath, { create: true });
    if (!fallback.ok) {
      refusals.push(fallback.error);
      this.refusedAtStart.push({ file: this.defaultWorkspacePath, error: fallback.error });
    }
    return refusals;
  }

  /** What the welcome screen shows: the open workspace, if any, and the files refused at start. */
  startupStatus(): StartupStatus {
    const workspace = this.current;
    return {
      workspace: workspace ? { name: workspace.name, path: workspace.path } : null,
      refused: this.refusedAtStart.map(({ file, error }) => ({ file, code: error.code, message: error.message })),
    };
  }

  /**
   * The welcome screen's "Start a new workspace": a new file in user-data beside the default one,
   * under the first free name, so a refused default workspace is never touched.
   */
  startNew(): OpenOutcome {
    if (this.current) {
      return { ok: false, error: new ClaimbenchError('CONFLICT', `${this.current.name} is already open.`) };
    }
    const base = this.defaultWorkspacePath.slice(0, -WORKSPACE_EXTENSION.length);
    let file = this.defaultWorkspacePath;
    for (let n = 2; fs.existsSync(file); n++) file = `${base} ${n}${WORKSPACE_EXTENSION}`;
    return this.open(file, { create: true });
  }

  /** Open `file` and make it current; on refusal the current workspace stays open and untouched. */
  open(file: string, { create = false }: { create?: boolean } = {}): OpenOutcome {
    const absolute = path.resolve(file);
    if (this.current && this.current.path === absolute) return { ok: true, workspace: this.current };
    let next: Workspace;
    try {
      next = Workspace.open(absolute, () => this.author(), { create, nativeBinding: this.options.nativeBinding });
    } catch (e) {
      return { ok: false, error: asClaimbenchError(e, absolute) };
    }
    this.retire();
    this.current = next;
    this.pauseLeftRunning(next);
    this.backups.start(next);
    this.folderSync.attach(next);
    this.recent.add(next.path);
    this.options.onChange?.(next);
    return { ok: true, workspace: next };
  }

  /** An operation changed stored data: follow a changed sync link, export new changes, tell the renderer. */
  private dataChanged(touched: Touched): void {
    if (touched.syncLink) this.folderSync.refresh();
    else if (LOGGED_KINDS.some((k) => touched[k])) this.folderSync.noteLocalActivity();
    this.options.onDataChanged?.(touched);
  }

  /** Backups of the open workspace, newest first (File > Restore from Backup…). */
  listBackups(): BackupInfo[] {
    return listBackups(this.context().workspace.path);
  }

  /** The backup to offer for a workspace that failed to open as CORRUPT. */
  latestGoodBackup(file: string): BackupInfo | null {
    return latestGoodBackup(path.resolve(file), this.options.nativeBinding);
  }

  /**
   * Put `backup` in place of the workspace at `file` and open it. The open workspace is closed first
   * when it is that file (no final backup: restoreBackup keeps the replaced state itself). On a
   * refused restore the workspace is reopened as it was.
   */
  restore(file: string, backup: string): OpenOutcome {
    const target = path.resolve(file);
    if (!isWorkspaceFile(backup, this.options.nativeBinding)) {
      return {
        ok: false,
        error: new ClaimbenchError('NOT_A_WORKSPACE', `${path.basename(backup)} is not a Claimbench workspace backup.`),
      };
    }
    const wasOpen = this.current?.path === target;
    if (wasOpen) this.retire({ finalBackup: false });
    try {
      restoreBackup(target, backup, this.options.nativeBinding);
    } catch (e) {
      const error = asClaimbenchError(e, backup);
      if (wasOpen) this.open(target);
      return { ok: false, error: new ClaimbenchError('CORRUPT', error.message) };
    }
    return this.open(target);
  }

  /** File > New Workspace…: a new file only; an existing file is never overwritten. */
  create(file: string): OpenOutcome {
    const absolute = path.resolve(file.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? file : `${file}${WORKSPACE_EXTENSION}`);
    if (fs.existsSync(absolute)) {
      return {
        ok: false,
        error: new ClaimbenchError(
          'CONFLICT',
          `${path.basename(absolute)} already exists. Choose another name, or use Open… to open it.`,
        ),
      };
    }
    return this.open(absolute, { create: true });
  }

  /** The workspaces a page can offer to open (recent, and those in the data folder), without their paths. */
  knownWorkspaces(): KnownWorkspace[] {
    return knownWorkspaceFiles(this.options.userDataDir, this.recent.list()).map((known) =>
      describeWorkspace(known, this.current?.path),
    );
  }

  /** A new workspace by name in the data folder's Workspaces folder: for a host with no save dialog. */
  createNamed(name: string): OpenOutcome {
    let file: string;
    try {
      file = newWorkspaceFile(this.options.userDataDir, name);
      fs.mkdirSync(path.join(this.options.userDataDir, WORKSPACES_FOLDER), { recursive: true });
    } catch (e) {
      return { ok: false, error: asClaimbenchError(e, name) };
    }
    return this.create(file);
  }

  /** Open one of knownWorkspaces() by its id. */
  openKnown(id: string): OpenOutcome {
    const known = knownWorkspaceFiles(this.options.userDataDir, this.recent.list()).find((k) => k.id === id);
    if (!known) {
      return {
        ok: false,
        error: new ClaimbenchError('NOT_FOUND', 'That workspace is no longer there: it was moved or deleted. Pick another.'),
      };
    }
    return this.open(known.file);
  }

  /** File > Save a Copy…: a single self-contained file; never onto the open workspace itself. */
  saveCopy(target: string): string {
    const workspace = this.context().workspace;
    const absolute = path.resolve(
      target.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? target : `${target}${WORKSPACE_EXTENSION}`,
    );
    if (absolute === workspace.path) {
      throw new ClaimbenchError('CONFLICT', 'A copy cannot replace the open workspace. Choose another name.');
    }
    try {
      writeCopy(workspace.db, absolute);
    } catch (e) {
      throw asClaimbenchError(e, absolute);
    }
    return absolute;
  }

  close(): void {
    this.retire();
  }

  /** Stop watching and backing up the current workspace (one last backup if it changed), then close it. */
  private retire({ finalBackup = true }: { finalBackup?: boolean } = {}): void {
    const previous = this.current;
    this.current = undefined;
    this.folderSync.detach();
    if (previous) stopFollowers(previous);
    if (previous) this.pauseSessions(previous);
    this.backups.stop({ finalBackup: finalBackup && previous !== undefined });
    previous?.close();
  }

  /** A session left running would count the time the workspace is closed until it is found abandoned. */
  private pauseSessions(workspace: Workspace): void {
    try {
      pauseRunningSessions({ workspace, identity: this.options.identity });
    } catch (e) {
      this.options.log?.('Could not pause the running checking session', e);
    }
  }

  /** A session still running in a workspace the app just opened was left by an app that crashed or was killed. */
  private pauseLeftRunning(workspace: Workspace): void {
    try {
      pauseSessionsLeftRunning({ workspace, identity: this.options.identity });
    } catch (e) {
      this.options.log?.('Could not pause the checking session left running', e);
    }
  }

  private author(): Identity {
    const who = this.options.identity.get();
    return { actorId: who.actorId, author: who.author ?? '', signingKey: who.signingKey };
  }
}
