import { shorten } from '../../../shared/text/shorten';
import fs from 'node:fs';
import path from 'node:path';
import type {
  ConflictInfo,
  MergeFieldChange,
  MergeItem,
  MergePerson,
  MergePreview,
  MergeResult,
  SettledConflict,
} from '../../../shared/team';
import type { Verdict } from '../../../shared/domain';
import { ClockDriftError } from '../../../shared/hlc';
import { ClaimbenchError } from '../../../shared/result';
import { backupWorkspace } from '../store/backup';
import { CREATE_FIELD, ENTITIES, type EntitySpec } from '../store/entities';
import type { DB } from '../store/open';
import { hlcTime, type Identity } from '../store/recorder';
import type { Workspace } from '../store/workspace';
import type { Applied } from '../store/apply-changes';
import { TimestampCollision } from '../store/apply-changes';
import type { TouchSet } from '../store/touch-set';
import { applyChangeRows, type BlobRow } from './apply';
import { checkAuthorship, recordAuthorship, type AuthorshipCheck, type OfferedKeys } from './authorship';
import { CHANGE_COLUMNS, sameChange, type ChangeRow } from '../store/change-row';
import { conflictKeys, listConflictsOf } from './conflicts';
import { shownDecision, type PersonDecision } from '../store/decisions';
import { readEntityLog, type EntityLog, type LoggedChange } from '../store/entity-logs';
import { isConflictField } from '../store/causal';
import { loggedFieldValue } from '../store/field-value';
import { memberChanges } from '../../../shared/entities/set-members';
import { fieldDecl } from '../../../shared/entities/registry';
import { CONFLICT_FIELDS, type ConflictField, type ForgottenUndoStep } from '../../../shared/team';
import { describeForgotten } from './forgotten-undo';
import type { ShareContents } from './read-share';
import { readShareFileBudgeted } from './share-reader';
import { prepared } from '../store/statements';
import { keyFingerprint } from './signing';
import { pinnedKeys } from '../store/actor-keys';
import { rowSignatureMatches } from './row-signature';
import { ChangeRejected } from './validate-change';
import { sameTextDocuments } from './same-text-documents';
import { newClaimContents } from './new-claim-contents';

export const MERGE_ITEM_LIMIT = 1_000;
const LABEL_FIELDS = ['title', 'text', 'name', 'url'];

class RollBack extends Error {}

/** The first of title, text, name and url the item has filled in (a source with no title shows its link), else its id. */
function itemLabel(db: DB, entity: string, id: string): string {
  const spec = (ENTITIES as Record<string, EntitySpec>)[entity]!;
  for (const field of LABEL_FIELDS.filter((f) => spec.fields[f])) {
    const v = prepared(db, `SELECT ${spec.fields[field]!.column} AS item_label FROM ${spec.table} WHERE id = ?`).pluck().get(id);
    if (typeof v !== 'string' || !v.trim()) continue;
    const text = v.trim().replace(/\s+/g, ' ');
    return shorten(text, 120);
  }
  return id;
}

const CHILD_OF_CLAIM: Record<string, string> = { source: 'sources', note: 'notes', attachment: 'attachments' };
const CHANGES_PER_ITEM = 50;

interface ItemAcc {
  entity: string;
  id: string;
  isNew: boolean;
  /** Each person once, in the order they first appear. */
  actors: string[];
  /** Each field (or evidence kind) once. */
  fields: string[];
  /**
   * Entity and field pairs the merge wrote to, for the old → new listing of an item that existed
   * before the merge; none is collected once the item turns out new (it is just listed as new).
   * Keyed by the field for the item's own fields, else by evidence kind, id and field.
   */
  touched: Map<string, { entity: string; id: string; field: string }> | null;
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}

/** Record that the merge wrote `field` of the item itself or of one of its evidence items. */
function touch(item: ItemAcc, entity: string, id: string, field: string): void {
  const key = entity === item.entity && id === item.id ? field : `${entity}\u0000${id}\u0000${field}`;
  const touched = (item.touched ??= new Map());
  if (!touched.has(key)) touched.set(key, { entity, id, field });
}

const decode = (v: string | null): unknown => (v === null ? null : (JSON.parse(v) as unknown));

/**
 * Old → new for one field: the value before the merge (the field's value from the changes the
 * workspace already had, else the creation's value) against the value after it. Null when the
 * merge leaves the value as it was (an older concurrent change, or the same value). For the verdict or the
 * rationale of a claim whose decision the merge leaves in conflict, the value after it is the one
 * the claim shows: the shown person's whole decision (store/decisions.ts), whichever change of
 * the field is the latest. A set field (tags) says which members the merge adds and removes, as
 * its concurrent changes merge as a set (store/set-merge.ts): one side's new tag replaces nothing.
 */
function fieldChange(
  log: EntityLog,
  inserted: Set<string>,
  me: string,
  t: { entity: string; id: string; field: string },
  label: string | null,
  shown: PersonDecision | undefined,
): MergeFieldChange | null {
  const changes = log.get(t.field) ?? [];
  const latest: LoggedChange | undefined = changes[changes.length - 1];
  const decl = fieldDecl(t.entity, t.field);
  const isSet = decl?.merge === 'set';
  const decided = shown && isConflictField(t.entity, t.field) ? shownValue(shown, t.field as ConflictField) : undefined;
  if (!decided && (!latest || !(isSet || inserted.has(latest.hlc)))) return null;
  const created = log.get(CREATE_FIELD)?.[0];
  const creationGave = () =>
    created && !inserted.has(created.hlc) ? (((decode(created.value) ?? {}) as Record<string, unknown>)[t.field] ?? null) : null;
  const had = changes.filter((r) => !inserted.has(r.hlc));
  let before: LoggedChange | undefined = had[had.length - 1];
  let from: unknown = before ? loggedFieldValue(decl, had, () => creationGave() ?? decl?.initial) : null;
  const createdOnly = !before;
  if (!before && created && !inserted.has(created.hlc)) {
    before = created;
    from = creationGave();
  }
  const brought = isSet ? changes.findLast((r) => inserted.has(r.hlc)) : latest;
  if (!decided && !brought) return null;
  const after = decided ?? {
    to: loggedFieldValue(decl, changes, () => creationGave() ?? decl?.initial),
    actorId: brought!.actor_id,
    author: brought!.author,
    hlc: brought!.hlc,
  };
  if (JSON.stringify(from ?? null) === JSON.stringify(after.to ?? null)) return null;
  const members = isSet ? memberChanges(from, after.to) : undefined;
  // Adding to a set replaces nothing: every member that was there stays.
  const replacesSomething = !members || members.removed.length > 0;
  return {
    entity: t.entity,
    entityId: t.id,
    label,
    field: t.field,
    from,
    to: after.to,
    ...(members ? { members } : {}),
    author: after.author,
    actorId: after.actorId,
    at: hlcTime(after.hlc),
    // A value the claim's creation left empty (a verdict nobody gave yet) was nobody's.
    replaces:
      replacesSomething && before && !(createdOnly && (from === null || from === ''))
        ? { author: before.author, actorId: before.actor_id, at: hlcTime(before.hlc) }
        : null,
    // A value the import or the claim's creation filled in is nobody's decision; a set field is.
    overwritesYours: replacesSomething && before !== undefined && before.actor_id === me && !createdOnly,
  };
}

/** One field of the decision a conflicted claim shows, with who set that value and when. */
function shownValue(shown: PersonDecision, field: ConflictField) {
  const source = shown.sources[field] ?? { hlc: shown.last, actorId: shown.actorId, author: shown.author };
  return { to: shown.values[field], actorId: source.actorId, author: source.author, hlc: source.hlc };
}

/**
 * Conflicts open before the merge that it closes: per claim, the fields settled, the decision the
 * claim now shows, and whose side (as listed before the merge) that decision is, if anyone's.
 */
function settledConflicts(
  db: DB,
  sidesBefore: ReadonlyMap<string, ConflictInfo>,
  conflictsAfter: Set<string>,
  outcome: Applied,
): Map<string, SettledConflict> {
  const settled = new Map<string, SettledConflict>();
  for (const [claimId, before] of sidesBefore) {
    const fields = before.fields.filter((f) => !conflictsAfter.has(`claim\u0000${claimId}\u0000${f}`));
    if (fields.length === 0) continue;
    const claim = prepared(db, 'SELECT verdict, rationale FROM claims WHERE id = ?').get(claimId) as
      { verdict: Verdict | null; rationale: string } | undefined;
    if (!claim) continue;
    const log = outcome.logs?.get('claim')?.get(claimId) ?? readEntityLog(db, 'claim', claimId);
    const last = CONFLICT_FIELDS.map((f) => log.get(f)?.at(-1))
      .filter((c): c is LoggedChange => c !== undefined)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))
      .at(-1);
    const side = before.sides.find((s) => s.verdict === claim.verdict && (s.rationale ?? '') === claim.rationale);
    settled.set(claimId, {
      fields,
      verdict: claim.verdict,
      rationale: claim.rationale,
      keeps: side ? { author: side.author, actorId: side.actorId } : null,
      by: last ? { author: last.author, actorId: last.actor_id, at: hlcTime(last.hlc) } : { author: '', actorId: '', at: '' },
    });
  }
  return settled;
}

/** A new item of a claim's evidence, as one "added" line under the claim. */
function addedChange(row: ChangeRow, label: string | null): MergeFieldChange {
  return {
    entity: row.entity,
    entityId: row.entity_id,
    label,
    field: CREATE_FIELD,
    from: null,
    to: decode(row.value),
    author: row.author,
    actorId: row.actor_id,
    at: hlcTime(row.hlc),
    replaces: null,
    overwritesYours: false,
  };
}

const FIELD_ORDER = ['verdict', 'rationale', 'text', 'claimant', 'assignee', 'tags', 'deleted'];
const fieldRank = (c: MergeFieldChange) => {
  if (c.label !== null) return FIELD_ORDER.length + 1; // a claim's evidence, after its own fields
  const i = FIELD_ORDER.indexOf(c.field);
  return i < 0 ? FIELD_ORDER.length : i;
};

/** Overwritten decisions of yours first, then the claim's own fields in reading order, then its evidence by time. */
function byImportance(a: MergeFieldChange, b: MergeFieldChange): number {
  return (
    Number(b.overwritesYours) - Number(a.overwritesYours) ||
    fieldRank(a) - fieldRank(b) ||
    (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)
  );
}

/**
 * What a merge brings, per claim and by person, computed on the merged state inside the
 * transaction. A claim's sources, notes and attachments count with their claim, so "1 changed"
 * means one claim however many of its fields and evidence items moved.
 */
/** What a merge brings, by item and by person; computed on the merged state inside the transaction. */
function summarise(
  db: DB,
  file: string,
  total: number,
  outcome: Applied,
  conflictsBefore: Set<string>,
  me: Identity,
  authorship: AuthorshipCheck,
  sidesBefore: ReadonlyMap<string, ConflictInfo>,
): MergeSummary {
  const inserted = new Set<string>();
  const claimOf = Object.fromEntries(
    Object.entries(CHILD_OF_CLAIM).map(([entity, table]) => [
      entity,
      db.prepare(`SELECT claim_id FROM ${table} WHERE id = ?`).pluck(),
    ]),
  );
  const items = new Map<string, ItemAcc>();
  const names = new Map<string, string>();
  const changeCounts = new Map<string, number>();
  const added: { item: string; row: ChangeRow }[] = [];
  for (const r of outcome.inserted) {
    inserted.add(r.hlc);
    names.set(r.actor_id, r.author);
    changeCounts.set(r.actor_id, (changeCounts.get(r.actor_id) ?? 0) + 1);
    const ownerOf = claimOf[r.entity];
    const owner = ownerOf ? ((ownerOf.get(r.entity_id) as string | undefined) ?? null) : null;
    const entity = owner ? 'claim' : r.entity;
    const id = owner ?? r.entity_id;
    const k = `${entity}\u0000${id}`;
    let item = items.get(k);
    if (!item) {
      item = { entity, id, isNew: false, actors: [], fields: [], touched: null };
      items.set(k, item);
    }
    addOnce(item.actors, r.actor_id);
    if (r.field === CREATE_FIELD && !owner) item.isNew = true;
    else if (owner) {
      addOnce(item.fields, r.entity);
      if (r.field === CREATE_FIELD) added.push({ item: k, row: r });
      else if (!item.isNew) touch(item, r.entity, r.entity_id, r.field);
    } else {
      addOnce(item.fields, r.field);
      if (!item.isNew) touch(item, r.entity, r.entity_id, r.field);
    }
  }
  const conflictsAfter = conflictKeys(db);
  const openedKeys = [...conflictsAfter].filter((k) => !conflictsBefore.has(k));
  const settled = settledConflicts(db, sidesBefore, conflictsAfter, outcome);
  const conflictedClaims = [...new Set(openedKeys.map((k) => k.split('\u0000')[1]!))];
  const conflicted = new Set(conflictedClaims.map((id) => `claim\u0000${id}`));
  // Full detail (each side's value, author, time, rationale) for the first claims; counts for all.
  const conflicts = listConflictsOf(db, conflictedClaims.slice(0, MERGE_ITEM_LIMIT), outcome.logs?.get('claim'));

  // Old → new for every field of an item that existed before the merge (a new item is just new).
  const changes = new Map<string, MergeFieldChange[]>();
  const childLabel = (entity: string, id: string) => (entity in CHILD_OF_CLAIM ? itemLabel(db, entity, id) : null);
  for (const [k, item] of items) {
    if (item.isNew) continue;
    const list: MergeFieldChange[] = [];
    const shown =
      item.entity !== 'claim'
        ? undefined
        : outcome.decisions?.has(item.id)
          ? outcome.decisions.get(item.id)
          : shownDecision(db, item.id);
    // A claim in conflict shows one whole decision: a change to either field can change both.
    if (shown && CONFLICT_FIELDS.some((f) => item.touched?.has(f))) {
      for (const field of CONFLICT_FIELDS) touch(item, 'claim', item.id, field);
    }
    for (const t of item.touched?.values() ?? []) {
      const log = outcome.logs?.get(t.entity)?.get(t.id) ?? readEntityLog(db, t.entity, t.id);
      const c = fieldChange(log, inserted, me.actorId, t, childLabel(t.entity, t.id), shown);
      if (c) list.push(c);
    }
    changes.set(k, list);
  }
  for (const { item, row } of added) changes.get(item)?.push(addedChange(row, childLabel(row.entity, row.entity_id)));
  const overwrites = new Set([...changes].filter(([, list]) => list.some((c) => c.overwritesYours)).map(([k]) => k));

  const people = new Map<string, MergePerson>();
  const firstSeen = db.prepare('SELECT first_seen FROM actors WHERE actor_id = ?').pluck();
  for (const [actorId, name] of names) {
    const pinned = pinnedKeys(db, actorId)[0];
    people.set(actorId, {
      actorId,
      name,
      keyFingerprint: pinned ? keyFingerprint(pinned) : null,
      firstSeen: (firstSeen.get(actorId) as string | undefined) ?? null,
      changes: changeCounts.get(actorId) ?? 0,
      newItems: 0,
      changedItems: 0,
      conflicts: 0,
    });
  }
  // Each item counts once per person who touched it, under the status it is listed with, so the
  // per-person figures add up to the lines below them.
  for (const [k, item] of items) {
    for (const a of item.actors) {
      const p = people.get(a)!;
      if (conflicted.has(k)) p.conflicts++;
      else if (item.isNew) p.newItems++;
      else p.changedItems++;
    }
  }

  // Overwrites of yours first, then conflicts, changed items, and new ones.
  const rank = (k: string, isNew: boolean) => (overwrites.has(k) ? 0 : conflicted.has(k) ? 1 : !isNew ? 2 : 3);
  let ordered = [...items.entries()].map(([k, item]) => ({ k, item, rank: rank(k, item.isNew) })).sort((a, b) => a.rank - b.rank);
  // A new claim someone decided or gave evidence is listed before the new claims nobody has worked
  // on, which takes reading what each arrives with; when the items ranked before the new ones fill
  // the listing, only the new claims listed among them are read.
  const fills = ordered.length >= MERGE_ITEM_LIMIT && ordered[MERGE_ITEM_LIMIT - 1]!.rank < 3;
  const newClaims = (fills ? ordered.slice(0, MERGE_ITEM_LIMIT) : ordered).filter(
    ({ item }) => item.isNew && item.entity === 'claim',
  );
  const contents = newClaimContents(
    db,
    newClaims.map(({ item }) => item.id),
  );
  const arrivals = new Map(newClaims.map(({ k, item }) => [k, contents.get(item.id)!]));
  if (!fills) {
    const worked = (k: string) => {
      const a = arrivals.get(k);
      return !!a && (a.verdict !== null || a.sources + a.notes + a.attachments > 0);
    };
    // The sort is stable: within a rank, items stay in the order they first appear.
    ordered = ordered.map((o) => (o.rank === 3 && !worked(o.k) ? { ...o, rank: 4 } : o)).sort((a, b) => a.rank - b.rank);
  }
  const listed: MergeItem[] = ordered.slice(0, MERGE_ITEM_LIMIT).map(({ k, item }) => ({
    entity: item.entity,
    id: item.id,
    label: itemLabel(db, item.entity, item.id),
    status: conflicted.has(k) ? 'conflicting' : item.isNew ? 'new' : 'changed',
    people: [...new Set(item.actors.map((a) => names.get(a)!))],
    actorIds: [...item.actors],
    fields: [...item.fields].sort(),
    changes: (changes.get(k) ?? []).sort(byImportance).slice(0, CHANGES_PER_ITEM),
    overwritesYours: overwrites.has(k),
    settles: item.entity === 'claim' ? (settled.get(item.id) ?? null) : null,
    arrives: arrivals.get(k) ?? null,
  }));

  return {
    file,
    totalChanges: total,
    newChanges: outcome.inserted.length,
    knownChanges: outcome.known,
    people: [...people.values()].sort((a, b) => b.changes - a.changes || a.name.localeCompare(b.name)),
    items: listed,
    itemCount: items.size,
    overwritesYours: overwrites.size,
    mergedBy: me.author,
    conflicts,
    conflictCount: conflictedClaims.length,
    keyConflicts: authorship.keyConflicts.map((c) => {
      const pinned = pinnedKeys(db, c.actorId)[0]!;
      return {
        actorId: c.actorId,
        name: c.name,
        pinnedKey: pinned,
        pinnedFingerprint: keyFingerprint(pinned),
        offeredKey: c.publicKey,
        offeredFingerprint: keyFingerprint(c.publicKey),
        source: c.source,
        seenAt: new Date().toISOString(),
        heldBack: c.heldBack,
      };
    }),
    unsignedChanges: authorship.unsigned,
  };
}

/** What a merge of change rows would do or did; a share file's preview adds its content hash. */
export type MergeSummary = Omit<MergePreview, 'contentHash'>;

/** Where merged rows came from: a share file, or one person's file in a synced folder. */
export interface MergeSource {
  kind: 'share' | 'sync';
  /** The file's name (no folder). */
  file: string;
  fromActorId: string | null;
  fromName: string | null;
}

/**
 * Remember which file brought each new change and who merged it when, so the history can say
 * "from Ben's share file, merged by Mara on 6 Dec". The change rows themselves keep their author.
 */
function recordOrigins(
  db: DB,
  inserted: readonly ChangeRow[],
  sourceOf: (r: ChangeRow) => MergeSource | null,
  me: Identity,
): void {
  const at = new Date().toISOString();
  const insertOrigin = db.prepare(
    `INSERT INTO merge_origins (kind, file, from_actor_id, from_name, merged_by, merged_by_actor_id, merged_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const nameOf = db.prepare('SELECT name FROM actors WHERE actor_id = ?').pluck();
  const link = db.prepare('INSERT OR IGNORE INTO change_origins (hlc, origin_id) VALUES (?, ?)');
  const ids = new Map<string, number | bigint>();
  for (const r of inserted) {
    const source = sourceOf(r);
    if (!source) continue;
    const key = `${source.kind}\u0000${source.file}\u0000${source.fromActorId ?? ''}`;
    let id = ids.get(key);
    if (id === undefined) {
      const from =
        source.fromName ?? (source.fromActorId ? ((nameOf.get(source.fromActorId) as string | undefined) ?? null) : null);
      id = insertOrigin.run(
        source.kind,
        source.file,
        source.fromActorId,
        from,
        me.author || 'someone',
        me.actorId,
        at,
      ).lastInsertRowid;
      ids.set(key, id);
    }
    link.run(r.hlc, id);
  }
}

export interface MergeInput {
  file: string;
  rows: readonly ChangeRow[];
  blobs: readonly BlobRow[];
  /** Where each row came from, recorded for the rows a real merge adds; none when absent. */
  sourceOf?: (r: ChangeRow) => MergeSource | null;
  /** The authors' public keys the file carries; absent for files from before signing. */
  keys?: OfferedKeys;
  /** A share file's merge or a folder sync (the undo notice names it); a share file when absent. */
  kind?: 'share' | 'sync';
  /** The backup taken just before this merge, for the undo notice to point to. */
  backupPath?: string | null;
}

/** The open conflicts (with their sides) of the claims the incoming rows touch: a merge may settle them. */
function conflictsTouched(db: DB, open: Set<string>, rows: readonly ChangeRow[]): Map<string, ConflictInfo> {
  const conflicted = new Set([...open].filter((k) => k.startsWith('claim\u0000')).map((k) => k.split('\u0000')[1]!));
  const touched = new Set(rows.filter((r) => r.entity === 'claim' && conflicted.has(r.entity_id)).map((r) => r.entity_id));
  return new Map(listConflictsOf(db, [...touched]).map((c) => [c.claimId, c] as const));
}

/**
 * Merge validated change rows into the workspace in ONE transaction (after actualbudget's
 * applyMessages: apply, log and clock together; side effects after commit). A dry run performs the
 * very same merge and rolls it back, so the preview is exactly what applying would do.
 */
export function mergeChanges(
  workspace: Workspace,
  input: MergeInput,
  apply: boolean,
): MergeSummary & { maxHlc: string | null; undoStepsForgotten: number; undoForgotten: ForgottenUndoStep[] } {
  const db = workspace.db;
  let preview: MergeSummary | undefined;
  let maxHlc: string | null = null;
  let touched: TouchSet | undefined;
  let merged: readonly ChangeRow[] = [];
  try {
    db.transaction(() => {
      const me = workspace.identity();
      const before = conflictKeys(db);
      const sidesBefore = conflictsTouched(db, before, input.rows);
      const authorship = checkAuthorship(db, input.rows, input.keys ?? new Map(), path.basename(input.file));
      recordAuthorship(db, authorship, new Date().toISOString());
      // With the clock: later local edits must sort after everything just merged, so a decision made
      // after seeing a teammate's change wins over it. Observed before the commit: if it throws,
      // nothing was merged, so the message "nothing was changed" is then true.
      const outcome = applyChangeRows(
        db,
        authorship.accepted,
        input.blobs,
        apply ? { clock: workspace.clock, keepLogs: true } : { keepLogs: true },
      );
      preview = summarise(db, input.file, input.rows.length, outcome, before, me, authorship, sidesBefore);
      if (apply && input.sourceOf) recordOrigins(db, outcome.inserted, input.sourceOf, me);
      maxHlc = outcome.inserted.length > 0 ? outcome.maxHlc : null;
      if (!apply) throw new RollBack();
      touched = outcome.touched;
      merged = outcome.inserted;
      if (authorship.keyConflicts.length > 0 || outcome.inserted.length > 0) touched.add('actorKey');
    }).immediate();
  } catch (e) {
    if (e instanceof ChangeRejected || e instanceof TimestampCollision)
      throw new ClaimbenchError('VALIDATION', `${path.basename(input.file)} was refused: ${e.message}. Nothing was changed.`);
    if (e instanceof ClockDriftError)
      throw new ClaimbenchError('VALIDATION', `${path.basename(input.file)} was refused: ${e.message}. Nothing was changed.`);
    if (!(e instanceof RollBack)) throw e;
  }
  if (touched) workspace.touched.addAll(touched);
  const forgotten = apply ? workspace.undo.forgetTouching(merged) : [];
  if (merged.length > 0) {
    workspace.undo.markMerge({
      kind: input.kind ?? 'share',
      file: path.basename(input.file),
      backupPath: input.backupPath ?? null,
    });
  }
  return { ...preview!, maxHlc, undoStepsForgotten: forgotten.length, undoForgotten: describeForgotten(db, forgotten) };
}

/**
 * Rows the workspace lacks; a row that reuses a timestamp here for different content is refused up
 * front. Rows held back by a key conflict already on record do not count: merging that file again
 * brings nothing until a person settles the conflict.
 */
function countNewChanges(db: DB, input: MergeInput): number {
  const existing = db.prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE hlc = ?`);
  const heldBack = new Set(
    (db.prepare('SELECT actor_id, public_key FROM key_conflicts').all() as { actor_id: string; public_key: string }[])
      .filter((c) => input.keys?.get(c.actor_id)?.includes(c.public_key))
      .map((c) => c.actor_id),
  );
  let fresh = 0;
  for (const r of input.rows) {
    const here = existing.get(r.hlc) as ChangeRow | undefined;
    if (!here && heldBack.has(r.actor_id)) {
      const pinned = pinnedKeys(db, r.actor_id);
      if (pinned.length > 0 && r.signature !== null && !pinned.some((k) => rowSignatureMatches(r, k))) continue;
    }
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

function shareInput(contents: ShareContents): MergeInput {
  const source: MergeSource = {
    kind: 'share',
    file: path.basename(contents.file),
    fromActorId: null,
    fromName: contents.createdBy,
  };
  return { file: contents.file, rows: contents.rows, blobs: contents.blobs, keys: contents.keys, sourceOf: () => source };
}

export async function previewShareMerge(workspace: Workspace, file: string): Promise<MergePreview> {
  const contents = await readShareFileBudgeted(file);
  const {
    maxHlc: _,
    undoStepsForgotten: __,
    undoForgotten: ___,
    ...preview
  } = mergeChanges(workspace, shareInput(contents), false);
  return { ...preview, contentHash: contents.contentHash, sameTextDocuments: sameTextDocuments(workspace.db, contents.rows) };
}

/**
 * Validate the whole file, check it is the very content that was previewed (`expectHash`, the
 * preview's content hash), back the workspace up, then merge atomically.
 */
export async function mergeShareFile(workspace: Workspace, file: string, expectHash: string): Promise<MergeResult> {
  const contents = await readShareFileBudgeted(file);
  if (contents.contentHash !== expectHash.toLowerCase()) {
    throw new ClaimbenchError(
      'CONFLICT',
      `${path.basename(file)} was refused: its content changed since it was previewed (content hash now ` +
        `${contents.contentHash.slice(0, 12)}…, previewed ${expectHash.slice(0, 12).toLowerCase()}…). Preview it again to see ` +
        `what it brings now. Nothing was changed.`,
    );
  }
  const input = shareInput(contents);
  const { contentHash } = contents;
  if (countNewChanges(workspace.db, input) === 0) {
    // Merging the same file twice changes nothing: no backup, no transaction.
    const { maxHlc: _, ...preview } = mergeChanges(workspace, input, false);
    return { ...preview, contentHash, applied: false, backupPath: null };
  }
  const { backupPath, merged } = withBackup(workspace, 'before-merge', (backup) =>
    mergeChanges(workspace, { ...input, backupPath: backup }, true),
  );
  const { maxHlc: _, ...preview } = merged;
  return { ...preview, contentHash, applied: true, backupPath };
}

/**
 * Back the workspace up, then run `merge`. When the merge fails it changed nothing, so the backup
 * just taken is a copy of the current state and is removed: retrying never piles backups up.
 */
export function withBackup<T>(
  workspace: Workspace,
  reason: string,
  merge: (backupPath: string) => T,
): { backupPath: string; merged: T } {
  workspace.db.pragma('wal_checkpoint(PASSIVE)');
  const backupPath = backupWorkspace(workspace.path, reason);
  try {
    return { backupPath, merged: merge(backupPath) };
  } catch (e) {
    fs.rmSync(backupPath, { force: true });
    throw e;
  }
}
