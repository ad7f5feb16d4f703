import fs from 'node:fs';
import path from 'node:path';
import type { MergeItem, MergePerson, MergePreview, MergeResult } from '../../../shared/team';
import { ClockDriftError } from '../../../shared/hlc';
import { ClaimbenchError } from '../../../shared/result';
import { backupWorkspace } from '../store/backup';
import { CREATE_FIELD, ENTITIES, type EntitySpec } from '../store/entities';
import type { DB } from '../store/open';
import type { Workspace } from '../store/workspace';
import { applyChangeRows, type ApplyOutcome, type BlobRow } from './apply';
import { CHANGE_COLUMNS, sameChange, type ChangeRow } from './change-row';
import { conflictKeys, listConflicts } from './conflicts';
import { readShareFileBudgeted } from './share-reader';
import { ChangeRejected } from './validate-change';

export const MERGE_ITEM_LIMIT = 1_000;
const LABEL_FIELDS = ['title', 'text', 'name', 'url'];

class RollBack extends Error {}

function itemLabel(db: DB, entity: string, id: string): string {
  const spec = (ENTITIES as Record<string, EntitySpec>)[entity]!;
  const field = LABEL_FIELDS.find((f) => spec.fields[f]);
  if (!field) return id;
  const v = db.prepare(`SELECT ${spec.fields[field]!.column} FROM ${spec.table} WHERE id = ?`).pluck().get(id);
  const text = typeof v === 'string' && v.trim() ? v.trim().replace(/\s+/g, ' ') : id;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** What a merge brings, by item and by person; computed on the merged state inside the transaction. */
function summarise(db: DB, file: string, total: number, outcome: ApplyOutcome, conflictsBefore: Set<string>): MergePreview {
  const items = new Map<string, { entity: string; id: string; isNew: boolean; actors: Set<string>; fields: Set<string> }>();
  const names = new Map<string, string>();
  const changeCounts = new Map<string, number>();
  for (const r of outcome.inserted) {
    names.set(r.actor_id, r.author);
    changeCounts.set(r.actor_id, (changeCounts.get(r.actor_id) ?? 0) + 1);
    const k = `${r.entity}\u0000${r.entity_id}`;
    let item = items.get(k);
    if (!item) {
      item = { entity: r.entity, id: r.entity_id, isNew: false, actors: new Set(), fields: new Set() };
      items.set(k, item);
    }
    item.actors.add(r.actor_id);
    if (r.field === CREATE_FIELD) item.isNew = true;
    else item.fields.add(r.field);
  }
  const openedKeys = [...conflictKeys(db)].filter((k) => !conflictsBefore.has(k));
  const opened = new Set(openedKeys);
  const conflictedClaims = [...new Set(openedKeys.map((k) => k.split('\u0000')[1]!))];
  const conflicted = new Set(conflictedClaims.map((id) => `claim\u0000${id}`));
  // Full detail (each side's value, author, time, rationale) for the first claims; counts for all.
  const conflicts = conflictedClaims
    .slice(0, MERGE_ITEM_LIMIT)
    .flatMap((claimId) => listConflicts(db, claimId).filter((c) => opened.has(`claim\u0000${c.claimId}\u0000${c.field}`)));
  const conflictActors = new Map<string, Set<string>>();
  for (const r of outcome.inserted) {
    if (conflicted.has(`${r.entity}\u0000${r.entity_id}`) && opened.has(`${r.entity}\u0000${r.entity_id}\u0000${r.field}`)) {
      const set = conflictActors.get(r.actor_id) ?? new Set<string>();
      set.add(`${r.entity_id}\u0000${r.field}`);
      conflictActors.set(r.actor_id, set);
    }
  }

  const people = new Map<string, MergePerson>();
  for (const [actorId, name] of names) {
    people.set(actorId, { actorId, name, changes: changeCounts.get(actorId) ?? 0, newItems: 0, changedItems: 0, conflicts: 0 });
  }
  for (const item of items.values()) {
    for (const a of item.actors) {
      const p = people.get(a)!;
      if (item.isNew) p.newItems++;
      else p.changedItems++;
    }
  }
  for (const [actorId, fields] of conflictActors) {
    const p = people.get(actorId);
    if (p) p.conflicts = fields.size;
  }

  const rank = (k: string, isNew: boolean) => (conflicted.has(k) ? 0 : isNew ? 1 : 2);
  const ordered = [...items.entries()].sort(([ka, a], [kb, b]) => rank(ka, a.isNew) - rank(kb, b.isNew));
  const listed: MergeItem[] = ordered.slice(0, MERGE_ITEM_LIMIT).map(([k, item]) => ({
    entity: item.entity,
    id: item.id,
    label: itemLabel(db, item.entity, item.id),
    status: conflicted.has(k) ? 'conflicting' : item.isNew ? 'new' : 'changed',
    people: [...item.actors].map((a) => names.get(a)!),
    fields: [...item.fields].sort(),
  }));

  return {
    file,
    totalChanges: total,
    newChanges: outcome.inserted.length,
    knownChanges: outcome.known,
    people: [...people.values()].sort((a, b) => b.changes - a.changes || a.name.localeCompare(b.name)),
    items: listed,
    itemCount: items.size,
    conflicts,
    conflictCount: openedKeys.length,
  };
}

export interface MergeInput {
  file: string;
  rows: readonly ChangeRow[];
  blobs: readonly BlobRow[];
}

/**
 * Merge validated change rows into the workspace in ONE transaction (after actualbudget's
 * applyMessages: apply, log and clock together; side effects after commit). A dry run performs the
 * very same merge and rolls it back, so the preview is exactly what applying would do.
 */
export function mergeChanges(workspace: Workspace, input: MergeInput, apply: boolean): MergePreview & { maxHlc: string | null } {
  const db = workspace.db;
  let preview: MergePreview | undefined;
  let maxHlc: string | null = null;
  try {
    db.transaction(() => {
      const before = conflictKeys(db);
      const outcome = applyChangeRows(db, input.rows, input.blobs);
      preview = summarise(db, input.file, input.rows.length, outcome, before);
      maxHlc = outcome.inserted.length > 0 ? outcome.maxHlc : null;
      if (!apply) throw new RollBack();
      // Later local edits must sort after everything just merged, so a decision made after seeing a
      // teammate's change wins over it. Observed before the commit: if it throws, nothing was merged,
      // so the message "nothing was changed" is then true.
      if (maxHlc) workspace.clock.receive(maxHlc);
    }).immediate();
  } catch (e) {
    if (e instanceof ChangeRejected)
      throw new ClaimbenchError('VALIDATION', `${path.basename(input.file)} was refused: ${e.message}. Nothing was changed.`);
    if (e instanceof ClockDriftError)
      throw new ClaimbenchError('VALIDATION', `${path.basename(input.file)} was refused: ${e.message}. Nothing was changed.`);
    if (!(e instanceof RollBack)) throw e;
  }
  // Undo steps recorded before the merge would now overwrite teammates' values blindly.
  if (apply && maxHlc) workspace.undo.clear();
  return { ...preview!, maxHlc };
}

/** Rows the workspace lacks; a row that reuses a timestamp here for different content is refused up front. */
function countNewChanges(db: DB, input: MergeInput): number {
  const existing = db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE hlc = ?`);
  let fresh = 0;
  for (const r of input.rows) {
    const here = existing.get(r.hlc) as ChangeRow | undefined;
    if (!here) fresh++;
    else if (!sameChange(here, r)) {
      throw new ClaimbenchError(
        'VALIDATION',
        `${path.basename(input.file)} was refused: two different changes carry the same clock timestamp ${r.hlc}. Nothing was changed.`,
      );
    }
  }
  return fresh;
}

export async function previewShareMerge(workspace: Workspace, file: string): Promise<MergePreview> {
  const contents = await readShareFileBudgeted(file);
  const { maxHlc: _, ...preview } = mergeChanges(
    workspace,
    { file: contents.file, rows: contents.rows, blobs: contents.blobs },
    false,
  );
  return preview;
}

/** Validate the whole file, back the workspace up, then merge atomically. */
export async function mergeShareFile(workspace: Workspace, file: string): Promise<MergeResult> {
  const contents = await readShareFileBudgeted(file);
  const input = { file: contents.file, rows: contents.rows, blobs: contents.blobs };
  if (countNewChanges(workspace.db, input) === 0) {
    // Merging the same file twice changes nothing: no backup, no transaction.
    const { maxHlc: _, ...preview } = mergeChanges(workspace, input, false);
    return { ...preview, applied: false, backupPath: null };
  }
  const { backupPath, merged } = withBackup(workspace, 'before-merge', () => mergeChanges(workspace, input, true));
  const { maxHlc: _, ...preview } = merged;
  return { ...preview, applied: true, backupPath };
}

/**
 * Back the workspace up, then run `merge`. When the merge fails it changed nothing, so the backup
 * just taken is a copy of the current state and is removed: retrying never piles backups up.
 */
export function withBackup<T>(workspace: Workspace, reason: string, merge: () => T): { backupPath: string; merged: T } {
  workspace.db.pragma('wal_checkpoint(PASSIVE)');
  const backupPath = backupWorkspace(workspace.path, reason);
  try {
    return { backupPath, merged: merge() };
  } catch (e) {
    fs.rmSync(backupPath, { force: true });
    throw e;
  }
}
