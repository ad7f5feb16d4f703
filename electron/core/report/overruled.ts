/**
 * The decisions a settled team conflict set aside, per claim, read from the change log: a report
 * is a trail of who decided what, and settling a conflict deletes its row, not its sides.
 */
import { CONFLICT_FIELDS, type ConflictField } from '../../../shared/team';
import { headRows, headsDisagree, parseSupersedes, standingChange } from '../store/causal';
import { conflictDecisions, type PersonDecision } from '../store/decisions';
import { LOG_CHUNK, logBefore, readEntityLogs, type EntityLog } from '../store/entity-logs';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { decisionSide } from './decision-side';
import type { OverruledDecision } from './schema';

/** A change to a claim's decision written over several concurrent ones: where a settlement may be. */
interface MergingChange {
  entity_id: string;
  hlc: string;
  action_id: string | null;
  author: string;
  field: string;
  value: string | null;
}

interface SettlingAction {
  /** The action's first change to the claim: the log before it is what the settler saw. */
  first: string;
  author: string;
  /** Every change the action made to the claim, and the decision fields it wrote. */
  own: Set<string>;
  written: Map<ConflictField, unknown>;
}

const decode = (value: string | null): unknown => (value === null ? null : (JSON.parse(value) as unknown));

const sameValue = (field: ConflictField, a: unknown, b: unknown) => (field === 'rationale' ? (a ?? '') === (b ?? '') : a === b);

/** The actions that wrote over concurrent changes to a claim's decision, by claim, in clock order. */
function mergingActions(db: DB): Map<string, SettlingAction[]> {
  const rows = db
    .prepare(
      `SELECT entity_id, hlc, action_id, author, field, value FROM changes
       WHERE entity = 'claim' AND field IN (${CONFLICT_FIELDS.map(() => '?').join(', ')}) AND json_array_length(supersedes) > 1
       ORDER BY entity_id, hlc`,
    )
    .all(...CONFLICT_FIELDS) as MergingChange[];
  const actionChanges = db.prepare(
    `SELECT hlc, field, value FROM changes WHERE action_id = ? AND entity = 'claim' AND entity_id = ? ORDER BY hlc`,
  );
  const byClaim = new Map<string, SettlingAction[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.entity_id}\u0000${r.action_id ?? r.hlc}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const changes = r.action_id
      ? (actionChanges.all(r.action_id, r.entity_id) as { hlc: string; field: string; value: string | null }[])
      : [r];
    const written = new Map<ConflictField, unknown>();
    for (const c of changes) {
      if ((CONFLICT_FIELDS as readonly string[]).includes(c.field)) written.set(c.field as ConflictField, decode(c.value));
    }
    const action: SettlingAction = {
      first: changes[0]!.hlc,
      author: r.author,
      own: new Set(changes.map((c) => c.hlc)),
      written,
    };
    const list = byClaim.get(r.entity_id);
    if (list) list.push(action);
    else byClaim.set(r.entity_id, [action]);
  }
  return byClaim;
}

/** The sides of the conflict the action settled, minus the one whose decision it wrote; none if it settled nothing. */
function setAside(db: DB, claimId: string, log: EntityLog, action: SettlingAction): PersonDecision[] {
  const before = logBefore(log, action.first, action.own);
  const open = CONFLICT_FIELDS.filter((f) => headsDisagree(headRows(before.get(f) ?? [])));
  if (open.length === 0) return [];
  return conflictDecisions(db, claimId, open, before).filter(
    (side) => ![...action.written].every(([field, value]) => sameValue(field, side.values[field], value)),
  );
}

/**
 * The changes an undo took back in a claim's decision fields: those an undo's re-assertion of a side links to
 * besides the side itself (store/causal.ts standingChange). A settlement among them set nothing aside.
 */
function undoneChanges(log: EntityLog): Set<string> {
  const undone = new Set<string>();
  for (const field of CONFLICT_FIELDS) {
    const rows = log.get(field) ?? [];
    for (const row of rows) {
      const restored = standingChange(rows, row);
      if (restored === row) continue;
      for (const link of parseSupersedes(row.supersedes)) if (link !== restored.hlc) undone.add(link);
    }
  }
  return undone;
}

export function loadOverruledDecisions(db: DB): Map<string, OverruledDecision[]> {
  const actions = mergingActions(db);
  const out = new Map<string, OverruledDecision[]>();
  const ids = [...actions.keys()];
  for (let i = 0; i < ids.length; i += LOG_CHUNK) {
    const logs = readEntityLogs(db, 'claim', ids.slice(i, i + LOG_CHUNK));
    for (const [claimId, log] of logs) {
      const undone = undoneChanges(log);
      const standing = actions.get(claimId)!.filter((action) => ![...action.own].some((hlc) => undone.has(hlc)));
      const overruled = standing.flatMap((action) =>
        setAside(db, claimId, log, action).map((side): OverruledDecision => ({
          ...decisionSide(side),
          settledBy: action.author,
          settledAt: hlcTime(action.first),
        })),
      );
      if (overruled.length > 0) out.set(claimId, overruled);
    }
  }
  return out;
}
