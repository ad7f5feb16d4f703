import type { MergeBoundary } from '../../shared/domain';
import type { ConflictField, ConflictInfo, ForgottenUndoStep } from '../../shared/team';
import { quoteClaim } from '../ui/quoteClaim';

/** The first 8 hex digits: enough to tell two people with the same name apart. */
export function shortActorId(actorId: string): string {
  return actorId.slice(0, 8);
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function initialOf(name: string): string {
  return (name.trim().charAt(0) || '?').toUpperCase();
}

export function fullTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function entityLabel(entity: string): string {
  return entity.charAt(0).toUpperCase() + entity.slice(1);
}

/** One conflicted claim: conflicts.list already gives one entry per claim, one side per person. */
export type ClaimConflict = ConflictInfo;

export function fieldsLabel(fields: readonly ConflictField[]): string {
  const names = [...new Set(fields)].sort((a, b) => (a === 'verdict' ? -1 : b === 'verdict' ? 1 : 0));
  const text = names.join(' and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The parts of the decision whose values differ between the sides, else the parts edited at the same time. */
export function differingParts(conflict: Pick<ConflictInfo, 'fields' | 'sides'>): ConflictField[] {
  const differ = (field: ConflictField) => new Set(conflict.sides.map((s) => s[field] ?? '')).size > 1;
  const parts = (['verdict', 'rationale'] as const).filter(differ);
  return parts.length > 0 ? parts : conflict.fields;
}

/**
 * How a claim's conflict reads: always a conflict of decisions (a verdict with its rationale),
 * naming the parts that differ, e.g. "Decisions differ (verdict and rationale)".
 */
export function decisionConflictLabel(conflict: Pick<ConflictInfo, 'fields' | 'sides'>): string {
  return `Decisions differ (${fieldsLabel(differingParts(conflict)).toLowerCase()})`;
}

/**
 * What a merge or sync took from the undo history, said after its outcome ("" when nothing), naming the latest
 * actions taken: "2 earlier actions of yours can no longer be undone, as a teammate’s changes set the same fields:
 * Mark Disputed “157 drones…”, Edit rationale “…”."
 */
export function forgottenUndoNote(steps: number, named: readonly ForgottenUndoStep[] = []): string {
  if (steps === 0) return '';
  const which = named.map((n) => (n.claimText ? `${n.label} ${quoteClaim(n.claimText)}` : n.label)).join(', ');
  const more = steps > named.length && named.length > 0 ? ` and ${steps - named.length} more` : '';
  const list = which ? `: ${which}${more}` : '';
  return ` ${steps === 1 ? 'One earlier action' : `${steps} earlier actions`} of yours can no longer be undone, as a teammate’s changes set the same fields${list}.`;
}

/** The short form of forgottenUndoNote for a notice's summary: " 2 undo steps lost." */
export function forgottenUndoCount(steps: number): string {
  if (steps === 0) return '';
  return ` ${steps === 1 ? 'One undo step' : `${steps} undo steps`} lost.`;
}

/** The merge or sync an undo reached back past, in words: "the merge of ben.claimbench-share". */
export function mergeBoundaryName(boundary: MergeBoundary): string {
  return boundary.kind === 'share' ? `the merge of ${boundary.file}` : `the sync with the shared folder ${boundary.file}`;
}

/**
 * Said after an undo that reached back past a merge or sync: the undone action was done before it, and undo never
 * takes a merge back; its backup does.
 */
export function beforeMergeNote(boundary: MergeBoundary): string {
  const backup = boundary.backupPath ? `, restore the backup taken before it: ${boundary.backupPath}` : ', restore a backup';
  return `This was done before ${mergeBoundaryName(boundary)}, which undo does not take back (to take back the merge${backup}).`;
}
