import { VERDICTS, type Verdict } from '../../../shared/domain';
import type { ConflictInfo, ConflictSide } from '../../../shared/team';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { fieldHeads } from './causal';
import { prepared } from '../store/statements';

interface SideRow {
  hlc: string;
  actor_id: string;
  author: string;
  action_id: string | null;
  value: string | null;
}

interface ConflictRow {
  entity_id: string;
  field: 'verdict' | 'rationale';
  text: string;
  document_id: string | null;
}

function decode(value: string | null): unknown {
  return value === null ? null : (JSON.parse(value) as unknown);
}

/**
 * The verdict or rationale a person left alongside one side of a conflict: the value they set in
 * the same action, else their latest earlier change to it, else the claim's creation value.
 */
function companion(db: DB, claimId: string, field: 'verdict' | 'rationale', side: SideRow): unknown {
  const sameAction =
    side.action_id &&
    (prepared(
      db,
      'SELECT value FROM changes WHERE entity = ? AND entity_id = ? AND field = ? AND action_id = ? ORDER BY hlc DESC LIMIT 1',
    ).get('claim', claimId, field, side.action_id) as { value: string | null } | undefined);
  if (sameAction) return decode(sameAction.value);
  const earlier = prepared(
    db,
    'SELECT value FROM changes WHERE entity = ? AND entity_id = ? AND field = ? AND actor_id = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1',
  ).get('claim', claimId, field, side.actor_id, side.hlc) as { value: string | null } | undefined;
  if (earlier) return decode(earlier.value);
  const created = prepared(
    db,
    "SELECT value FROM changes WHERE entity = 'claim' AND entity_id = ? AND field = '$create' ORDER BY hlc LIMIT 1",
  ).get(claimId) as { value: string | null } | undefined;
  return created ? (((decode(created.value) ?? {}) as Record<string, unknown>)[field] ?? null) : null;
}

function asVerdict(v: unknown): Verdict | null {
  return typeof v === 'string' && (VERDICTS as readonly string[]).includes(v) ? (v as Verdict) : null;
}

function describeConflict(db: DB, r: ConflictRow): ConflictInfo {
  const heads = fieldHeads(db, 'claim', r.entity_id, r.field);
  const byHlc = prepared(db, 'SELECT hlc, actor_id, author, action_id, value FROM changes WHERE hlc = ?');
  const winner = heads[heads.length - 1]?.hlc;
  const sides: ConflictSide[] = heads.map((h) => {
    const row = byHlc.get(h.hlc) as SideRow;
    const value = decode(row.value);
    const verdict = r.field === 'verdict' ? value : companion(db, r.entity_id, 'verdict', row);
    const rationale = r.field === 'rationale' ? value : companion(db, r.entity_id, 'rationale', row);
    return {
      hlc: row.hlc,
      at: hlcTime(row.hlc),
      actorId: row.actor_id,
      author: row.author,
      value,
      verdict: asVerdict(verdict),
      rationale: typeof rationale === 'string' ? rationale : null,
      winner: row.hlc === winner,
    };
  });
  return { claimId: r.entity_id, field: r.field, claimText: r.text, documentId: r.document_id, sides };
}

/** Open conflicts on live claims, in claim order; each side with its value, author, time and rationale. */
export function listConflicts(db: DB, claimId?: string): ConflictInfo[] {
  const rows = prepared(
    db,
    `SELECT k.entity_id, k.field, c.text, c.document_id FROM conflicts k JOIN claims c ON c.id = k.entity_id
       WHERE k.entity = 'claim' AND c.deleted = 0 ${claimId ? 'AND k.entity_id = ?' : ''}
       ORDER BY c.document_id IS NULL, c.document_id, c.ordinal, c.id, k.field DESC`,
  ).all(...(claimId ? [claimId] : [])) as ConflictRow[];
  return rows.map((r) => describeConflict(db, r));
}

export function conflictKeys(db: DB): Set<string> {
  const rows = prepared(db, 'SELECT entity, entity_id, field FROM conflicts').all() as {
    entity: string;
    entity_id: string;
    field: string;
  }[];
  return new Set(rows.map((r) => `${r.entity}\u0000${r.entity_id}\u0000${r.field}`));
}
