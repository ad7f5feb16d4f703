import type { ChangeOrigin, HistoryEntry } from '../../../shared/domain';
import { CREATE_FIELD, creationValue } from '../store/entities';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { prepared } from '../store/statements';
import { parseSupersedes } from '../store/causal';
import type { ChangeRow } from '../store/change-row';

/** A logged change with the file and person that brought it in, when a merge or sync did. */
interface HistoryRow extends Omit<ChangeRow, 'action_id'> {
  origin_kind: 'share' | 'sync' | null;
  origin_file: string | null;
  origin_from: string | null;
  merged_by: string | null;
  merged_at: string | null;
}

/** A claim's evidence: the entities that hang off it, and the column that labels each. */
const CHILDREN = [
  { entity: 'source', table: 'sources', label: "coalesce(nullif(title, ''), url, nullif(excerpt, ''))" },
  { entity: 'attachment', table: 'attachments', label: 'name' },
  { entity: 'note', table: 'notes', label: 'text' },
] as const;

const SELECT_CHANGES = `
  SELECT c.hlc, c.entity, c.entity_id, c.field, c.value, c.actor_id, c.author, c.action_label, c.supersedes, c.signature,
         o.kind AS origin_kind, o.file AS origin_file, o.from_name AS origin_from, o.merged_by, o.merged_at
    FROM changes c
    LEFT JOIN change_origins co ON co.hlc = c.hlc
    LEFT JOIN merge_origins o ON o.id = co.origin_id`;

function originOf(r: HistoryRow): ChangeOrigin | null {
  if (!r.origin_kind) return null;
  return {
    kind: r.origin_kind,
    file: r.origin_file ?? '',
    from: r.origin_from,
    mergedBy: r.merged_by ?? '',
    mergedAt: r.merged_at ?? '',
  };
}

/**
 * Rows in clock order, each with the value it replaced as its author saw it: the latest of the
 * changes it superseded (its causal link), else the creation's value. Going by clock order alone
 * would make a teammate's concurrent change read as replacing a value they never saw.
 */
function toEntries(rows: HistoryRow[], labels: Map<string, string | null>): HistoryEntry[] {
  const created = new Map<string, Record<string, unknown>>();
  const valueAt = new Map<string, unknown>();
  const previous = new Map<string, unknown>();
  return rows.map((r) => {
    const to = r.value === null ? null : (JSON.parse(r.value) as unknown);
    const entityKey = `${r.entity}\u0000${r.entity_id}`;
    const fieldKey = `${entityKey}\u0000${r.field}`;
    let from: unknown = null;
    if (r.field === CREATE_FIELD) {
      created.set(
        entityKey,
        Object.fromEntries(
          Object.entries((to ?? {}) as Record<string, unknown>).map(([k, v]) => [k, creationValue(r.entity, k, v)]),
        ),
      );
    } else {
      const seen = parseSupersedes(r.supersedes)
        .filter((h) => valueAt.has(h))
        .sort();
      const last = seen[seen.length - 1];
      if (last !== undefined) from = valueAt.get(last);
      else if (previous.has(fieldKey) && parseSupersedes(r.supersedes).length > 0) from = previous.get(fieldKey);
      else from = created.get(entityKey)?.[r.field] ?? null;
      valueAt.set(r.hlc, to);
      previous.set(fieldKey, to);
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
      label: labels.get(r.entity_id) ?? null,
      origin: originOf(r),
      unsigned: r.signature === null,
    };
  });
}

/**
 * One timeline per claim: its own fields (verdict, rationale, claimant, assignment, tags…) and
 * its sources, attachments and notes being added, changed and removed, in clock order. Removed
 * evidence keeps its row (deletes are tombstones), so it stays on the timeline.
 */
export function claimTimeline(db: DB, claimId: string): HistoryEntry[] {
  const labels = new Map<string, string | null>();
  const ids = [claimId];
  for (const child of CHILDREN) {
    const rows = prepared(db, `SELECT id, ${child.label} AS label FROM ${child.table} WHERE claim_id = ?`).all(claimId) as {
      id: string;
      label: string | null;
    }[];
    for (const r of rows) {
      labels.set(r.id, r.label);
      ids.push(r.id);
    }
  }
  const rows = prepared(db, `${SELECT_CHANGES} WHERE c.entity_id IN (SELECT value FROM json_each(?)) ORDER BY c.hlc`).all(
    JSON.stringify(ids),
  ) as HistoryRow[];
  return toEntries(rows, labels);
}
