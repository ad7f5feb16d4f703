import fs from 'node:fs';
import path from 'node:path';
import type { SyncPeerFile, SyncResult, SyncStatus } from '../../../shared/team';
import { ClaimbenchError } from '../../../shared/result';
import { displayPath } from '../display-path';
import type { DB } from '../store/open';
import type { Workspace } from '../store/workspace';
import type { BlobRow } from './apply';
import { CHANGE_COLUMNS, sameChange, type ChangeRow } from '../store/change-row';
import { storageError } from '../store/busy';
import { mergeChanges, withBackup, type MergeSource } from './merge';
import { appendToSyncFile, entryStat, readSyncFileText, replaceSyncFile, UnsafeSyncFile } from './sync-folder-files';
import { blobLine, changeLine, headerLine, keyLine, parseSyncFile, SYNC_SUFFIX, type ParsedSyncFile } from './sync-file';
import { listKeyConflicts } from './key-pins';
import { checkAuthorship } from './authorship';
import { ChangeRejected } from './validate-change';

const FOLDER_KEY = 'team.syncFolder';
const LAST_SYNC_KEY = 'team.lastSyncAt';

function getMeta(db: DB, key: string): string | null {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

function setMeta(db: DB, key: string, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  else
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
}

export function syncFolderOf(workspace: Workspace): string | null {
  return getMeta(workspace.db, FOLDER_KEY);
}

export function ownSyncFile(folder: string, actorId: string): string {
  if (!/^[0-9a-f]{16,32}$/.test(actorId)) throw new ClaimbenchError('VALIDATION', 'This person has no valid actor id.');
  return path.join(folder, `${actorId}${SYNC_SUFFIX}`);
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Link the workspace to a folder a sync tool (Syncthing, Dropbox, a network share, a git checkout)
 * keeps in step. The live database must stay outside it: sync tools copy files mid-write, which
 * would corrupt a SQLite file; only append-only change files go there.
 */
export function linkSyncFolder(workspace: Workspace, folder: string): void {
  const absolute = path.resolve(folder);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isDirectory()) {
    throw new ClaimbenchError('NOT_FOUND', `The folder ${absolute} does not exist.`);
  }
  if (isInside(workspace.path, absolute)) {
    throw new ClaimbenchError(
      'VALIDATION',
      'The workspace file itself lives in that folder. Keep the workspace elsewhere: only change files belong in a synced folder.',
    );
  }
  setMeta(workspace.db, FOLDER_KEY, absolute);
}

export function unlinkSyncFolder(workspace: Workspace): void {
  setMeta(workspace.db, FOLDER_KEY, null);
}

interface FolderScan {
  files: Map<string, ParsedSyncFile>;
}

function scan(folder: string): FolderScan {
  const files = new Map<string, ParsedSyncFile>();
  for (const name of fs.readdirSync(folder).sort()) {
    if (!name.endsWith(SYNC_SUFFIX)) continue;
    const file = path.join(folder, name);
    try {
      const parsed = parseSyncFile(readSyncFileText(file));
      const expected = name.slice(0, -SYNC_SUFFIX.length);
      if (parsed.actorId && parsed.actorId !== expected) {
        files.set(file, { ...parsed, rows: [], blobs: [], problem: 'its header names a different person than its file name' });
      } else files.set(file, parsed);
    } catch (e) {
      const why = e instanceof UnsafeSyncFile ? e.message : `it could not be read (${(e as Error).message})`;
      files.set(file, { actorId: null, rows: [], blobs: [], problem: why });
    }
  }
  return { files };
}

/** The name a person signs their newest change with in their own file: known before anything of theirs is merged. */
function nameInFile(rows: readonly ChangeRow[], actorId: string): string | null {
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.actor_id === actorId && row.author.trim()) return row.author;
  }
  return null;
}

function statusFrom(workspace: Workspace, folder: string | null, actorId: string, found: FolderScan | null): SyncStatus {
  const nameOf = workspace.db.prepare('SELECT name FROM actors WHERE actor_id = ?').pluck();
  const peers: SyncPeerFile[] = found
    ? [...found.files.entries()].map(([file, p]) => {
        const actorId = p.actorId ?? path.basename(file, SYNC_SUFFIX);
        return {
          file,
          fileName: path.basename(file),
          actorId,
          name: (nameOf.get(actorId) as string | undefined) ?? nameInFile(p.rows, actorId),
          changes: p.rows.length,
          problem: p.problem,
        };
      })
    : [];
  const own = folder ? ownSyncFile(folder, actorId) : null;
  return {
    folder,
    location: folder ? displayPath(folder) : null,
    ownFile: own,
    ownFileName: own ? path.basename(own) : null,
    peers,
    lastSyncAt: getMeta(workspace.db, LAST_SYNC_KEY),
  };
}

export function syncStatus(workspace: Workspace, actorId: string): SyncStatus {
  const folder = syncFolderOf(workspace);
  const found = folder && fs.existsSync(folder) ? scan(folder) : null;
  return statusFrom(workspace, folder, actorId, found);
}

/** This person's own file must be a plain file (or not exist yet) before a sync reads or writes anything. */
function checkOwnFile(folder: string, actorId: string): string {
  const own = ownSyncFile(folder, actorId);
  const stat = entryStat(own);
  if (stat && (!stat.isFile() || stat.nlink > 1)) {
    throw new ClaimbenchError(
      'VALIDATION',
      `Your change file ${path.basename(own)} in the shared folder is not a plain file (a symbolic link, a hard link or a folder); Claimbench will not write through it. Nothing was changed: remove it and sync again.`,
    );
  }
  return own;
}

/** Whether this person's own file can simply be appended to: readable, undamaged, ending in a whole line. */
function ownFileIsSound(file: string, actorId: string, parsed: ParsedSyncFile | undefined): boolean {
  if (!parsed || parsed.problem || parsed.actorId !== actorId) return false;
  const text = readSyncFileText(file);
  return text.endsWith('\n');
}

/**
 * Write what this workspace has that no file in the folder carries yet to this person's own file.
 * A sound file is appended to; a damaged one (a line cut or garbled in the middle, a torn tail, a
 * wrong header) is rewritten whole from the log, atomically, so it never grows by re-appending
 * what peers could not read. A link or any other non-regular file is refused before a byte is written.
 */
function exportMissing(workspace: Workspace, folder: string, actorId: string, found: FolderScan): number {
  const own = checkOwnFile(folder, actorId);
  const stat = entryStat(own);
  const ownParsed = found.files.get(own);
  const rewrite = stat !== null && !ownFileIsSound(own, actorId, ownParsed);
  const inFolder = new Set<string>();
  const blobsInFolder = new Set<string>();
  for (const [file, p] of found.files) {
    if (rewrite && file === own) continue;
    for (const r of p.rows) inFolder.add(r.hlc);
    for (const b of p.blobs) blobsInFolder.add(b.sha256);
  }
  const db = workspace.db;
  const missing = (db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[]).filter(
    (r) => !inFolder.has(r.hlc),
  );
  if (missing.length === 0 && !rewrite) return 0;
  const blobOf = db.prepare('SELECT sha256, size, bytes FROM blobs WHERE sha256 = ?');
  const keysOf = db.prepare('SELECT public_key FROM actor_keys WHERE actor_id = ? ORDER BY pinned_at, public_key').pluck();
  const keysInFile = new Map(rewrite ? [] : (ownParsed?.keys ?? []));
  const keysWritten = new Set<string>();
  function* lines(): Generator<string> {
    for (const r of missing) {
      // Every trusted key of each author before their changes, so the file can be verified on its own.
      if (r.signature !== null && !keysWritten.has(r.actor_id)) {
        const already = keysInFile.get(r.actor_id) ?? [];
        for (const key of keysOf.all(r.actor_id) as string[]) if (!already.includes(key)) yield keyLine(r.actor_id, key);
        keysWritten.add(r.actor_id);
      }
      for (const sha of attachmentHashes(r)) {
        if (blobsInFolder.has(sha)) continue;
        const blob = blobOf.get(sha) as BlobRow | undefined;
        if (blob) yield blobLine(blob);
        blobsInFolder.add(sha);
      }
      yield changeLine(r);
    }
  }
  if (stat && !rewrite) appendToSyncFile(own, lines());
  else replaceSyncFile(own, [headerLine(actorId), ...lines()]);
  return missing.length;
}

function attachmentHashes(r: ChangeRow): string[] {
  if (r.entity !== 'attachment' || r.value === null) return [];
  const v = JSON.parse(r.value) as unknown;
  if (r.field === 'sha256' && typeof v === 'string') return [v];
  if (r.field === '$create' && v && typeof v === 'object') {
    const sha = (v as Record<string, unknown>).sha256;
    return typeof sha === 'string' ? [sha] : [];
  }
  return [];
}

/**
 * A peer file with a change that does not match its author's key is skipped, with the reason as its
 * problem, so one forged or tampered file never stops the team's sync. Each file carries the keys of
 * the authors in it, so each is checked on its own; the merge checks the union again.
 */
function skipForgedFiles(db: DB, found: FolderScan): FolderScan {
  for (const [file, p] of found.files) {
    if (p.problem || p.rows.length === 0) continue;
    const offered = p.keys ?? new Map<string, string[]>();
    try {
      checkAuthorship(db, p.rows, offered, path.basename(file));
    } catch (e) {
      if (!(e instanceof ChangeRejected)) throw e;
      found.files.set(file, { ...p, rows: [], blobs: [], problem: e.message });
    }
  }
  return found;
}

/**
 * One sync round: merge every readable change file in the folder (one transaction), then append
 * whatever this workspace has that no file in the folder carries yet to this person's own file.
 */
export function syncNow(workspace: Workspace, actorId: string): SyncResult {
  const folder = syncFolderOf(workspace);
  if (!folder) throw new ClaimbenchError('VALIDATION', 'This workspace is not linked to a shared folder.');
  if (!fs.existsSync(folder)) throw new ClaimbenchError('NOT_FOUND', `The shared folder ${folder} is not available.`);
  checkOwnFile(folder, actorId);
  const found = skipForgedFiles(workspace.db, scan(folder));
  const { rows, blobs, fresh, keys, sources } = collectRows(workspace.db, found);
  try {
    const input = {
      file: folder,
      rows,
      blobs,
      keys,
      kind: 'sync' as const,
      sourceOf: (r: ChangeRow) => sources.get(r.hlc) ?? null,
    };
    // A sync that brings changes is a merge: keep the way back, as a file merge does.
    const merged =
      fresh > 0
        ? withBackup(workspace, 'before-sync', (backupPath) => mergeChanges(workspace, { ...input, backupPath }, true)).merged
        : mergeChanges(workspace, input, true);
    let exported: number;
    try {
      exported = exportMissing(workspace, folder, actorId, found);
    } catch (e) {
      // The merge has committed: say so, rather than the generic "nothing was changed".
      const typed = storageError(e);
      const why = typed ? typed.message : e instanceof Error ? e.message.slice(0, 200) : String(e);
      throw new ClaimbenchError(
        'IO',
        `${merged.newChanges} changes from the shared folder were merged, but your own change file could not be written: ${why}`,
      );
    }
    setMeta(workspace.db, LAST_SYNC_KEY, new Date().toISOString());
    return {
      ...statusFrom(workspace, folder, actorId, exported > 0 ? rescan(folder, found) : found),
      imported: merged.newChanges,
      exported,
      conflicts: merged.conflictCount,
      undoStepsForgotten: merged.undoStepsForgotten,
      undoForgotten: merged.undoForgotten,
      keyConflicts: merged.keyConflicts.length > 0 ? listKeyConflicts(workspace.db) : [],
    };
  } catch (e) {
    throw asSyncError(e);
  }
}

/** A later scan keeps the problems found in this round (a skipped peer file stays reported). */
function rescan(folder: string, earlier: FolderScan): FolderScan {
  const again = scan(folder);
  for (const [file, p] of earlier.files) {
    const now = again.files.get(file);
    if (p.problem && now && !now.problem) again.files.set(file, { ...now, rows: [], blobs: [], problem: p.problem });
  }
  return again;
}

function asSyncError(e: unknown): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new ClaimbenchError('IO', `The shared folder cannot be written to (${(e as Error).message.slice(0, 200)}).`);
  }
  return e;
}

interface CollectedRows {
  rows: ChangeRow[];
  blobs: BlobRow[];
  /** How many rows the workspace does not have yet. */
  fresh: number;
  /** The authors' public keys the files carry. */
  keys: Map<string, string[]>;
  sources: Map<string, MergeSource>;
}

/**
 * Every readable file's rows, checked one file at a time against the workspace and the files before
 * it: a file carrying a change that reuses another change's clock timestamp is skipped whole, with its
 * name and the timestamp in its problem, and never stops the others from merging.
 */
function collectRows(db: DB, found: FolderScan): CollectedRows {
  const existing = db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE hlc = ?`);
  const rows = new Map<string, ChangeRow>();
  const blobs = new Map<string, BlobRow>();
  // The first peer file found carrying a change is where it came from, for the history.
  const sources = new Map<string, MergeSource>();
  const keys = new Map<string, string[]>();
  let fresh = 0;
  for (const [file, p] of found.files) {
    if (p.problem) continue;
    let clash: string | null = null;
    let freshHere = 0;
    for (const r of p.rows) {
      const here = (existing.get(r.hlc) as ChangeRow | undefined) ?? rows.get(r.hlc);
      if (here && !sameChange(here, r)) {
        clash = r.hlc;
        break;
      }
      if (!here) freshHere++;
    }
    if (clash) {
      found.files.set(file, {
        ...p,
        rows: [],
        blobs: [],
        problem: `it carries a change that reuses the clock timestamp ${clash} of a different change, so it was skipped`,
      });
      continue;
    }
    const source: MergeSource = {
      kind: 'sync',
      file: path.basename(file),
      fromActorId: p.actorId ?? path.basename(file, SYNC_SUFFIX),
      fromName: null,
    };
    for (const r of p.rows) {
      if (rows.has(r.hlc)) continue;
      rows.set(r.hlc, r);
      sources.set(r.hlc, source);
    }
    for (const b of p.blobs) blobs.set(b.sha256, b);
    for (const [actor, fileKeys] of p.keys ?? []) {
      const offered = keys.get(actor) ?? [];
      keys.set(actor, [...offered, ...fileKeys.filter((k) => !offered.includes(k))]);
    }
    fresh += freshHere;
  }
  const sorted = [...rows.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  return { rows: sorted, blobs: [...blobs.values()], fresh, keys, sources };
}
