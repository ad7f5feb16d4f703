import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/evidence-api';
import type { AttachmentKind } from '../../../shared/evidence';
import { ClaimbenchError } from '../../../shared/result';
import type { DB } from '../store/open';
import { cleanAttachmentName } from '../../../shared/entities/file-name';

export { cleanAttachmentName };

/**
 * What may be handed to the system viewer is decided by the bytes, not by the name: a PDF, an
 * image or plain text is written out under the extension that matches its content, so an
 * `invoice.pdf` that is really a program, a script or an HTML page can never be launched or run
 * by a double-click. HTML and SVG count as text only when they are valid UTF-8 and are written
 * with `.txt`, so the viewer shows their source instead of running their scripts.
 */
const VIEWABLE: Record<AttachmentKind, string | null> = {
  pdf: '.pdf',
  png: '.png',
  jpeg: '.jpg',
  gif: '.gif',
  webp: '.webp',
  text: '.txt',
  other: null,
};

export function isViewable(kind: AttachmentKind): boolean {
  return VIEWABLE[kind] !== null;
}

export function sniffKind(bytes: Buffer): AttachmentKind {
  const head = bytes.subarray(0, 16);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  const magic6 = head.subarray(0, 6).toString('latin1');
  if (magic6 === 'GIF87a' || magic6 === 'GIF89a') return 'gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  if (looksLikeText(bytes)) return 'text';
  return 'other';
}

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length === 0) return true;
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return false;
  try {
    // A cut in the middle of a multi-byte character at the sample's end is not a reason to refuse.
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? trimPartial(sample) : sample);
    return true;
  } catch {
    return false;
  }
}

function trimPartial(b: Buffer): Buffer {
  let end = b.length;
  for (let i = 0; i < 4 && end > 0 && (b[end - 1]! & 0xc0) === 0x80; i++) end--;
  if (end > 0 && b[end - 1]! >= 0xc0) end--;
  return b.subarray(0, end);
}

export function decodeBase64Attachment(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) {
    throw new ClaimbenchError('VALIDATION', 'The attachment data is not valid base64.');
  }
  if (Math.floor((compact.length * 3) / 4) > MAX_ATTACHMENT_BYTES + 2) throw tooLarge();
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(bytes.length);
  return bytes;
}

export function tooLarge(size?: number): ClaimbenchError {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return new ClaimbenchError(
    'VALIDATION',
    `The attachment is ${size ? mb(size) : 'too large'}; attachments can be at most ${mb(MAX_ATTACHMENT_BYTES)}.`,
  );
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Store bytes once per content hash; call inside the action's transaction. */
export function storeBlob(db: DB, sha256: string, bytes: Buffer, kind: AttachmentKind): void {
  db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, kind, bytes) VALUES (?, ?, ?, ?)').run(
    sha256,
    bytes.length,
    kind,
    bytes,
  );
}

export function readBlob(db: DB, sha256: string): Buffer {
  const row = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  if (!row) throw new ClaimbenchError('NOT_FOUND', 'The attachment’s bytes are missing from this workspace.');
  return row.bytes;
}

/**
 * Write an attachment to a new private temporary folder under a safe name whose extension comes
 * from the sniffed kind. The shell opens that path with shell.openPath on the checker's click.
 */
export function exportForViewing(bytes: Buffer, kind: AttachmentKind, displayName: string): string {
  const extension = VIEWABLE[kind];
  if (!extension) {
    throw new ClaimbenchError(
      'FORBIDDEN',
      'This attachment is not a PDF, an image or plain text, so Claimbench will not open it (it could be a program).',
    );
  }
  const stem =
    cleanAttachmentName(displayName)
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N} _-]+/gu, '_')
      .slice(0, 80) || 'attachment';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `claimbench-open-${randomBytes(4).toString('hex')}-`));
  const target = path.join(dir, `${stem}${extension}`);
  fs.writeFileSync(target, bytes, { mode: 0o400, flag: 'wx' });
  return target;
}
