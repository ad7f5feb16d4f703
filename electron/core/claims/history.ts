import type { ChangeOrigin, HistoryEntry } from '../../../shared/domain';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { prepared } from '../store/statements';
import { replacedValueReader, type ReplacedValue } from '../store/replaced-values';
import { standingChangeIn } from '../store/causal';
import type { ChangeRow } from '../store/change-row';

/** A logged change with the file and person that brought it in, when a merge or sync did. */
interface HistoryRow extends ChangeRow {
  origin_kind: 'share' | 'sync' | null;
  origin_file: string | null;
  origin_from: string | null;
  merged_by: string | null;
  merged_at: string | null;
}

/** A claim's evidence: the entities that hang off it, and the column that labels each. */
export const CLAIM_EVIDENCE = [
  { entity: 'source', table: 'sources', label: "coalesce(nullif(title, ''), url, nullif(excerpt, ''))" },
  { entity: 'attachment', table: 'attachments', label: 'name' },
  { entity: 'note', table: 'notes', label: 'text' },
] as const;

const SELECT_CHANGES = `
  SELECT c.hlc, c.entity, c.entity_id, c.field, c.value, c.actor_id, c.author, c.action_id, c.action_label, c.supersedes, c.signature,
         o.kind AS origin_kind, o.file AS origin_file, o.from_name AS origin_from, o.merged_by, o.merged_at
    FROM changes c
    LEFT JOIN change_origins co ON co.hlc = c.hlc
    LEFT JOIN merge_origins o ON o.id = co.origin_id`;

function originOf(
  r: Pick<HistoryRow, 'origin_kind' | 'origin_file' | 'origin_from' | 'merged_by' | 'merged_at'>,
): ChangeOrigin | null {
  if (!r.origin_kind) return null;
  return {
    kind: r.origin_kind,
    file: r.origin_file ?? '',
    from: r.origin_from,
    mergedBy: r.merged_by ?? '',
    mergedAt: r.merged_at ?? '',
  };
}

/** The merge or sync that brought each of these changes in, by HLC; changes made here have none. */
export function originsOf(db: DB, hlcs: readonly string[]): Map<string, ChangeOrigin> {
  const rows = db
    .prepare(
      `SELECT co.hlc, o.kind AS origin_kind, o.file AS origin_file, o.from_name AS origin_from, o.merged_by, o.merged_at
         FROM change_origins co JOIN merge_origins o ON o.id = co.origin_id
        WHERE co.hlc IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(hlcs)) as Pick<
    HistoryRow,
    'hlc' | 'origin_kind' | 'origin_file' | 'origin_from' | 'merged_by' | 'merged_at'
  >[];
  const out = new Map<string, ChangeOrigin>();
  for (const r of rows) {
    const origin = originOf(r);
    if (origin) out.set(r.hlc, origin);
  }
  return out;
}

/** Rows in clock order, each with the value it replaced as its author saw it (store/replaced-values.ts). */
function toEntries(rows: HistoryRow[], labels: Map<string, string | null>): HistoryEntry[] {
  const replaced = replacedValueReader();
  const reopens = reopenedSides(rows);
  return rows.map((r) => {
    const entry = historyEntry(r, replaced(r), labels.get(r.entity_id) ?? null, originOf(r));
    const side = reopens.get(r.hlc);
    return side ? { ...entry, reopens: side } : entry;
  });
}

/** The changes an undo wrote to reopen a settled conflict (store/causal.ts), with whose side each brought back. */
function reopenedSides(rows: readonly HistoryRow[]): Map<string, { author: string }> {
  const byField = new Map<string, HistoryRow[]>();
  for (const r of rows) {
    const key = `${r.entity}\u0000${r.entity_id}\u0000${r.field}`;
    const list = byField.get(key);
    if (list) list.push(r);
    else byField.set(key, [r]);
  }
  const sides = new Map<string, { author: string }>();
  for (const list of byField.values()) {
    if (list.length <= 2) continue;
    const byHlc = new Map(list.map((r) => [r.hlc, r]));
    for (const r of list) {
      const side = standingChangeIn(byHlc, r);
      if (side !== r) sides.set(r.hlc, { author: side.author });
    }
  }
  return sides;
}

/** A logged change as a history entry, given the value it replaced as its author saw it; shared with the activity feed. */
export function historyEntry(
  r: ChangeRow,
  { from, to }: ReplacedValue,
  label: string | null,
  origin: ChangeOrigin | null,
): HistoryEntry {
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
    actionId: r.action_id,
    label,
    origin,
    unsigned: r.signature === null,
  };
}

/**
 * One timeline per claim: its own fields (verdict, rationale, claimant, assignment, tags…) and
 * its sources, attachments and notes being added, changed and removed, in clock order. Removed
 * evidence keeps its row (deletes are tombstones), so it stays on the timeline.
 */
export function claimTimeline(db: DB, claimId: string): HistoryEntry[] {
  const labels = new Map<string, string | null>();
  const ids = [claimId];
  for (const child of CLAIM_EVIDENCE) {
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
