import { randomUUID } from 'node:crypto';
import type { VerdictCounts } from '../../../shared/domain';
import { ClaimbenchError } from '../../../shared/result';
import type { Handlers } from '../handler-types';
import { loadDocumentSummary } from '../documents/rows';
import type { DB } from '../store/open';
import { loadClaim } from './rows';
import { listClaims } from '../search/claim-list';
import { ofDocument, ofDocumentOrNone } from './of-document';

export function countVerdicts(db: DB, documentId?: string): VerdictCounts {
  const rows = db
    .prepare(
      `SELECT verdict, count(*) AS n FROM claims c WHERE c.deleted = 0 ${documentId ? `AND ${ofDocument('c.document_id')}` : ''} GROUP BY verdict`,
    )
    .all(...(documentId ? [documentId] : [])) as { verdict: string | null; n: number }[];
  const counts: VerdictCounts = { total: 0, reviewed: 0, unreviewed: 0, sourced: 0, disputed: 0, unverified: 0 };
  for (const r of rows) {
    if (r.verdict === 'sourced' || r.verdict === 'disputed' || r.verdict === 'unverified') counts[r.verdict] = r.n;
    else counts.unreviewed += r.n;
    counts.total += r.n;
  }
  counts.reviewed = counts.sourced + counts.disputed + counts.unverified;
  return counts;
}

/** Claimants with their claim counts, for the claimant filter. */
export function countClaimants(db: DB, documentId?: string): { claimant: string; count: number }[] {
  return db
    .prepare(
      `SELECT claimant, count(*) AS count FROM claims c WHERE c.deleted = 0 AND c.claimant IS NOT NULL AND c.claimant <> ''
       ${documentId ? `AND ${ofDocument('c.document_id')}` : ''} GROUP BY claimant COLLATE NOCASE ORDER BY count DESC, claimant LIMIT 500`,
    )
    .all(...(documentId ? [documentId] : [])) as { claimant: string; count: number }[];
}

/** Tags in use with their live claim counts (claim_tags holds live claims only), most used first. */
export function countTags(db: DB, documentId?: string): { tag: string; count: number }[] {
  return db
    .prepare(
      `SELECT t.tag, count(*) AS count FROM claim_tags t
       ${documentId ? 'JOIN claims c ON c.id = t.claim_id WHERE c.document_id = ?' : ''}
       GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT 500`,
    )
    .all(...(documentId ? [documentId] : [])) as { tag: string; count: number }[];
}

/** Assigned names with their live claim counts, then the workspace's other people; one entry per name, in any case. */
export function assigneeSuggestions(db: DB): { name: string; count: number }[] {
  const assigned = db
    .prepare(
      `SELECT assignee AS name, count(*) AS count FROM claims WHERE deleted = 0 AND assignee IS NOT NULL AND assignee <> ''
       GROUP BY assignee COLLATE NOCASE ORDER BY count DESC, assignee LIMIT 500`,
    )
    .all() as { name: string; count: number }[];
  const known = new Set(assigned.map((a) => a.name.toLocaleLowerCase()));
  const people = db.prepare("SELECT DISTINCT name FROM actors WHERE name <> '' ORDER BY name LIMIT 500").pluck().all() as string[];
  const others = people.filter((name) => !known.has(name.toLocaleLowerCase())).map((name) => ({ name, count: 0 }));
  return [...assigned, ...others];
}

function requireClaims(db: DB, ids: string[]): void {
  const exists = db.prepare('SELECT 1 FROM claims WHERE id = ? AND deleted = 0');
  for (const id of ids) if (!exists.get(id)) throw new ClaimbenchError('NOT_FOUND', `No claim with id ${id}`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The undo label of an edit: what it changed, when it changed one thing ("Undo Edit claimant"). */
function editLabel(patch: { text?: unknown; claimant?: unknown; rationale?: unknown }): string {
  const changed = [
    patch.text !== undefined && 'Edit claim text',
    patch.claimant !== undefined && 'Edit claimant',
    patch.rationale !== undefined && 'Edit rationale',
  ].filter((x): x is string => Boolean(x));
  return changed.length === 1 ? changed[0]! : 'Edit claim';
}

export const claimHandlers = {
  'claims.list': (input, { workspace }) => listClaims(workspace.db, input),

  'claims.get': ({ id }, { workspace }) => loadClaim(workspace.db, id),

  'claims.add': ({ documentId, text, claimant }, { workspace }) => {
    const db = workspace.db;
    if (documentId) loadDocumentSummary(db, documentId);
    const last = db
      .prepare(`SELECT max(ordinal) AS m FROM claims WHERE deleted = 0 AND ${ofDocumentOrNone('document_id')}`)
      .get(documentId ?? null, documentId ?? null) as { m: number | null };
    const id = randomUUID();
    workspace.undo.run('Add claim', (w) =>
      w.create('claim', id, {
        documentId: documentId ?? null,
        ordinal: (last.m ?? 0) + 1,
        text,
        anchor: null,
        claimant: claimant?.trim() || null,
        score: null,
        reasons: [],
        verdict: null,
      }),
    );
    return loadClaim(db, id);
  },

  'claims.update': ({ id, patch }, { workspace }) => {
    loadClaim(workspace.db, id);
    workspace.undo.run(editLabel(patch), (w) => {
      if (patch.text !== undefined) w.set('claim', id, 'text', patch.text);
      if (patch.claimant !== undefined) w.set('claim', id, 'claimant', patch.claimant?.trim() || null);
      if (patch.rationale !== undefined) w.set('claim', id, 'rationale', patch.rationale);
    });
    return loadClaim(workspace.db, id);
  },

  'claims.setVerdict': ({ ids, verdict, rationale }, { workspace }) => {
    const unique = [...new Set(ids)];
    requireClaims(workspace.db, unique);
    const label = unique.length === 1 ? `Mark ${verdict}` : `Mark ${plural(unique.length, 'claim')} ${verdict}`;
    let updated = 0;
    workspace.undo.run(label, (w) => {
      for (const id of unique) {
        const changed = w.set('claim', id, 'verdict', verdict);
        const reasoned = rationale !== undefined && w.set('claim', id, 'rationale', rationale);
        if (changed || reasoned) updated++;
      }
    });
    return { updated };
  },

  'claims.delete': ({ ids }, { workspace }) => {
    const unique = [...new Set(ids)];
    requireClaims(workspace.db, unique);
    workspace.undo.run(unique.length === 1 ? 'Delete claim' : `Delete ${plural(unique.length, 'claim')}`, (w) => {
      for (const id of unique) w.set('claim', id, 'deleted', true);
    });
    return { deleted: unique.length };
  },

  'stats.get': ({ documentId }, { workspace }) => countVerdicts(workspace.db, documentId),

  'claims.claimants': ({ documentId }, { workspace }) => countClaimants(workspace.db, documentId),
  'claims.tags': ({ documentId }, { workspace }) => countTags(workspace.db, documentId),

  'claims.assignees': (_input, { workspace }) => assigneeSuggestions(workspace.db),

  'claims.renameClaimant': ({ from, to, documentId }, { workspace }) => {
    const ids = workspace.db
      .prepare(
        `SELECT id FROM claims c WHERE c.deleted = 0 AND c.claimant = ? COLLATE NOCASE ${documentId ? `AND ${ofDocument('c.document_id')}` : ''}`,
      )
      .pluck()
      .all(from, ...(documentId ? [documentId] : [])) as string[];
    let updated = 0;
    workspace.undo.run(`Rename claimant “${from}” to “${to}”`, (w) => {
      for (const id of ids) if (w.set('claim', id, 'claimant', to)) updated++;
    });
    return { updated };
  },
} satisfies Partial<Handlers>;
