import { ClaimbenchError } from '../../../shared/result';
import type { Handlers } from '../handler-types';
import type { DB } from '../store/open';

function requireLiveClaims(db: DB, ids: string[]): void {
  const exists = db.prepare('SELECT 1 FROM claims WHERE id = ? AND deleted = 0');
  for (const id of ids) if (!exists.get(id)) throw new ClaimbenchError('NOT_FOUND', `No claim with id ${id}`);
}

const plural = (n: number) => `${n} claim${n === 1 ? '' : 's'}`;

/** Bulk actions on a multi-selection; each is one undo step. */
export const triageHandlers = {
  'claims.assign': ({ ids, assignee }, { workspace }) => {
    const unique = [...new Set(ids)];
    requireLiveClaims(workspace.db, unique);
    const label = assignee ? `Assign ${plural(unique.length)} to ${assignee}` : `Unassign ${plural(unique.length)}`;
    let updated = 0;
    workspace.undo.run(label, (w) => {
      for (const id of unique) if (w.set('claim', id, 'assignee', assignee)) updated++;
    });
    return { updated };
  },

  'claims.tag': ({ ids, add = [], remove = [] }, { workspace }) => {
    const unique = [...new Set(ids)];
    requireLiveClaims(workspace.db, unique);
    const removing = new Set(remove);
    const parts = [add.length ? `tag ${add.join(', ')}` : '', remove.length ? `untag ${remove.join(', ')}` : ''];
    const label = `${parts.filter(Boolean).join(' and ')} on ${plural(unique.length)}`;
    let updated = 0;
    workspace.undo.run(label.charAt(0).toUpperCase() + label.slice(1), (w) => {
      for (const id of unique) {
        const current = (w.get('claim', id, 'tags') as string[] | null) ?? [];
        const next = [...new Set([...current.filter((t) => !removing.has(t)), ...add.filter((t) => !removing.has(t))])];
        if (next.length > 100) throw new ClaimbenchError('VALIDATION', 'A claim can carry at most 100 tags.');
        if (w.set('claim', id, 'tags', next)) updated++;
      }
    });
    return { updated };
  },
} satisfies Partial<Handlers>;
