import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/api';
import { claimWarnings } from '../../../shared/evidence';
import { ClaimbenchError } from '../../../shared/result';
import { loadClaim } from '../claims/rows';
import type { Handlers } from '../handler-types';
import type { DB } from '../store/open';
import type { Writer } from '../store/recorder';
import {
  cleanAttachmentName,
  decodeBase64Attachment,
  exportForViewing,
  readBlob,
  sha256Hex,
  sniffKind,
  storeBlob,
} from './attachments';
import { listAttachments, listNotes, listSources, loadAttachment, loadNote, loadSource } from './rows';
import { parseSourceDate } from './dates';
import { classifyPaste, parseSourceUrl } from './urls';

type SourceFields = ParsedInput<'sources.update'>['patch'];

/** A refusal that names the field it is about, where the message alone could be about the main link or date. */
function naming<T>(label: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ClaimbenchError) throw new ClaimbenchError(e.code, `${label}: ${e.message}`);
    throw e;
  }
}

/** The column values a source input maps to; URLs are checked here, before any write. */
function sourceValues(db: DB, claimId: string, f: SourceFields): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (f.url !== undefined) values.url = f.url === null || f.url === '' ? null : parseSourceUrl(f.url);
  if (f.title !== undefined) values.title = f.title.trim();
  if (f.publisher !== undefined) values.publisher = f.publisher?.trim() || null;
  if (f.publishedAt !== undefined) values.publishedAt = f.publishedAt?.trim() ? parseSourceDate(f.publishedAt) : null;
  if (f.accessedAt !== undefined)
    values.accessedAt = f.accessedAt?.trim() ? naming('Date accessed', () => parseSourceDate(f.accessedAt!)) : null;
  if (f.archiveUrl !== undefined)
    values.archiveUrl = f.archiveUrl?.trim() ? naming('Archived copy', () => parseSourceUrl(f.archiveUrl!)) : null;
  if (f.excerpt !== undefined) values.excerpt = f.excerpt;
  if (f.stance !== undefined) values.stance = f.stance;
  if (f.attachmentId !== undefined) {
    if (f.attachmentId !== null && loadAttachment(db, f.attachmentId).claimId !== claimId) {
      throw new ClaimbenchError('VALIDATION', 'That attachment belongs to another claim.');
    }
    values.attachmentId = f.attachmentId;
  }
  return values;
}

/** Adding or editing, a source keeps something to point at. */
function refuseEmptySource(values: Record<string, unknown>): void {
  if (!values.url && !String(values.excerpt ?? '').trim() && !values.attachmentId && !String(values.title ?? '').trim()) {
    throw new ClaimbenchError('VALIDATION', 'A source needs a link, a title, an excerpt or an attached file.');
  }
}

interface PreparedAttachment {
  name: string;
  mime: string;
  bytes: Buffer;
  sha256: string;
  kind: ReturnType<typeof sniffKind>;
}

/** Decode and check an attachment before any transaction starts. */
function prepareAttachment(file: { name: string; mime?: string; base64: string }): PreparedAttachment {
  const bytes = decodeBase64Attachment(file.base64);
  return {
    name: cleanAttachmentName(file.name),
    mime: (file.mime ?? '').trim().slice(0, 200) || 'application/octet-stream',
    bytes,
    sha256: sha256Hex(bytes),
    kind: sniffKind(bytes),
  };
}

/** Inside the caller's transaction. */
function storeAttachment(db: DB, w: Writer, id: string, claimId: string, a: PreparedAttachment): void {
  // The blob is content-addressed and immutable, so it sits outside the change log; it is
  // written in the same transaction as the attachment entity that refers to it.
  storeBlob(db, a.sha256, a.bytes, a.kind);
  w.create('attachment', id, { claimId, sha256: a.sha256, name: a.name, mime: a.mime, size: a.bytes.length });
}

function softDelete(w: Writer, entity: 'source' | 'note' | 'attachment', id: string): void {
  w.set(entity, id, 'deleted', true);
}

function clip(text: string, n = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** How an undo notice names a source: its title, else its link's host, else its excerpt ("Undone: Delete source “…”"). */
function sourceName(source: { title?: unknown; url?: unknown; excerpt?: unknown }): string {
  const host = typeof source.url === 'string' && source.url ? URL.parse(source.url)?.hostname.replace(/^www\./, '') : '';
  return clip(String(source.title || host || source.url || source.excerpt || 'file'));
}

export const evidenceHandlers = {
  'claims.evidence': ({ id }, { workspace }) => {
    const db = workspace.db;
    const claim = loadClaim(db, id);
    const sources = listSources(db, id);
    return {
      claimId: id,
      sources,
      attachments: listAttachments(db, id),
      notes: listNotes(db, id),
      warnings: claimWarnings({ verdict: claim.verdict, rationale: claim.rationale, sources }),
    };
  },

  'sources.add': ({ claimId, pasted, file, ...fields }, { workspace }) => {
    const db = workspace.db;
    loadClaim(db, claimId);
    const fromPaste: SourceFields = pasted?.trim() ? classifyPaste(pasted) : {};
    // Everything is checked before the one transaction below, so a refusal stores nothing.
    const values = sourceValues(db, claimId, { ...fromPaste, ...stripUndefined(fields) });
    const attached = file ? prepareAttachment(file) : null;
    if (!attached) refuseEmptySource(values);
    const id = randomUUID();
    const attachmentId = attached ? randomUUID() : null;
    if (attached && !values.url && !String(values.title ?? '').trim()) values.title = attached.name;
    // A link is read on the day it is recorded, unless the checker says otherwise.
    if (values.url && values.accessedAt === undefined) values.accessedAt = new Date().toISOString().slice(0, 10);
    workspace.undo.run(`Add source “${sourceName(values)}”`, (w) => {
      if (attached && attachmentId) {
        storeAttachment(db, w, attachmentId, claimId, attached);
        values.attachmentId = attachmentId;
      }
      w.create('source', id, { claimId, ...values });
    });
    return loadSource(db, id);
  },

  'sources.update': ({ id, patch }, { workspace }) => {
    const source = loadSource(workspace.db, id);
    const values = sourceValues(workspace.db, source.claimId, patch);
    refuseEmptySource({ ...source, ...values });
    workspace.undo.run(`Edit source “${sourceName(source)}”`, (w) => {
      for (const [field, value] of Object.entries(values)) w.set('source', id, field, value);
    });
    return loadSource(workspace.db, id);
  },

  'sources.delete': ({ id }, { workspace }) => {
    const source = loadSource(workspace.db, id);
    workspace.undo.run(`Delete source “${sourceName(source)}”`, (w) => softDelete(w, 'source', id));
    return { deleted: 1 };
  },

  'sources.list': ({ claimId }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    return listSources(workspace.db, claimId);
  },

  'attachments.add': ({ claimId, ...file }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    const prepared = prepareAttachment(file);
    const id = randomUUID();
    workspace.undo.run(`Attach “${clip(prepared.name)}”`, (w) => storeAttachment(workspace.db, w, id, claimId, prepared));
    return loadAttachment(workspace.db, id);
  },

  'attachments.list': ({ claimId }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    return listAttachments(workspace.db, claimId);
  },

  'attachments.delete': ({ id }, { workspace }) => {
    loadAttachment(workspace.db, id);
    workspace.undo.run('Delete attachment', (w) => softDelete(w, 'attachment', id));
    return { deleted: 1 };
  },

  'attachments.export': ({ id }, { workspace }) => {
    const a = loadAttachment(workspace.db, id);
    const target = exportForViewing(readBlob(workspace.db, a.sha256), a.kind, a.name);
    return { path: target, name: a.name, size: a.size };
  },

  'attachments.open': async ({ id }, { workspace, host }) => {
    if (!host?.openPath) throw new ClaimbenchError('FORBIDDEN', 'Opening files is only available in the app.');
    const a = loadAttachment(workspace.db, id);
    await host.openPath(exportForViewing(readBlob(workspace.db, a.sha256), a.kind, a.name));
    return { opened: true as const, name: a.name };
  },

  'notes.add': ({ claimId, text }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    const id = randomUUID();
    workspace.undo.run('Add note', (w) => w.create('note', id, { claimId, text }));
    return loadNote(workspace.db, id);
  },

  'notes.list': ({ claimId }, { workspace }) => {
    loadClaim(workspace.db, claimId);
    return listNotes(workspace.db, claimId);
  },

  'notes.delete': ({ id }, { workspace }) => {
    loadNote(workspace.db, id);
    workspace.undo.run('Delete note', (w) => softDelete(w, 'note', id));
    return { deleted: 1 };
  },
} satisfies Partial<Handlers>;

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
