import type { ActivityEntry, ActivityPage } from '../../../shared/evidence';
import { ENTITY_REGISTRY, fieldLabel, isEntityName } from '../../../shared/entities/registry';
import { CREATE_FIELD, creationValue } from '../store/entities';
import type { DB } from '../store/open';
import { hlcTime } from '../store/recorder';
import type { ChangeRow } from '../store/change-row';

const ACTIVITY_FIELDS = ['hlc', 'entity', 'entity_id', 'field', 'value', 'author', 'action_id', 'action_label', 'signature'] as const;
type ActivityRow = Pick<ChangeRow, (typeof ACTIVITY_FIELDS)[number]>;
const ACTIVITY_COLUMNS = ACTIVITY_FIELDS.join(', ');
/** A claim's evidence: the entities that hang off it. */
const CHILD_TABLES: Record<string, string> = Object.fromEntries(
  (['source', 'note', 'attachment'] as const).map((e) => [e, ENTITY_REGISTRY[e].table]),
);

function quote(text: string | null | undefined, n = 60): string {
  const one = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return `“${one.length > n ? `${one.slice(0, n - 1)}…` : one}”`;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  return quote(typeof value === 'string' ? value : JSON.stringify(value), 50);
}

/**
 * The workspace's activity, newest first, one entry per field change, each with the value it
 * replaced and a plain-text sentence. Paged by HLC cursor so new changes never shift a page.
 */
export function listActivity(db: DB, opts: { before?: string; limit: number; claimId?: string }): ActivityPage {
  const before = opts.before ?? '\uffff';
  let rows: ActivityRow[];
  if (opts.claimId) {
    const related = [opts.claimId];
    for (const table of Object.values(CHILD_TABLES)) {
      related.push(...(db.prepare(`SELECT id FROM ${table} WHERE claim_id = ?`).pluck().all(opts.claimId) as string[]));
    }
    rows = db
      .prepare(
        `SELECT ${ACTIVITY_COLUMNS} FROM changes WHERE entity_id IN (SELECT value FROM json_each(?)) AND hlc < ? ORDER BY hlc DESC LIMIT ?`,
      )
      .all(JSON.stringify(related), before, opts.limit + 1) as ActivityRow[];
  } else {
    rows = db
      .prepare(`SELECT ${ACTIVITY_COLUMNS} FROM changes WHERE hlc < ? ORDER BY hlc DESC LIMIT ?`)
      .all(before, opts.limit + 1) as ActivityRow[];
  }
  const more = rows.length > opts.limit;
  const page = rows.slice(0, opts.limit);
  const previous = previousValueFinder(db);
  const context = claimContextFinder(db);
  const items = page.map((r): ActivityEntry => {
    const to = r.value === null ? null : (JSON.parse(r.value) as unknown);
    const from = r.field === CREATE_FIELD ? null : previous(r);
    const { claimId, claimText, label, gone } = context(r.entity, r.entity_id);
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
      summary:
        summarise(r, from, to, label, claimText) + (gone && !(r.field === 'deleted' && to === true) ? ' (since deleted)' : ''),
      unsigned: r.signature === null,
    };
  });
  return { items, nextBefore: more && page.length > 0 ? page[page.length - 1]!.hlc : null };
}

function summarise(r: ActivityRow, from: unknown, to: unknown, label: string | null, claimText: string | null): string {
  const noun = isEntityName(r.entity) ? ENTITY_REGISTRY[r.entity].noun : r.entity;
  const onClaim = claimText !== null && r.entity !== 'claim' ? ` on claim ${quote(claimText)}` : '';
  const subject = label ? `${noun} ${quote(label)}` : noun;
  if (r.field === CREATE_FIELD) {
    if (r.entity === 'note') return `${r.author} commented${onClaim}: ${quote(label)}`;
    return `${r.author} added ${subject}${onClaim}`;
  }
  if (r.field === 'deleted') return `${r.author} ${to ? 'deleted' : 'restored'} ${subject}${onClaim}`;
  const shown = (v: unknown) => (r.entity === 'claim' && r.field === 'verdict' && v === null ? '“not reviewed”' : show(v));
  return `${r.author} changed ${fieldLabel(r.entity, r.field)} of ${subject}${onClaim} from ${shown(from)} to ${shown(to)}`;
}

function previousValueFinder(db: DB) {
  const lastSet = db.prepare(
    'SELECT hlc, value FROM changes WHERE entity = ? AND entity_id = ? AND field = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1',
  );
  const created = db.prepare(
    'SELECT hlc, value FROM changes WHERE entity = ? AND entity_id = ? AND field = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1',
  );
  return (r: ActivityRow): unknown => {
    const set = lastSet.get(r.entity, r.entity_id, r.field, r.hlc) as { hlc: string; value: string | null } | undefined;
    const base = created.get(r.entity, r.entity_id, CREATE_FIELD, r.hlc) as { hlc: string; value: string | null } | undefined;
    if (set && (!base || set.hlc > base.hlc)) return set.value === null ? null : JSON.parse(set.value);
    if (!base?.value) return null;
    const fields = JSON.parse(base.value) as Record<string, unknown>;
    return creationValue(r.entity, r.field, fields[r.field] ?? null);
  };
}

interface ChangeContext {
  claimId: string | null;
  claimText: string | null;
  label: string | null;
  /** The item is deleted now, or the claim or document it belongs to is. */
  gone: boolean;
}

function claimContextFinder(db: DB) {
  // A claim is gone when it was deleted itself or with its document.
  const claim = db.prepare(
    `SELECT c.text, c.deleted OR coalesce(d.deleted, 0) AS gone FROM claims c LEFT JOIN documents d ON d.id = c.document_id
     WHERE c.id = ?`,
  );
  const document = db.prepare('SELECT title, deleted AS gone FROM documents WHERE id = ?');
  const child = Object.fromEntries(
    Object.entries(CHILD_TABLES).map(([entity, table]) => {
      const labelColumn = entity === 'source' ? "coalesce(nullif(title, ''), url, excerpt)" : entity === 'note' ? 'text' : 'name';
      return [entity, db.prepare(`SELECT claim_id, ${labelColumn} AS label, deleted AS gone FROM ${table} WHERE id = ?`)];
    }),
  );
  return (entity: string, id: string): ChangeContext => {
    if (entity === 'claim') {
      const row = claim.get(id) as { text: string; gone: number } | undefined;
      return { claimId: id, claimText: row?.text ?? null, label: row?.text ?? null, gone: !row || row.gone !== 0 };
    }
    if (entity === 'document') {
      const row = document.get(id) as { title: string; gone: number } | undefined;
      return { claimId: null, claimText: null, label: row?.title ?? null, gone: !row || row.gone !== 0 };
    }
    const stmt = child[entity];
    if (!stmt) return { claimId: null, claimText: null, label: null, gone: false };
    const row = stmt.get(id) as { claim_id: string; label: string | null; gone: number } | undefined;
    if (!row) return { claimId: null, claimText: null, label: null, gone: true };
    const owner = claim.get(row.claim_id) as { text: string; gone: number } | undefined;
    return {
      claimId: row.claim_id,
      claimText: owner?.text ?? null,
      label: row.label,
      gone: row.gone !== 0 || !owner || owner.gone !== 0,
    };
  };
}
