/**
 * Sources, notes, attachments (migration 002) and open merge conflicts (migration 003) for the
 * claims of a report. Each reader checks that its table exists, so the report builder also works
 * on a database migrated only part of the way (as the migration tests create).
 */
import { STANCES, type Stance } from '../../../shared/evidence';
import type { StoredRow } from '../../../shared/entities/registry';
import type { DB } from '../store/open';
import type { ReportAttachment, ReportNote, ReportSource } from './schema';

function hasTable(db: DB, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

function asStance(value: string): Stance {
  return (STANCES as readonly string[]).includes(value) ? (value as Stance) : 'context';
}

const orNull = (v: string | null): string | null => (v === null || v === '' ? null : v);

/** "example.org" for a source with a link but no title: the full link is printed beside it. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function groupByClaim<T>(rows: { claim_id: string }[], map: (row: never) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.claim_id);
    const item = map(r as never);
    if (list) list.push(item);
    else out.set(r.claim_id, [item]);
  }
  return out;
}

export type AttachmentInfo = Omit<ReportAttachment, 'claimIds'> & { claimId: string };

export interface Evidence {
  sourcesByClaim: Map<string, ReportSource[]>;
  notesByClaim: Map<string, ReportNote[]>;
  attachmentsByClaim: Map<string, AttachmentInfo[]>;
  attachmentsById: Map<string, AttachmentInfo>;
  /** Attachment id cited by each source, so the appendix can list every claim a file backs. */
  attachmentOfSource: Map<string, string>;
}

type AttachmentRow = Pick<StoredRow<'attachment'>, 'id' | 'claim_id' | 'sha256' | 'name' | 'mime' | 'size'>;
type SourceRow = Omit<StoredRow<'source'>, 'deleted' | 'created_at' | 'updated_at' | 'updated_by'>;
type NoteRow = Pick<StoredRow<'note'>, 'id' | 'claim_id' | 'text' | 'created_at' | 'created_by'>;

export function loadEvidence(db: DB): Evidence {
  const evidence: Evidence = {
    sourcesByClaim: new Map(),
    notesByClaim: new Map(),
    attachmentsByClaim: new Map(),
    attachmentsById: new Map(),
    attachmentOfSource: new Map(),
  };
  if (hasTable(db, 'attachments')) {
    const rows = db
      .prepare(
        'SELECT id, claim_id, sha256, name, mime, size FROM attachments WHERE deleted = 0 ORDER BY claim_id, created_at, rowid',
      )
      .all() as AttachmentRow[];
    evidence.attachmentsByClaim = groupByClaim(rows, (r: AttachmentRow) => ({
      id: r.id,
      claimId: r.claim_id,
      fileName: r.name || r.sha256.slice(0, 12),
      mediaType: orNull(r.mime),
      size: r.size,
      sha256: r.sha256.toLowerCase(),
    }));
    for (const list of evidence.attachmentsByClaim.values()) for (const a of list) evidence.attachmentsById.set(a.id, a);
  }
  if (hasTable(db, 'sources')) {
    const rows = db
      .prepare(
        `SELECT id, claim_id, url, title, publisher, published_at, accessed_at, archive_url, excerpt, stance, attachment_id, created_by
         FROM sources WHERE deleted = 0 ORDER BY claim_id, created_at, rowid`,
      )
      .all() as SourceRow[];
    evidence.sourcesByClaim = groupByClaim(rows, (r: SourceRow): ReportSource => {
      const attachment = r.attachment_id ? evidence.attachmentsById.get(r.attachment_id) : undefined;
      if (attachment) evidence.attachmentOfSource.set(r.id, attachment.id);
      return {
        id: r.id,
        title: r.title || attachment?.fileName || r.publisher || (r.url ? hostOf(r.url) : null) || 'Quoted passage',
        url: orNull(r.url),
        publisher: orNull(r.publisher),
        publishedAt: orNull(r.published_at),
        accessedAt: orNull(r.accessed_at),
        archiveUrl: orNull(r.archive_url),
        excerpt: r.excerpt,
        stance: asStance(r.stance),
        attachmentSha256: attachment?.sha256 ?? null,
        // The row's creator is its creation change's author, as the claim's history names it.
        addedBy: r.created_by,
      };
    });
  }
  if (hasTable(db, 'notes')) {
    const rows = db
      .prepare(
        'SELECT id, claim_id, text, created_at, created_by FROM notes WHERE deleted = 0 ORDER BY claim_id, created_at, rowid',
      )
      .all() as NoteRow[];
    evidence.notesByClaim = groupByClaim(rows, (r: NoteRow) => ({
      id: r.id,
      author: r.created_by,
      at: r.created_at,
      text: r.text,
    }));
  }
  return evidence;
}

/** Claim ids with an open merge conflict (a row in `conflicts` means open; resolving deletes it). */
export function loadConflictedClaimIds(db: DB): Set<string> {
  if (!hasTable(db, 'conflicts')) return new Set();
  return new Set(db.prepare("SELECT DISTINCT entity_id FROM conflicts WHERE entity = 'claim'").pluck().all() as string[]);
}
