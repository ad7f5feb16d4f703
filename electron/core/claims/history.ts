import type { HistoryEntry } from '../../../shared/domain';
import { CREATE_FIELD, creationValue } from '../store/entities';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';

interface ChangeRow {
  hlc: string;
  entity: string;
  entity_id: string;
  field: string;
  value: string | null;
  actor_id: string;
  author: string;
  action_label: string | null;
}

/** Every change to one entity in clock order, each with the value it replaced. */
export function entityHistory(db: DB, entity: string, id: string): HistoryEntry[] {
  const rows = db
    .prepare(
      'SELECT hlc, entity, entity_id, field, value, actor_id, author, action_label FROM changes WHERE entity = ? AND entity_id = ? ORDER BY hlc',
    )
    .all(entity, id) as ChangeRow[];
  const current = new Map<string, unknown>();
  return rows.map((r) => {
    const to = r.value === null ? null : (JSON.parse(r.value) as unknown);
    let from: unknown = null;
    if (r.field === CREATE_FIELD) {
      for (const [k, v] of Object.entries((to ?? {}) as Record<string, unknown>)) current.set(k, creationValue(r.entity, k, v));
    } else {
      from = current.has(r.field) ? current.get(r.field) : null;
      current.set(r.field, to);
    }
    return {
      hlc: r.hlc,
      at: hlcTime(r.hlc),
      author: r.author,
      actorId: r.actor_id,
      entity: r.entity,
      entityId: r.entity_id,
      field: r.field,
      from,
      to,
      action: r.action_label,
    };
  });
}
