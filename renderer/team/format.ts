import type { ConflictInfo, ConflictSide } from '../../shared/team';

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

/** One conflicted claim, with the fields in conflict (verdict, rationale) and the sides to choose from. */
export interface ClaimConflict {
  claimId: string;
  claimText: string;
  fields: ConflictInfo['field'][];
  sides: ConflictSide[];
}

/**
 * conflicts.list has one entry per claim and field. The queue decides per claim: the verdict
 * conflict's sides carry each person's rationale too, so they are the sides shown when present.
 */
export function groupByClaim(conflicts: readonly ConflictInfo[]): ClaimConflict[] {
  const byClaim = new Map<string, ClaimConflict>();
  for (const c of conflicts) {
    const known = byClaim.get(c.claimId);
    if (!known) {
      byClaim.set(c.claimId, { claimId: c.claimId, claimText: c.claimText, fields: [c.field], sides: c.sides });
    } else {
      known.fields.push(c.field);
      if (c.field === 'verdict') known.sides = c.sides;
    }
  }
  return [...byClaim.values()];
}

export function fieldsLabel(fields: readonly ConflictInfo['field'][]): string {
  const names = [...new Set(fields)].sort((a, b) => (a === 'verdict' ? -1 : b === 'verdict' ? 1 : 0));
  const text = names.join(' and ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
