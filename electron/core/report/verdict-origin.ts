import { CONFLICT_FIELDS } from '../../../shared/team';
import { headRows, headsDisagree, parseSupersedes } from '../store/causal';
import { conflictDecisions } from '../store/decisions';
import { logBefore, readEntityLog } from '../store/entity-logs';
import type { DB } from '../store/open';
import { CREATE_FIELD } from '../store/entities';
import { prepared } from '../store/statements';

interface VerdictRow {
  hlc: string;
  entity_id: string;
  author: string;
  value: string | null;
  supersedes: string;
  action_id: string | null;
}

/** Where a claim's current verdict was first chosen: a verdict change, or the claim's creation. */
export interface VerdictOrigin {
  hlc: string;
  author: string;
}

/** Causal chains are short; the cap only guards against a damaged log looping. */
const MAX_STEPS = 1_000;

const decode = (value: string | null | undefined): unknown =>
  value === null || value === undefined ? null : (JSON.parse(value) as unknown);

/** A kept side's verdict: the change that set it, or the claim's creation when nobody changed it. */
type KeptVerdict = VerdictOrigin & { fromCreation: boolean };

/**
 * What a same-value verdict change did when its action recorded a whole decision (verdict and
 * rationale) settling a conflict: it kept one person's side only when both equal that side's as
 * the conflict showed them (the kept side's verdict), else it is the settler's new decision
 * (null), even with the same verdict as a side. Undefined when the action settled no decision.
 */
function settledDecision(db: DB, row: VerdictRow): KeptVerdict | null | undefined {
  if (!row.action_id) return undefined;
  const action = prepared(
    db,
    "SELECT hlc, field, value FROM changes WHERE action_id = ? AND entity = 'claim' AND entity_id = ?",
  ).all(row.action_id, row.entity_id) as { hlc: string; field: string; value: string | null }[];
  const rationale = action.find((c) => c.field === 'rationale');
  if (!rationale) return undefined;
  const before = logBefore(
    readEntityLog(db, 'claim', row.entity_id),
    row.hlc < rationale.hlc ? row.hlc : rationale.hlc,
    new Set(action.map((c) => c.hlc)),
  );
  const open = CONFLICT_FIELDS.filter((f) => headsDisagree(headRows(before.get(f) ?? [])));
  if (open.length === 0) return undefined;
  const verdict = decode(row.value);
  const written = decode(rationale.value) ?? '';
  const source = conflictDecisions(db, row.entity_id, open, before).find(
    (side) => side.values.verdict === verdict && (side.values.rationale ?? '') === written,
  )?.sources.verdict;
  return source ? { hlc: source.hlc, author: source.author, fromCreation: source.field === CREATE_FIELD } : null;
}

/**
 * The change that first chose a claim's current verdict. A change that settled a conflict by
 * keeping a side ("Keep Ben's side") credits the side's verdict; a new decision, even one with the
 * same verdict as a side, is its writer's. A same-value change that recorded no whole decision (a
 * log from before decisions were whole) kept the earliest same-value change it superseded.
 */
export function verdictOrigin(db: DB, hlc: string): VerdictOrigin | null {
  const read = prepared(
    db,
    "SELECT hlc, entity_id, author, value, supersedes, action_id FROM changes WHERE hlc = ? AND field = 'verdict'",
  );
  const first = read.get(hlc) as VerdictRow | undefined;
  if (!first) return null;
  let row: VerdictRow = first;
  for (let step = 0; step < MAX_STEPS; step++) {
    const same = parseSupersedes(row.supersedes)
      .map((h) => read.get(h) as VerdictRow | undefined)
      .filter((r): r is VerdictRow => r !== undefined && r.value === row.value)
      .sort((a, b) => (a.hlc < b.hlc ? -1 : 1))[0];
    if (!same) break;
    const settled = settledDecision(db, row);
    if (settled === null) break;
    if (settled?.fromCreation) return { hlc: settled.hlc, author: settled.author };
    const next = settled ? (read.get(settled.hlc) as VerdictRow | undefined) : same;
    if (!next || next.hlc === row.hlc) break;
    row = next;
  }
  return { hlc: row.hlc, author: row.author };
}
