/** Types of the team operations: sharing, merging, conflicts, identity and shared-folder sync. */
import type { Verdict } from './domain';

export interface ShareResult {
  path: string;
  changes: number;
  documents: number;
  bytes: number;
  contentHash: string;
}

export type MergeItemStatus = 'new' | 'changed' | 'conflicting';

/** One document, claim, source, note, attachment or setting a merge adds or changes. */
export interface MergeItem {
  entity: string;
  id: string;
  /** Title or text snippet, for display. */
  label: string;
  status: MergeItemStatus;
  /** Names of the people whose changes touch it. */
  people: string[];
  /** Fields changed (empty for new items). */
  fields: string[];
}

export interface MergePerson {
  actorId: string;
  name: string;
  changes: number;
  newItems: number;
  changedItems: number;
  conflicts: number;
}

export interface MergePreview {
  file: string;
  /** Change rows in the file, how many this workspace lacks, and how many it already has. */
  totalChanges: number;
  newChanges: number;
  knownChanges: number;
  people: MergePerson[];
  /** At most `itemLimit` items; `itemCount` is the full number. */
  items: MergeItem[];
  itemCount: number;
  /** Conflicts the merge would open (claim and field), in full for the first `itemLimit` claims. */
  conflicts: ConflictInfo[];
  /** How many claim fields the merge puts in conflict. */
  conflictCount: number;
  /** People whose changes in the file are signed with a key other than the one pinned here; those changes are held back. */
  keyConflicts: KeyConflictInfo[];
  /** New changes that carry no signature (from files written before signing): merged, and marked unsigned in history. */
  unsignedChanges: number;
}

/** The public key this workspace trusts for one person: the first one it saw (trust on first use). */
export interface PinnedKey {
  actorId: string;
  name: string;
  publicKey: string;
  fingerprint: string;
  pinnedAt: string;
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

export interface MergeResult extends MergePreview {
  applied: boolean;
  backupPath: string | null;
}

export interface ConflictSide {
  hlc: string;
  at: string;
  actorId: string;
  author: string;
  /** The side's value of the conflicting field. */
  value: unknown;
  /** That person's verdict and rationale as they left them with this change. */
  verdict: Verdict | null;
  rationale: string | null;
  /** The side the merge shows until someone decides (greatest clock). */
  winner: boolean;
}

export interface ConflictInfo {
  claimId: string;
  field: 'verdict' | 'rationale';
  claimText: string;
  documentId: string | null;
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
  file: string;
  actorId: string;
  /** The person's display name when this workspace knows them (from their changes), else null. */
  name: string | null;
  changes: number;
  /** Why part of the file was not read (damaged line, bad checksum), if any. */
  problem: string | null;
}

export interface SyncStatus {
  folder: string | null;
  /** The file this person's app appends to. */
  ownFile: string | null;
  peers: SyncPeerFile[];
  lastSyncAt: string | null;
}

export interface SyncResult extends SyncStatus {
  imported: number;
  exported: number;
  conflicts: number;
  /** Peers' changes held back because they are signed with a key other than the pinned one. */
  keyConflicts: KeyConflictInfo[];
}
