import { z } from 'zod';
import type { SameTextDocument } from '../../../shared/team';
import type { ChangeRow } from '../store/change-row';
import { CREATE_FIELD } from '../store/entities';
import type { DB } from '../store/open';

const createdDocument = z.object({ title: z.string().optional(), contentHash: z.string().optional() }).loose();

/**
 * Documents a teammate imported on their own that this workspace already holds with the very same
 * text (same content hash, different id). A merge keeps both copies, each with its own claims, so
 * the preview names them rather than letting the list fill with look-alikes.
 */
export function sameTextDocuments(db: DB, rows: readonly ChangeRow[]): SameTextDocument[] {
  const known = db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck();
  const yours = db.prepare(
    'SELECT id, title FROM documents WHERE content_hash = ? AND deleted = 0 AND id <> ? ORDER BY created_at LIMIT 1',
  );
  const found = new Map<string, SameTextDocument>();
  for (const r of rows) {
    if (r.entity !== 'document' || r.field !== CREATE_FIELD || r.value === null || found.has(r.entity_id)) continue;
    if (known.get(r.entity_id)) continue;
    const parsed = createdDocument.safeParse(safeJson(r.value));
    const hash = parsed.success ? parsed.data.contentHash : undefined;
    if (!hash) continue;
    const mine = yours.get(hash, r.entity_id) as { id: string; title: string } | undefined;
    if (!mine) continue;
    found.set(r.entity_id, {
      theirs: { id: r.entity_id, title: parsed.data?.title || 'Untitled document', importedBy: r.author },
      yours: { id: mine.id, title: mine.title || 'Untitled document' },
    });
  }
  return [...found.values()];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
