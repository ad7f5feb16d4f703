/** Types of the team operations: sharing, merging, conflicts, identity and shared-folder sync. */
import type { Verdict } from './domain';
import type { FieldDecl } from './entities/field';
import { ENTITY_REGISTRY } from './entities/registry';

export interface ShareResult {
  path: string;
  changes: number;
  documents: number;
  bytes: number;
  contentHash: string;
}

export type MergeItemStatus = 'new' | 'changed' | 'conflicting';

/** One field a merge changes, with the value it had and the value it gets. */
export interface MergeFieldChange {
  /** The claim itself, or one of its sources, attachments or notes (or a document, a setting…). */
  entity: string;
  entityId: string;
  /** A source's title, a note's text or an attachment's name, when the change is to a claim's evidence. */
  label: string | null;
  /** `$create` when the merge adds the item; `deleted` when it removes (or restores) it. */
  field: string;
  from: unknown;
  to: unknown;
  /**
   * For a field holding a set (a claim's tags): the members the merge adds and removes. Teammates'
   * concurrent changes merge as a set, so a tag one adds replaces none another keeps.
   */
  members?: { added: string[]; removed: string[] };
  /** Who made the change and when (the author, not the person merging). */
  author: string;
  actorId: string;
  at: string;
  /** Who set the value it replaces, when anyone did. */
  replaces: { author: string; actorId: string; at: string } | null;
  /** The value it replaces was set by the person merging: a decision of theirs gets overwritten. */
  overwritesYours: boolean;
}

/** A set field's move in words: "added needs-second-source", "added a, b; removed c". */
export function memberChangeWords(members: { added: readonly string[]; removed: readonly string[] }): string {
  return [
    members.added.length > 0 ? `added ${members.added.join(', ')}` : '',
    members.removed.length > 0 ? `removed ${members.removed.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** One claim (with its evidence), or a document, setting or session a merge adds or changes. */
export interface MergeItem {
  entity: string;
  id: string;
  /** Title or text snippet, for display. */
  label: string;
  status: MergeItemStatus;
  /** Names of the people whose changes touch it, each once. */
  people: string[];
  /** The identities whose changes touch it (two may share a name: `MergePerson.actorId`). */
  actorIds: string[];
  /** Fields changed (empty for new items); a claim's evidence appears as "source", "note", "attachment". */
  fields: string[];
  /** Each visible change, old → new, with who and when; those overwriting your decisions first. */
  changes: MergeFieldChange[];
  /** Some change overwrites a value the person merging had set; such items are listed first. */
  overwritesYours: boolean;
  /** For a claim whose open conflict the merge settles: which fields, and the decision it now shows. */
  settles?: SettledConflict | null;
  /** For a claim the merge adds: the verdict and the evidence it arrives with. */
  arrives?: NewClaimContents | null;
}

/** A new claim's decision and evidence, as the merge would add them. */
export interface NewClaimContents {
  verdict: Verdict | null;
  sources: number;
  notes: number;
  attachments: number;
}

/** A new claim's evidence in words: ["1 source", "2 notes"]; nothing for a claim that arrives bare. */
export function newClaimEvidence(c: NewClaimContents): string[] {
  const words = (n: number, one: string) => `${n.toLocaleString('en')} ${n === 1 ? one : `${one}s`}`;
  return [
    c.sources > 0 && words(c.sources, 'source'),
    c.notes > 0 && words(c.notes, 'note'),
    c.attachments > 0 && words(c.attachments, 'attachment'),
  ].filter((part): part is string => !!part);
}

/** A conflict a teammate's change settles: the decision that stands, and whose side it is, if it is one. */
export interface SettledConflict {
  fields: ConflictField[];
  verdict: Verdict | null;
  rationale: string;
  /** The side (as the conflict listed it before the merge) whose decision it keeps; null for a new decision. */
  keeps: { author: string; actorId: string } | null;
  /** Who wrote the settling change, and when. */
  by: { author: string; actorId: string; at: string };
}

export interface MergePerson {
  actorId: string;
  name: string;
  /** The fingerprint of the signing key this identity's changes verify with, when one is pinned. */
  keyFingerprint: string | null;
  /** When this workspace first saw the identity (ISO), when it has. */
  firstSeen: string | null;
  changes: number;
  newItems: number;
  changedItems: number;
  conflicts: number;
}

export interface MergePreview {
  file: string;
  /**
   * SHA-256 (64 hex) over the file's changes and attachments, as checked when it was read: what
   * `team.merge` must be given back, so it applies exactly what was previewed.
   */
  contentHash: string;
  /** Change rows in the file, how many this workspace lacks, and how many it already has. */
  totalChanges: number;
  newChanges: number;
  knownChanges: number;
  people: MergePerson[];
  /** Per claim (a claim's sources, notes and attachments count with it); at most `itemLimit` items; `itemCount` is the full number. */
  items: MergeItem[];
  itemCount: number;
  /** How many items overwrite a decision of the person merging. */
  overwritesYours: number;
  /** Who is merging (whose decisions `overwritesYours` is about). */
  mergedBy: string;
  /** Claims the merge would put in conflict, in full for the first `itemLimit` claims. */
  conflicts: ConflictInfo[];
  /** How many claims the merge puts in conflict (a claim clashing on verdict and rationale counts once). */
  conflictCount: number;
  /** People whose changes in the file are signed with a key other than the one pinned here; those changes are held back. */
  keyConflicts: KeyConflictInfo[];
  /** New changes that carry no signature (from files written before signing): merged, and marked unsigned in history. */
  unsignedChanges: number;
  /** Documents in the file that this workspace already holds with the same text under another id (preview only). */
  sameTextDocuments?: SameTextDocument[];
}

/** A teammate's own import of a document this workspace already has: a merge keeps both copies. */
export interface SameTextDocument {
  theirs: { id: string; title: string; importedBy: string };
  yours: { id: string; title: string };
}

/** The public key this workspace trusts for one person: the first one it saw (trust on first use). */
export interface PinnedKey {
  actorId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  pinnedAt: string;
  /** When this identity's first change was made, as this workspace knows it (ISO). */
  firstSeen: string | null;
  /** The share or sync file whose merge pinned the key; null for a key pinned here (your own). */
  pinnedFrom: string | null;
}

/** A file offered a different key for a person whose key is pinned: a person decides which to trust. */
export interface KeyConflictInfo {
  actorId: string;
  /** The name on the held-back changes. */
  name: string;
  pinnedKey: string;
  pinnedFingerprint: string;
  offeredKey: string;
  offeredFingerprint: string;
  /** The file (share file or sync folder file) that offered the key. */
  source: string;
  seenAt: string;
  /** How many of the person's changes were held back because they are signed with the offered key. */
  heldBack: number;
}

export interface KeyTrust {
  pinned: PinnedKey[];
  conflicts: KeyConflictInfo[];
}

/** A file the person picked in a host dialog, named by a token: its path stays in the core. */
export interface ChosenFile {
  token: string;
  name: string;
}

/** Several files picked together in one host dialog, behind one token. */
export interface ChosenFiles {
  token: string;
  names: string[];
}

export interface MergeResult extends MergePreview {
  applied: boolean;
  backupPath: string | null;
  /** The person's undo steps the merge took away: each set a field the merged changes also set. */
  undoStepsForgotten: number;
  /** The latest few of those, to name them. */
  undoForgotten: ForgottenUndoStep[];
}

/** An undo step a merge or sync took away: the action's label and the text of the claim it concerned. */
export interface ForgottenUndoStep {
  label: string;
  claimText: string | null;
}

/** A field two or more people set differently without seeing each other's value. */
export type ConflictField = 'verdict' | 'rationale';
/** The claim's fields the registry marks as conflicting (a test holds them to ConflictField). */
export const CONFLICT_FIELDS = Object.entries(ENTITY_REGISTRY.claim.fields as Record<string, FieldDecl>)
  .filter(([, f]) => f.conflicts)
  .map(([name]) => name as ConflictField);

/**
 * One person's side of a conflicted claim. Where the person holds a live value of a conflicted
 * field (their latest change to it, not replaced by anyone who saw it), that value is shown and is
 * what keeping the side writes (`keeps`). Every other field shows the claim's current value, which
 * keeping the side leaves alone; so after keeping it the claim reads exactly as the side is shown.
 */
export interface ConflictSide {
  actorId: string;
  author: string;
  /** When this person last changed one of the conflicted fields. */
  at: string;
  /** Null verdict: not reviewed. */
  verdict: Verdict | null;
  rationale: string | null;
  /** What keeping this side writes: the whole decision, verdict and rationale. */
  keeps: ConflictField[];
  /**
   * Fields holding this person's own standing change; in the others the side shows what the
   * person's decision stood on (their earlier value, or the one they had before deciding).
   */
  own: ConflictField[];
  /** Fields not in `own` whose value is still this person's, from an earlier change someone else replaced. */
  earlier: ConflictField[];
  /**
   * Both decision fields for the one side whose whole decision the claim shows until someone
   * decides (whichever of them clash); empty for every other side.
   */
  shown: ConflictField[];
  /** The sources this person attached to the claim, oldest first: what their decision stands on. */
  sources: ConflictSideSource[];
}

export interface ConflictSideSource {
  id: string;
  title: string;
  url: string | null;
  /** The name on the change that attached it. */
  addedBy: string;
  addedAt: string;
}

/** One conflicted claim: the fields in conflict and one side per person. */
export interface ConflictInfo {
  claimId: string;
  claimText: string;
  documentId: string | null;
  /** Verdict first. */
  fields: ConflictField[];
  /** In the order the people last changed a conflicted field. */
  sides: ConflictSide[];
}

export interface TeamActor {
  actorId: string;
  name: string;
  changes: number;
  lastChangeAt: string | null;
}

export interface TeamIdentity {
  actorId: string;
  author: string | null;
  /** This person's signing key fingerprint, to compare with a teammate when a key conflict appears. */
  keyFingerprint?: string | null;
  actors: TeamActor[];
}

export interface SyncPeerFile {
  /** For the core's own callers (the CLI); a page gets `fileName`. */
  file: string;
  fileName: string;
  actorId: string;
  /** The person's display name when this workspace knows them (from their changes), else null. */
  name: string | null;
  changes: number;
  /** Why part of the file was not read (damaged line, bad checksum), if any. */
  problem: string | null;
}

export interface SyncStatus {
  /** For the core's own callers (the CLI); a page gets `location`. */
  folder: string | null;
  /** Where the folder is, for people to read (the home folder shown as ~); never accepted back as a path. */
  location: string | null;
  /** The file this person's app appends to (for the core's own callers; a page gets `ownFileName`). */
  ownFile: string | null;
  ownFileName: string | null;
  peers: SyncPeerFile[];
  lastSyncAt: string | null;
}

export interface SyncResult extends SyncStatus {
  imported: number;
  exported: number;
  conflicts: number;
  /** The person's undo steps the sync took away: each set a field the changes it brought also set. */
  undoStepsForgotten: number;
  /** The latest few of those, to name them. */
  undoForgotten: ForgottenUndoStep[];
  /** Peers' changes held back because they are signed with a key other than the pinned one. */
  keyConflicts: KeyConflictInfo[];
}
