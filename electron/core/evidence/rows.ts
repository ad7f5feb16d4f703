import type { Attachment, AttachmentKind, Note, Source, Stance } from '../../../shared/evidence';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';
import { isViewable } from './attachments';

interface SourceRow {
  id: string;
  claim_id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  published_at: string | null;
  accessed_at: string | null;
  archive_url: string | null;
  excerpt: string;
  stance: Stance;
  attachment_id: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

const SOURCE_COLUMNS =
  'id, claim_id, url, title, publisher, published_at, accessed_at, archive_url, excerpt, stance, attachment_id, created_at, created_by, updated_at, updated_by';

function sourceFromRow(r: SourceRow): Source {
  return {
    id: r.id,
    claimId: r.claim_id,
    url: r.url,
    title: r.title,
    publisher: r.publisher,
    publishedAt: r.published_at,
    accessedAt: r.accessed_at,
    archiveUrl: r.archive_url,
    excerpt: r.excerpt,
    stance: r.stance,
    attachmentId: r.attachment_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function listSources(db: DB, claimId: string): Source[] {
  return (
    db
      .prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE claim_id = ? AND deleted = 0 ORDER BY created_at, rowid`)
      .all(claimId) as SourceRow[]
  ).map(sourceFromRow);
}

export function loadSource(db: DB, id: string): Source {
  const row = db.prepare(`SELECT ${SOURCE_COLUMNS} FROM sources WHERE id = ? AND deleted = 0`).get(id) as SourceRow | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No source with id ${id}`);
  return sourceFromRow(row);
}

interface AttachmentRow {
  id: string;
  claim_id: string;
  sha256: string;
  name: string;
  mime: string;
  size: number;
  kind: AttachmentKind | null;
  created_at: string;
  created_by: string;
}

const ATTACHMENT_SQL = `SELECT a.id, a.claim_id, a.sha256, a.name, a.mime, a.size, a.created_at, a.created_by,
  (SELECT kind FROM blobs b WHERE b.sha256 = a.sha256) AS kind FROM attachments a`;

function attachmentFromRow(r: AttachmentRow): Attachment {
  const kind = r.kind ?? 'other';
  return {
    id: r.id,
    claimId: r.claim_id,
    sha256: r.sha256,
    name: r.name,
    mime: r.mime,
    size: r.size,
    kind,
    viewable: isViewable(kind),
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export function listAttachments(db: DB, claimId: string): Attachment[] {
  return (
    db
      .prepare(`${ATTACHMENT_SQL} WHERE a.claim_id = ? AND a.deleted = 0 ORDER BY a.created_at, a.rowid`)
      .all(claimId) as AttachmentRow[]
  ).map(attachmentFromRow);
}

export function loadAttachment(db: DB, id: string): Attachment {
  const row = db.prepare(`${ATTACHMENT_SQL} WHERE a.id = ? AND a.deleted = 0`).get(id) as AttachmentRow | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No attachment with id ${id}`);
  return attachmentFromRow(row);
}

interface NoteRow {
  id: string;
  claim_id: string;
  text: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

function noteFromRow(r: NoteRow): Note {
  return { id: r.id, claimId: r.claim_id, text: r.text, author: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listNotes(db: DB, claimId: string): Note[] {
  return (
    db
      .prepare(
        'SELECT id, claim_id, text, created_by, created_at, updated_at FROM notes WHERE claim_id = ? AND deleted = 0 ORDER BY created_at, rowid',
      )
      .all(claimId) as NoteRow[]
  ).map(noteFromRow);
}

export function loadNote(db: DB, id: string): Note {
  const row = db
    .prepare('SELECT id, claim_id, text, created_by, created_at, updated_at FROM notes WHERE id = ? AND deleted = 0')
    .get(id) as NoteRow | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No note with id ${id}`);
  return noteFromRow(row);
}
