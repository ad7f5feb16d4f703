import type { StoredRow } from '../../../shared/entities/registry';
import type { Attachment, AttachmentKind, Note, Source } from '../../../shared/evidence';
import { ClaimbenchError } from '../../../shared/result';
import { columnsOf, recordFromRow } from '../store/entity-rows';
import type { DB } from '../store/open';
import { isViewable } from './attachments';

type SourceRow = StoredRow<'source'>;

const SOURCE_COLUMNS = columnsOf('source');

function sourceFromRow(r: SourceRow): Source {
  const { deleted: _deleted, ...source } = recordFromRow('source', r);
  return source;
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

type AttachmentRow = StoredRow<'attachment'> & { kind: AttachmentKind | null };

const ATTACHMENT_SQL = `SELECT ${columnsOf('attachment', { alias: 'a' })},
  (SELECT kind FROM blobs b WHERE b.sha256 = a.sha256) AS kind FROM attachments a`;

function attachmentFromRow(r: AttachmentRow): Attachment {
  const { id, claimId, sha256, name, mime, size, createdAt, createdBy } = recordFromRow('attachment', r);
  const kind = r.kind ?? 'other';
  return { id, claimId, sha256, name, mime, size, kind, viewable: isViewable(kind), createdAt, createdBy };
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

type NoteRow = StoredRow<'note'>;

const NOTE_SQL = `SELECT ${columnsOf('note')} FROM notes`;

function noteFromRow(r: NoteRow): Note {
  const { id, claimId, text, createdBy, createdAt, updatedAt } = recordFromRow('note', r);
  return { id, claimId, text, author: createdBy, createdAt, updatedAt };
}

export function listNotes(db: DB, claimId: string): Note[] {
  return (db.prepare(`${NOTE_SQL} WHERE claim_id = ? AND deleted = 0 ORDER BY created_at, rowid`).all(claimId) as NoteRow[]).map(
    noteFromRow,
  );
}

export function loadNote(db: DB, id: string): Note {
  const row = db.prepare(`${NOTE_SQL} WHERE id = ? AND deleted = 0`).get(id) as NoteRow | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', `No note with id ${id}`);
  return noteFromRow(row);
}
