import fs from 'node:fs';
import path from 'node:path';
import type { SyncPeerFile, SyncResult, SyncStatus } from '../../../shared/team';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';
import type { Workspace } from '../store/workspace';
import type { BlobRow } from './apply';
import { CHANGE_COLUMNS, type ChangeRow } from './change-row';
import { mergeChanges, type MergeSource } from './merge';
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
      if (!fs.statSync(file).isFile()) continue;
      const parsed = parseSyncFile(fs.readFileSync(file, 'utf8'));
      const expected = name.slice(0, -SYNC_SUFFIX.length);
      if (parsed.actorId && parsed.actorId !== expected) {
        files.set(file, { ...parsed, rows: [], blobs: [], problem: 'its header names a different person than its file name' });
      } else files.set(file, parsed);
    } catch (e) {
      files.set(file, { actorId: null, rows: [], blobs: [], problem: `it could not be read (${(e as Error).message})` });
    }
  }
  return { files };
}

function statusFrom(workspace: Workspace, folder: string | null, actorId: string, found: FolderScan | null): SyncStatus {
  const nameOf = workspace.db.prepare('SELECT name FROM actors WHERE actor_id = ?').pluck();
  const peers: SyncPeerFile[] = found
    ? [...found.files.entries()].map(([file, p]) => {
        const actorId = p.actorId ?? path.basename(file, SYNC_SUFFIX);
        return {
          file,
          actorId,
          name: (nameOf.get(actorId) as string | undefined) ?? null,
          changes: p.rows.length,
          problem: p.problem,
        };
      })
    : [];
  return {
    folder,
    ownFile: folder ? ownSyncFile(folder, actorId) : null,
    peers,
    lastSyncAt: getMeta(workspace.db, LAST_SYNC_KEY),
  };
}

export function syncStatus(workspace: Workspace, actorId: string): SyncStatus {
  const folder = syncFolderOf(workspace);
  const found = folder && fs.existsSync(folder) ? scan(folder) : null;
  return statusFrom(workspace, folder, actorId, found);
}

/** Cut a torn last line off this person's own file (a crash mid-append) before appending again. */
function openForAppend(file: string, actorId: string): number {
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end !== Buffer.byteLength(text)) fs.truncateSync(file, Buffer.byteLength(text.slice(0, end)));
    if (end === 0) fs.writeFileSync(file, headerLine(actorId));
  } else {
    fs.writeFileSync(file, headerLine(actorId), { flag: 'wx' });
  }
  return fs.openSync(file, 'a');
}

function exportMissing(workspace: Workspace, folder: string, actorId: string, found: FolderScan): number {
  const inFolder = new Set<string>();
  const blobsInFolder = new Set<string>();
  for (const p of found.files.values()) {
    for (const r of p.rows) inFolder.add(r.hlc);
    for (const b of p.blobs) blobsInFolder.add(b.sha256);
  }
  const db = workspace.db;
  const missing = (db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes ORDER BY hlc`).all() as ChangeRow[]).filter(
    (r) => !inFolder.has(r.hlc),
  );
  if (missing.length === 0) return 0;
  const blobOf = db.prepare('SELECT sha256, size, bytes FROM blobs WHERE sha256 = ?');
  const keysOf = db.prepare('SELECT public_key FROM actor_keys WHERE actor_id = ? ORDER BY pinned_at, public_key').pluck();
  const own = ownSyncFile(folder, actorId);
  const keysInFile = new Map(found.files.get(own)?.keys ?? []);
  const keysWritten = new Set<string>();
  const fd = openForAppend(own, actorId);
  try {
    for (const r of missing) {
      // Every trusted key of each author before their changes, so the file can be verified on its own.
      if (r.signature !== null && !keysWritten.has(r.actor_id)) {
        const already = keysInFile.get(r.actor_id) ?? [];
        for (const key of keysOf.all(r.actor_id) as string[])
          if (!already.includes(key)) fs.writeSync(fd, keyLine(r.actor_id, key));
        keysWritten.add(r.actor_id);
      }
      for (const sha of attachmentHashes(r)) {
        if (blobsInFolder.has(sha)) continue;
        const blob = blobOf.get(sha) as BlobRow | undefined;
        if (blob) fs.writeSync(fd, blobLine(blob));
        blobsInFolder.add(sha);
      }
      fs.writeSync(fd, changeLine(r));
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
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
  const found = skipForgedFiles(workspace.db, scan(folder));
  const rows = new Map<string, ChangeRow>();
  const blobs = new Map<string, BlobRow>();
  // The first peer file found carrying a change is where it came from, for the history.
  const sources = new Map<string, MergeSource>();
  const keys = new Map<string, string[]>();
  for (const [file, p] of found.files) {
    const source: MergeSource = {
      kind: 'sync',
      file: path.basename(file),
      fromActorId: p.actorId ?? path.basename(file, SYNC_SUFFIX),
      fromName: null,
    };
    for (const r of p.rows) {
      rows.set(r.hlc, r);
      if (!sources.has(r.hlc)) sources.set(r.hlc, source);
    }
    for (const b of p.blobs) blobs.set(b.sha256, b);
    for (const [actor, fileKeys] of p.keys ?? []) {
      const offered = keys.get(actor) ?? [];
      keys.set(actor, [...offered, ...fileKeys.filter((k) => !offered.includes(k))]);
    }
  }
  const merged = mergeChanges(
    workspace,
    {
      file: folder,
      rows: [...rows.values()].sort((a, b) => (a.hlc < b.hlc ? -1 : 1)),
      blobs: [...blobs.values()],
      keys,
      sourceOf: (r) => sources.get(r.hlc) ?? null,
    },
    true,
  );
  const exported = exportMissing(workspace, folder, actorId, found);
  setMeta(workspace.db, LAST_SYNC_KEY, new Date().toISOString());
  return {
    ...statusFrom(workspace, folder, actorId, exported > 0 ? scan(folder) : found),
    imported: merged.newChanges,
    exported,
    conflicts: merged.conflictCount,
    keyConflicts: merged.keyConflicts.length > 0 ? listKeyConflicts(workspace.db) : [],
  };
}
