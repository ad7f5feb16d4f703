import fs from 'node:fs';
import path from 'node:path';
import type { SyncResult } from '../../shared/team';
import { isEmptyTouched, type Touched } from '../../shared/touched';
import type { Workspace } from '../core/store/workspace';
import { ownSyncFile, syncFolderOf, syncNow } from '../core/team/sync';
import { SYNC_SUFFIX } from '../core/team/sync-file';
import { defaultLog, type ShellLog } from './backups';

export interface FolderSyncOptions {
  /** This person's actor id (their own change file in the folder). */
  actorId(): string;
  /** After a sync that changed the workspace: what it touched, for the renderer's `data-changed`. */
  onDataChanged?(touched: Touched): void;
  /** Wait for the folder to settle before syncing (sync tools write in bursts). */
  debounceMs?: number;
  /** Wait after this person's own writes before appending them to their change file. */
  exportDelayMs?: number;
  log?: ShellLog;
}

/**
 * Keeps the open workspace in step with its linked shared folder: a sync when it opens, a sync
 * whenever a teammate's change file moves (debounced), and this person's new changes appended
 * shortly after they make them. Errors (folder gone offline, a damaged file) are logged, never thrown:
 * the workspace keeps working without the folder.
 */
export class FolderSync {
  private workspace: Workspace | undefined;
  private folder: string | null = null;
  private watcher: { close(): void } | undefined;
  private exportTimer: NodeJS.Timeout | undefined;
  private exportedUpTo: string | null = null;

  constructor(private readonly options: FolderSyncOptions) {}

  get watchedFolder(): string | null {
    return this.watcher ? this.folder : null;
  }

  /** A workspace was opened: sync it once (no event: the switch itself refreshes the renderer) and watch. */
  attach(workspace: Workspace): void {
    this.detach();
    this.workspace = workspace;
    this.folder = this.readFolder();
    if (!this.folder) return;
    this.sync(false);
    this.watch();
  }

  /** The workspace is closing or switching: stop watching, drop pending work. */
  detach(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.exportTimer) clearTimeout(this.exportTimer);
    this.exportTimer = undefined;
    this.workspace = undefined;
    this.folder = null;
    this.exportedUpTo = null;
  }

  /** The link may have changed (team.sync.link / unlink): follow it. */
  refresh(): void {
    const workspace = this.workspace;
    if (!workspace) return;
    const folder = this.readFolder();
    if (folder === this.folder && (this.watcher || !folder)) return;
    this.watcher?.close();
    this.watcher = undefined;
    this.folder = folder;
    if (!folder) return;
    this.sync(true);
    this.watch();
  }

  /** Something may have been written locally: append it to our change file after a short pause. */
  noteLocalActivity(): void {
    if (!this.workspace || !this.folder || this.exportTimer) return;
    this.exportTimer = setTimeout(() => {
      this.exportTimer = undefined;
      if (this.latestChange() !== this.exportedUpTo) this.sync(true);
    }, this.options.exportDelayMs ?? 2_000);
    this.exportTimer.unref();
  }

  /** One sync round now; returns null when there is no linked folder or it failed (logged). */
  sync(notify = true): SyncResult | null {
    const workspace = this.workspace;
    if (!workspace || !workspace.db.open || !this.folder) return null;
    try {
      const result = syncNow(workspace, this.options.actorId());
      this.exportedUpTo = this.latestChange();
      // Taken even unannounced (the sync on open), so no later operation reports it as its own.
      const touched = workspace.touched.take();
      if (notify && !isEmptyTouched(touched)) this.options.onDataChanged?.(touched);
      return result;
    } catch (e) {
      (this.options.log ?? defaultLog)(`Syncing ${workspace.name} with ${this.folder} failed`, e);
      return null;
    }
  }

  private readFolder(): string | null {
    try {
      return this.workspace ? syncFolderOf(this.workspace) : null;
    } catch (e) {
      (this.options.log ?? defaultLog)('The shared-folder link could not be read', e);
      return null;
    }
  }

  private latestChange(): string | null {
    const db = this.workspace?.db;
    if (!db?.open) return null;
    return (db.prepare('SELECT max(hlc) FROM changes').pluck().get() as string | null) ?? null;
  }

  /**
   * fs.watch on the folder (not core/team/sync-watch.ts, which has no 'error' listener: a folder that
   * disappears or a network share that drops would then crash the main process). Our own file is
   * ignored, since we wrote it.
   */
  private watch(): void {
    const folder = this.folder;
    if (!folder) return;
    const log = this.options.log ?? defaultLog;
    let timer: NodeJS.Timeout | undefined;
    try {
      const own = path.basename(ownSyncFile(folder, this.options.actorId()));
      const watcher = fs.watch(folder, { persistent: false }, (_event, name) => {
        const file = name ? String(name) : null;
        if (file && (!file.endsWith(SYNC_SUFFIX) || file === own)) return;
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          this.sync(true);
        }, this.options.debounceMs ?? 1_000);
      });
      const close = () => {
        if (timer) clearTimeout(timer);
        watcher.close();
      };
      watcher.on('error', (e) => {
        log(`Watching ${folder} stopped; it will sync again when the workspace is reopened`, e);
        close();
        if (this.watcher === handle) this.watcher = undefined;
      });
      const handle = { close };
      this.watcher = handle;
    } catch (e) {
      log(`Watching ${folder} failed; it will sync when the workspace is opened again`, e);
    }
  }
}
