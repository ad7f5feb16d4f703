import type { ActivityEntry, ActivityPage } from '../../../shared/evidence';
import { ENTITY_REGISTRY, fieldDecl } from '../../../shared/entities/registry';
import type { HistoryEntry } from '../../../shared/domain';
import { describeChange, describeDecision, isOneDecision } from '../../../shared/timeline';
import { CLAIM_EVIDENCE, historyEntry, originsOf } from '../claims/history';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import { CHANGE_COLUMNS, type ChangeRow } from '../store/change-row';
import { replacedValueReader, type ReplacedValue, type ReplayedRow } from '../store/replaced-values';

/**
 * Changes the feed leaves out, as `entity.field`: values the app derives from another change (a
 * claim's position and score follow its document's text; a session's summary and timings follow its
 * pause or end), which would only repeat, in machine terms, the change a person made. Each of those
 * changes is listed on its own: the text replaced, the threshold set, the session paused or ended.
 */
const HIDDEN_FIELDS: readonly string[] = [
  ...Object.entries(ENTITY_REGISTRY).flatMap(([entity, decl]) =>
    Object.keys(decl.fields)
      .filter((field) => fieldDecl(entity, field)?.sharing === 'derived')
      .map((field) => `${entity}.${field}`),
  ),
  'claim.anchor',
  ...['owner', 'startedAt', 'endedAt', 'elapsedMs', 'resumedAt', 'captureDocumentId'].map((f) => `checkSession.${f}`),
];

/**
 * The workspace's activity, newest first, one entry per field change a person made, each with the
 * value it replaced as its author saw it and the sentence a claim's history uses for it. Paged by
 * HLC cursor so new changes never shift a page.
 */
export function listActivity(db: DB, opts: { before?: string; limit: number; claimId?: string }): ActivityPage {
  const before = opts.before ?? '\uffff';
  const shown = `(entity || '.' || field) NOT IN (SELECT value FROM json_each(?))`;
  const hidden = JSON.stringify(HIDDEN_FIELDS);
  let rows: ChangeRow[];
  if (opts.claimId) {
    const related = [opts.claimId];
    for (const { table } of CLAIM_EVIDENCE) {
      related.push(...(db.prepare(`SELECT id FROM ${table} WHERE claim_id = ?`).pluck().all(opts.claimId) as string[]));
    }
    rows = db
      .prepare(
        `SELECT ${CHANGE_COLUMNS} FROM changes WHERE entity_id IN (SELECT value FROM json_each(?)) AND ${shown} AND hlc < ?
         ORDER BY hlc DESC LIMIT ?`,
      )
      .all(JSON.stringify(related), hidden, before, opts.limit + 2) as ChangeRow[];
  } else {
    rows = db
      .prepare(`SELECT ${CHANGE_COLUMNS} FROM changes WHERE ${shown} AND hlc < ? ORDER BY hlc DESC LIMIT ?`)
      .all(hidden, before, opts.limit + 2) as ChangeRow[];
  }
  // A decision's second field belongs on the page its first one is on.
  const last = rows[opts.limit - 1];
  const after = rows[opts.limit];
  const ends = last && after && isOneDecision(actionOf(last), actionOf(after)) ? opts.limit + 1 : opts.limit;
  const more = rows.length > ends;
  const page = rows.slice(0, ends);
  const replaced = replacedValues(db, page);
  const context = contextFinder(db);
  const origins = originsOf(
    db,
    page.map((r) => r.hlc),
  );
  const entryOf: EntryOf = (r) => {
    const { claimId, claimText, label, gone } = context(r.entity, r.entity_id);
    return { claimId, claimText, gone, entry: historyEntry(r, replaced.get(r.hlc)!, label, origins.get(r.hlc) ?? null) };
  };
  const items: ActivityEntry[] = [];
  for (let i = 0; i < page.length; i++) {
    const r = page[i]!;
    const next = page[i + 1];
    // One action, one entry: a verdict and a rationale decided together read as one decision.
    const paired = next && isOneDecision(actionOf(r), actionOf(next)) ? next : null;
    if (paired) i++;
    const [main, other] = paired && r.field !== 'verdict' ? [paired, r] : [r, paired];
    items.push(activityEntry(main, other, entryOf));
  }
  return { items, nextBefore: more && page.length > 0 ? page[page.length - 1]!.hlc : null };
}

const actionOf = (r: ChangeRow) => ({ actionId: r.action_id, entity: r.entity, entityId: r.entity_id, field: r.field });

type EntryOf = (r: ChangeRow) => { claimId: string | null; claimText: string | null; gone: boolean; entry: HistoryEntry };

/** One change (or, with `other`, one decision's verdict and rationale) as the feed shows it. */
function activityEntry(r: ChangeRow, other: ChangeRow | null, entryOf: EntryOf): ActivityEntry {
  const { claimId, claimText, gone, entry } = entryOf(r);
  const { from, to, origin } = entry;
  const { summary, detail } = other ? describeDecision(entry, entryOf(other).entry) : describeChange(entry);
  return {
    hlc: r.hlc,
    at: hlcTime(r.hlc),
    author: r.author,
    actionId: r.action_id,
    action: r.action_label,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    from,
    to,
    claimId,
    claimText,
    deleted: gone,
    summary: summary + (gone && !(r.field === 'deleted' && to === true) ? ' (since deleted)' : ''),
    detail,
    unsigned: r.signature === null,
    origin: origin ?? null,
  };
}

/**
 * What each change of the page replaced, by the claim history's causal rule: every change of the
 * entities the page touches, up to its newest, read in clock order.
 */
function replacedValues(db: DB, page: readonly ChangeRow[]): Map<string, ReplacedValue> {
  const out = new Map<string, ReplacedValue>();
  if (page.length === 0) return out;
  const wanted = new Set(page.map((r) => r.hlc));
  const entities = new Set(page.map((r) => `${r.entity}\u0000${r.entity_id}`));
  const history = db
    .prepare(
      `SELECT hlc, entity, entity_id, field, value, supersedes FROM changes
        WHERE entity_id IN (SELECT value FROM json_each(?)) AND hlc <= ? ORDER BY hlc`,
    )
    .all(JSON.stringify([...new Set(page.map((r) => r.entity_id))]), page[0]!.hlc) as ReplayedRow[];
  const read = replacedValueReader();
  for (const r of history) {
    if (!entities.has(`${r.entity}\u0000${r.entity_id}`)) continue;
    const value = read(r);
    if (wanted.has(r.hlc)) out.set(r.hlc, value);
  }
  return out;
}

interface ChangeContext {
  claimId: string | null;
  claimText: string | null;
  /** What history calls the item: a source's title, a document's title, a session's name, a passage's transcript. */
  label: string | null;
  /** The item is deleted now, or the claim or document it belongs to is. */
  gone: boolean;
}

const NO_CONTEXT: ChangeContext = { claimId: null, claimText: null, label: null, gone: false };

function contextFinder(db: DB) {
  // A claim is gone when it was deleted itself or with its document.
  const claim = db.prepare(
    `SELECT c.text, c.deleted OR coalesce(d.deleted, 0) AS gone FROM claims c LEFT JOIN documents d ON d.id = c.document_id
     WHERE c.id = ?`,
  );
  const labelled: Record<string, ReturnType<DB['prepare']>> = {
    document: db.prepare('SELECT title AS label, deleted AS gone FROM documents WHERE id = ?'),
    checkSession: db.prepare('SELECT name AS label, deleted AS gone FROM check_sessions WHERE id = ?'),
    transcriptChunk: db.prepare(
      `SELECT d.title AS label, t.deleted OR coalesce(d.deleted, 0) AS gone
         FROM transcript_chunks t LEFT JOIN documents d ON d.id = t.document_id WHERE t.id = ?`,
    ),
    setting: db.prepare('SELECT NULL AS label, deleted AS gone FROM settings WHERE id = ?'),
  };
  const evidence = Object.fromEntries(
    CLAIM_EVIDENCE.map(({ entity, table, label }) => [
      entity,
      db.prepare(`SELECT claim_id, ${label} AS label, deleted AS gone FROM ${table} WHERE id = ?`),
    ]),
  );
  return (entity: string, id: string): ChangeContext => {
    if (entity === 'claim') {
      const row = claim.get(id) as { text: string; gone: number } | undefined;
      return { claimId: id, claimText: row?.text ?? null, label: null, gone: !row || row.gone !== 0 };
    }
    const own = labelled[entity];
    if (own) {
      const row = own.get(id) as { label: string | null; gone: number } | undefined;
      return { ...NO_CONTEXT, label: row?.label ?? null, gone: !row || row.gone !== 0 };
    }
    const stmt = evidence[entity];
    if (!stmt) return NO_CONTEXT;
    const row = stmt.get(id) as { claim_id: string; label: string | null; gone: number } | undefined;
    if (!row) return { ...NO_CONTEXT, gone: true };
    const owner = claim.get(row.claim_id) as { text: string; gone: number } | undefined;
    return {
      claimId: row.claim_id,
      claimText: owner?.text ?? null,
      label: row.label,
      gone: row.gone !== 0 || !owner || owner.gone !== 0,
    };
  };
}
